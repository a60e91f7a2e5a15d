import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "@/components/sign-in-form";
import { safeCallbackPath } from "@/lib/navigation/safe-callback";
import { oidcSignInOption } from "@/lib/auth/oidc";
import { SsoCodeForm } from "@/components/sso-code-form";
import { isSignInErrorCode } from "@/components/sign-in-messages";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  // Single sign-on: the portal's button, its refusals (?error=…), and the code step a login with 2FA still owes.
  const sso = oidcSignInOption();
  const error = typeof params.error === "string" && isSignInErrorCode(params.error) ? params.error : undefined;
  // Set by the Sign out button; only this fixed sentence is shown, never text from the URL.
  const signedOut = params.signedOut === "1" && !error;
  if (sso && params.step === "code") {
    return (
      <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
        <h1 className="mb-1 text-2xl font-bold">Sign in to Mailroom</h1>
        <p className="mb-6 text-sm text-slate-700">{`${sso.label} confirmed who you are. Your panel login also needs its second factor.`}</p>
        <SsoCodeForm label={sso.label} callbackUrl={callbackUrl} />
      </main>
    );
  }
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">Sign in to Mailroom</h1>
      <p className="mb-6 text-sm text-slate-700">Manage the mailboxes of your hosting accounts.</p>
      <p
        role="status"
        className={signedOut ? "mb-4 rounded-md border border-emerald-700 bg-emerald-50 px-4 py-3 text-sm font-semibold text-emerald-950" : "sr-only"}
      >
        {signedOut ? "You are signed out." : ""}
      </p>
      <SignInForm callbackUrl={callbackUrl} sso={sso} initialError={error} />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="font-medium text-blue-800 underline">
          Forgot your password?
        </Link>
      </p>
    </main>
  );
}
