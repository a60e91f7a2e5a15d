import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/onboarding/forgot-password-form";
import { requestReset } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?" };

// Outside the panel layout, like /login: nobody is signed in here.
export default function ForgotPasswordPage() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">Forgot your password?</h1>
      <p className="mb-6 text-sm text-slate-700">
        Enter the address you sign in with. We will e-mail you a link to choose a new panel password. Two-factor sign-in stays on: you will still need
        your code.
      </p>
      <ForgotPasswordForm action={requestReset} />
      <p className="mt-4 text-sm">
        <Link href="/login" className="font-medium text-blue-800 underline">
          Back to sign in
        </Link>
      </p>
    </main>
  );
}
