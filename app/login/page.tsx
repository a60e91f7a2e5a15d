import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "@/components/sign-in-form";
import { safeCallbackPath } from "@/lib/navigation/safe-callback";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">Sign in to Mailroom</h1>
      <p className="mb-6 text-sm text-slate-700">Manage the mailboxes of your hosting accounts.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </main>
  );
}
