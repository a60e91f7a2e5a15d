import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { requireUser } from "@/lib/auth/session";
import { getNotificationSettings } from "@/lib/notify/preferences";
import { NotificationsForm } from "@/components/settings/notifications-form";
import { saveNotifications } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Notifications"))("title") };
}

export default async function NotificationsPage() {
  const user = await requireUser();
  const settings = await getNotificationSettings(user);
  const t = await getTranslations("Notifications");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("writesTo", { email: user.email })}</p>
      <section aria-labelledby="security-mail-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
        <h2 id="security-mail-heading" className="text-lg font-semibold">
          {t("securityHeading")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("securityIntro")}</p>
        <ul className="mt-2 list-disc pl-6 text-sm">
          {settings.security.map((key) => (
            <li key={key}>{t(`security.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-label={t("optionalLegend")} className="mt-4 rounded-md bg-white p-4 shadow-sm">
        <IntlProvider namespaces={["Notifications"]}>
          <NotificationsForm
            options={settings.optional.map((option) => ({
              ...option,
              label: t(`kinds.${option.kind}.label`),
              description: t(`kinds.${option.kind}.description`),
            }))}
            action={saveNotifications}
          />
        </IntlProvider>
      </section>
    </>
  );
}
