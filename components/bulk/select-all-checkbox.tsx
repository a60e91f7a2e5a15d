"use client";

import { useEffect, useRef } from "react";
import { useBulkSelection } from "./bulk-selection";

/** "Select all on this page": checked when every row is, mixed (indeterminate) when some are; Space toggles them all. */
export function SelectAllCheckbox({ values, label = "Select all on this page" }: { values: string[]; label?: string }) {
  const { isSelected, setMany } = useBulkSelection();
  const ref = useRef<HTMLInputElement>(null);
  const count = values.filter(isSelected).length;
  const all = values.length > 0 && count === values.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      checked={all}
      onChange={(e) => setMany(values, e.target.checked)}
      className="h-5 w-5 align-middle focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
    />
  );
}
