import type { Metadata } from "next";
import Link from "next/link";
import { resetLinkView } from "@/lib/mail/password-reset";
import { PANEL_PASSWORD_MIN_LENGTH } from "@/lib/mail/invitations";
import { SetPasswordForm } from "@/components/onboarding/set-password-form";
import { resetPassword } from "./actions";

// The token is in this page's address: never send it on as a referrer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resetLinkView(token);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">Choose a new password</h1>
      {link.valid ? (
        <>
          <p className="mb-6 text-sm text-slate-700">
            For {link.email}. Every session of this login ends when you save. If you use two-factor sign-in, you will still need your code.
          </p>
          <SetPasswordForm
            action={resetPassword}
            token={token}
            email={link.email}
            minLength={PANEL_PASSWORD_MIN_LENGTH}
            submitLabel="Set new password"
            done={
              <Link href="/login" className="inline-block rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
                Sign in
              </Link>
            }
          />
        </>
      ) : (
        <>
          <p className="mt-2">This link has expired or was already used. A reset link works once, for 30 minutes.</p>
          <p className="mt-4">
            <Link href="/forgot-password" className="font-medium text-blue-800 underline">
              Ask for a new link
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
