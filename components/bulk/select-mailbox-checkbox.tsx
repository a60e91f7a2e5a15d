"use client";

import { useTranslations } from "next-intl";
import { useBulkSelection } from "./bulk-selection";

/** One row's checkbox, named "Select ADDRESS" for screen readers and tests. */
export function SelectMailboxCheckbox({ value, address }: { value: string; address: string }) {
  const t = useTranslations("Bulk");
  const { isSelected, toggle } = useBulkSelection();
  return (
    <input
      type="checkbox"
      aria-label={t("selectMailbox", { address })}
      checked={isSelected(value)}
      onChange={(e) => toggle(value, e.target.checked)}
      className="h-5 w-5 align-middle focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
    />
  );
}
