import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { resetLinkView } from "@/lib/mail/password-reset";
import { PANEL_PASSWORD_MIN_LENGTH } from "@/lib/mail/invitations";
import { SetPasswordForm } from "@/components/onboarding/set-password-form";
import { resetPassword } from "./actions";

// The token is in this page's address: never send it on as a referrer.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ResetPassword"))("title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resetLinkView(token);
  const t = await getTranslations("ResetPassword");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      {link.valid ? (
        <>
          <p className="mb-6 text-sm text-slate-700">{t("intro", { email: link.email })}</p>
          <IntlProvider namespaces={["SetPassword", "Password"]}>
            <SetPasswordForm
              action={resetPassword}
              token={token}
              email={link.email}
              minLength={PANEL_PASSWORD_MIN_LENGTH}
              submitLabel={t("submit")}
              done={
                <Link href="/login" className="inline-block rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
                  {t("signIn")}
                </Link>
              }
            />
          </IntlProvider>
        </>
      ) : (
        <>
          <p className="mt-2">{t("expired")}</p>
          <p className="mt-4">
            <Link href="/forgot-password" className="font-medium text-blue-800 underline">
              {t("askAgain")}
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
