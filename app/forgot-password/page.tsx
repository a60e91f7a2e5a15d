import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ForgotPasswordForm } from "@/components/onboarding/forgot-password-form";
import { requestReset } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ForgotPassword"))("title") };
}

// Outside the panel layout, like /login: nobody is signed in here.
export default async function ForgotPasswordPage() {
  const t = await getTranslations("ForgotPassword");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-sm text-slate-700">{t("intro")}</p>
      <IntlProvider namespaces={["ForgotPassword"]}>
        <ForgotPasswordForm action={requestReset} />
      </IntlProvider>
      <p className="mt-4 text-sm">
        <Link href="/login" className="font-medium text-blue-800 underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </main>
  );
}
