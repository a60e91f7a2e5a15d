import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "@/components/sign-in-form";
import { safeCallbackPath } from "@/lib/navigation/safe-callback";
import { oidcSignInOption } from "@/lib/auth/oidc";
import { SsoCodeForm } from "@/components/sso-code-form";
import { isSignInErrorCode } from "@/components/sign-in-messages";
import { IntlProvider } from "@/components/intl-provider";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  // Single sign-on: the portal's button, its refusals (?error=…), and the code step a login with 2FA still owes.
  const sso = oidcSignInOption();
  const t = await getTranslations("SignIn");
  const error = typeof params.error === "string" && isSignInErrorCode(params.error) ? params.error : undefined;
  // Set by the Sign out button; only this fixed sentence is shown, never text from the URL.
  const signedOut = params.signedOut === "1" && !error;
  if (sso && params.step === "code") {
    return (
      <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
        <h1 className="mb-1 text-2xl font-bold">{t("heading")}</h1>
        <p className="mb-6 text-sm text-slate-700">{t("ssoIntro", { portal: sso.label })}</p>
        <IntlProvider namespaces={["SignIn"]}>
          <SsoCodeForm label={sso.label} callbackUrl={callbackUrl} />
        </IntlProvider>
      </main>
    );
  }
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">{t("heading")}</h1>
      <p className="mb-6 text-sm text-slate-700">{t("intro")}</p>
      <p
        role="status"
        className={signedOut ? "mb-4 rounded-md border border-emerald-700 bg-emerald-50 px-4 py-3 text-sm font-semibold text-emerald-950" : "sr-only"}
      >
        {signedOut ? t("signedOut") : ""}
      </p>
      <IntlProvider namespaces={["SignIn"]}>
        <SignInForm callbackUrl={callbackUrl} sso={sso} initialError={error} />
      </IntlProvider>
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="font-medium text-blue-800 underline">
          {t("forgot")}
        </Link>
      </p>
    </main>
  );
}
