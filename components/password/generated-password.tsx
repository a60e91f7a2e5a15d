"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

const secondaryButton =
  "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";

/** A generated password shown in full with Copy; the text around it says how long it stays. */
export function GeneratedPassword({ password, label, note }: { password: string; label: string; note: string }) {
  const t = useTranslations("Password");
  const [copied, setCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(password);
    setCopied(true);
  }

  return (
    <div className="mt-2 text-sm">
      <p>{t.rich("generatedValue", { label, password, code: (chunks) => <code className="font-mono text-base break-all">{chunks}</code> })}</p>
      <p className="mt-1">{note}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button type="button" onClick={copy} className={secondaryButton}>
          {t("copy")}
        </button>
        <span aria-live="polite">{copied ? t("copied") : ""}</span>
      </div>
    </div>
  );
}
