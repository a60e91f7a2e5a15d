import "server-only";
import { createTranslator } from "next-intl";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { sessionUser } from "@/lib/auth/session";
import { DEFAULT_LOCALE, localeFromAcceptLanguage, resolveLocale, type Locale } from "./locales";
import { messagesFor, type Namespace } from "./messages";

/** The request's locale: the signed-in user's setting, else Accept-Language, else English (also outside a request: a job, a script). */
export async function requestLocale(): Promise<Locale> {
  try {
    const acceptLanguage = (await headers()).get("accept-language");
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
