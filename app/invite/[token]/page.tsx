import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { formatUtcDateTime } from "@/lib/format";
import { invitationLinkView, PANEL_PASSWORD_MIN_LENGTH } from "@/lib/mail/invitations";
import { SetPasswordForm } from "@/components/onboarding/set-password-form";
import { acceptInvitation } from "./actions";

// The token is in this page's address: never send it on as a referrer.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Invite"))("title"), referrer: "no-referrer" };
}

// Outside the panel layout, like /login: the person has no login yet.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await invitationLinkView(token);
  const [t, locale] = await Promise.all([getTranslations("Invite"), getLocale()]);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">{t("welcome")}</h1>
      {link.state === "pending" ? (
        <>
          <p className="mb-6 text-sm text-slate-700">{t("intro", { email: link.email, until: formatUtcDateTime(link.expiresAt, locale) })}</p>
          <IntlProvider namespaces={["SetPassword", "Password"]}>
            <SetPasswordForm
              action={acceptInvitation}
              token={token}
              email={link.email}
              minLength={PANEL_PASSWORD_MIN_LENGTH}
              submitLabel={t("submit")}
              done={
                <>
                  <p>{t("secondFactor")}</p>
                  <p className="flex flex-wrap gap-3">
                    <Link
                      href="/login?callbackUrl=/security/two-factor"
                      className="inline-block rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
                    >
                      {t("signInAndSetUp")}
                    </Link>
                    <Link href="/login" className="inline-block px-1 py-2 font-medium text-blue-800 underline">
                      {t("signIn")}
                    </Link>
                  </p>
                </>
              }
            />
          </IntlProvider>
        </>
      ) : (
        <>
          <p className="mt-2">{t(`spent.${link.state}`)}</p>
          {link.state === "accepted" ? (
            <p className="mt-4">
              <Link href="/login" className="font-medium text-blue-800 underline">
                {t("signIn")}
              </Link>
            </p>
          ) : (
            <p className="mt-4">
              {"invitedByEmail" in link && link.invitedByEmail ? t("askInviter", { inviter: link.invitedByEmail }) : t("askSupport")}
            </p>
          )}
        </>
      )}
    </main>
  );
}
