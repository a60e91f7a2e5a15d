import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { recoveryCodesLeft } from "@/lib/mail/two-factor";
import { IntlProvider } from "@/components/intl-provider";
import { PageShell } from "@/components/page-shell";
import { TwoFactorSetup } from "@/components/two-factor/two-factor-setup";
import { TurnOffTwoFactorForm } from "@/components/two-factor/turn-off-form";
import { beginEnrolmentAction, confirmEnrolmentAction, turnOffAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("TwoFactor"))("title") };
}

// Outside the panel layout on purpose: support and admin without two-factor sign-in can reach only this page, so they
// get the panel's shell without the links they could not follow yet.
export default async function TwoFactorPage() {
  const user = await sessionUser();
  if (!user) redirect("/login?callbackUrl=/security/two-factor");
  const staff = isStaff(user.role);
  const [remaining, t] = await Promise.all([user.twoFactorEnabled ? recoveryCodesLeft(user.id) : 0, getTranslations("TwoFactor")]);
  return (
    <PageShell user={{ email: user.email, role: user.role }} nav={staff && !user.twoFactorEnabled ? "minimal" : "full"}>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {user.twoFactorEnabled ? (
        <>
          <p className="mt-2">{t("isOn", { email: user.email, remaining })}</p>
          {staff ? (
            <p className="mt-2 text-sm text-slate-700">{t("staffMustKeep")}</p>
          ) : (
            <section aria-labelledby="off-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
              <h2 id="off-heading" className="text-lg font-semibold">
                {t("turnOffHeading")}
              </h2>
              <IntlProvider namespaces={["TwoFactor"]}>
                <TurnOffTwoFactorForm action={turnOffAction} />
              </IntlProvider>
            </section>
          )}
        </>
      ) : (
        <>
          <p className="mt-2 max-w-2xl">{staff ? t("staffNeeds") : t("protect")}</p>
          <section aria-label={t("setUpRegion")} className="mt-6 rounded-md bg-white p-4 shadow-sm">
            <IntlProvider namespaces={["TwoFactor"]}>
              <TwoFactorSetup begin={beginEnrolmentAction} confirm={confirmEnrolmentAction} />
            </IntlProvider>
          </section>
        </>
      )}
    </PageShell>
  );
}
