import "server-only";
import type { z } from "zod";
import { DEFAULT_LOCALE } from "./locales";
import { requestLocale, translator } from "./server";

type Issue = z.core.$ZodIssue;

/**
 * Every field's messages from zod's issues, in the request's language. A schema names its message by a key of the
 * Fields messages (`.min(1, "emailRequired")`), with the rule's limit as `{minimum}`/`{maximum}`; a message that is
 * no key (a schema not converted yet, or zod's own English) stays as written in English and becomes the rule's
 * general sentence in any other language, so a form never mixes languages.
 */
export async function fieldErrorsFrom(issues: readonly Issue[]): Promise<Record<string, string[]>> {
  const locale = await requestLocale();
  const t = await translator("Fields", locale);
  const english = locale === DEFAULT_LOCALE;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    const limits = {
      minimum: "minimum" in issue ? Number(issue.minimum) : 0,
      maximum: "maximum" in issue ? Number(issue.maximum) : 0,
    };
    let message: string;
    // The key comes from a schema at run time, so it is checked here (t.has) rather than by the type of t.
    if (t.has(issue.message as never)) message = (t as unknown as (key: string, values: typeof limits) => string)(issue.message, limits);
    else if (english) message = issue.message;
    else if (issue.code === "too_small") message = limits.minimum <= 1 ? t("required") : t("tooShort", limits);
    else if (issue.code === "too_big") message = t("tooLong", limits);
    else message = t("invalid");
    (fieldErrors[field] ??= []).push(message);
  }
  return fieldErrors;
}
