import type { Locale } from "@/lib/i18n/locales";
import type en from "@/messages/en.json";

// Typed message keys: a t("…") call with a key that English does not have is a type error.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
