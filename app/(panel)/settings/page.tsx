import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { LOCALES } from "@/lib/i18n/locales";
import { panelLanguageOf } from "@/lib/mail/language";
import { IntlProvider } from "@/components/intl-provider";
import { LanguageForm } from "@/components/settings/language-form";
import { saveLanguage } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Settings"))("title") };
}

export default async function SettingsPage() {
  const user = await requireUser();
  const [t, tLanguages, stored] = await Promise.all([getTranslations("Settings"), getTranslations("Languages"), panelLanguageOf(user.id)]);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section aria-labelledby="language-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
        <h2 id="language-heading" className="text-lg font-semibold">
          {t("languageHeading")}
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-700">{t("languageIntro")}</p>
        <IntlProvider namespaces={["Settings"]}>
          <LanguageForm current={stored ?? "browser"} languages={LOCALES.map((code) => ({ code, name: tLanguages(code) }))} action={saveLanguage} />
        </IntlProvider>
      </section>
      <section aria-labelledby="more-settings-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
        <h2 id="more-settings-heading" className="text-lg font-semibold">
          {t("moreHeading")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
          <li>
            <Link href="/settings/api-tokens" className="text-blue-800 underline underline-offset-2">
              {t("apiTokens")}
            </Link>
          </li>
          <li>
            <Link href="/security/two-factor" className="text-blue-800 underline underline-offset-2">
              {t("twoFactor")}
            </Link>
          </li>
          <li>
            <Link href="/settings/notifications" className="text-blue-800 underline underline-offset-2">
              {t("emails")}
            </Link>
          </li>
        </ul>
      </section>
    </>
  );
}
