import "server-only";
// use-intl's core, not next-intl's entry: scripts (the admin CLI, the bench, mail jobs run by tsx with the react-server
// condition) cannot load React's client hooks that next-intl's entry pulls in.
import { createTranslator } from "use-intl/core";
import { headers } from "next/headers";
// Where next/navigation's server export lives (next/navigation itself needs React's client build; see lib/audit/write.ts).
import { unstable_rethrow } from "next/dist/client/components/unstable-rethrow";
import { DEFAULT_LOCALE, localeFromAcceptLanguage, resolveLocale, type Locale } from "./locales";
import { messagesFor, type Namespace } from "./messages";

/** The request's locale: the signed-in user's setting, else Accept-Language, else English (also outside a request: a job, a script). */
export async function requestLocale(): Promise<Locale> {
  try {
    const acceptLanguage = (await headers()).get("accept-language");
    // Loaded only inside a request: the session module needs next/navigation, which scripts cannot load.
    const { sessionUser } = await import("@/lib/auth/session");
    const user = await sessionUser();
    return resolveLocale(user?.locale, acceptLanguage);
  } catch (error) {
    unstable_rethrow(error);
    return DEFAULT_LOCALE;
  }
}

/** The locale named by the request's Accept-Language alone (sign-in, invitations, the REST API), else English. */
export async function browserLocale(): Promise<Locale> {
  try {
    return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
  } catch (error) {
    unstable_rethrow(error);
    return DEFAULT_LOCALE;
  }
}

/**
 * A translator for one namespace in a given locale, or the request's. For code outside React (lib/mail, lib/api,
 * mail jobs); pages and server components use next-intl's getTranslations.
 */
export async function translator<N extends Namespace>(namespace: N, locale?: Locale) {
  const chosen = locale ?? (await requestLocale());
  return createTranslator({ locale: chosen, messages: await messagesFor(chosen), namespace });
}
