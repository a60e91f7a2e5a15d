import "server-only";
import { auditWrite } from "@/lib/audit/write";
import type { WriteContext } from "@/lib/core/write-context";
import { findUserById, setUserLocale } from "@/lib/db/users";
import { NotFoundError } from "@/lib/core/errors";
import type { Locale } from "@/lib/i18n/locales";

/** The signed-in user's language setting: a locale, or null to follow the browser. */
export async function panelLanguageOf(userId: string): Promise<Locale | null> {
  const user = await findUserById(userId);
  return (user?.locale as Locale | null | undefined) ?? null;
}

/** Sets the signed-in user's own language (null: the browser's), audited like their other settings. */
export async function setPanelLanguage(context: WriteContext, locale: Locale | null): Promise<void> {
  const before = await panelLanguageOf(context.actor.id);
  if (!(await setUserLocale(context.actor.id, locale))) throw new NotFoundError("Your login");
  await auditWrite(context, {
    accountId: null,
    action: "user.locale.change",
    target: context.actor.email,
    outcome: "success",
    detail: { before: before ?? "browser", after: locale ?? "browser" },
  });
}
