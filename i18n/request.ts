import { getRequestConfig } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/server";
import { messagesFor } from "@/lib/i18n/messages";

// next-intl's request configuration (the plugin in next.config.ts points it here): no locale in the URL, so it is
// the user's setting, else Accept-Language, else English (lib/i18n/server.ts).
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: await messagesFor(locale) };
});
