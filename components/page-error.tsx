"use client";

import { useTranslations } from "next-intl";
import { unstable_isUnrecognizedActionError as isStaleAction } from "next/navigation";

const button = "mt-4 rounded-md bg-blue-700 px-4 py-2 font-semibold text-white focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";

/**
 * Last-resort error text: a plain sentence and a retry, never the error's message (it may hold internals).
 * A form from before a deploy calls an action the new server no longer knows: that is said as such.
 */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Common.pageError");
  const digest = error.digest;
  if (isStaleAction(error)) {
    return (
      <div role="alert">
        <h1 className="text-2xl font-bold">{t("updatedTitle")}</h1>
        <p className="mt-2">{t("updatedText")}</p>
        <button type="button" onClick={() => window.location.reload()} className={button}>
          {t("reload")}
        </button>
      </div>
    );
  }
  return (
    <>
      <div role="alert">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2">{t("text")}</p>
        {digest ? <p className="mt-2 text-sm text-slate-700">{t("reference", { digest })}</p> : null}
      </div>
      <button type="button" onClick={reset} className={button}>
        {t("tryAgain")}
      </button>
    </>
  );
}
