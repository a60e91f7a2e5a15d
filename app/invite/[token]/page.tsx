import type { Metadata } from "next";
import Link from "next/link";
import { invitationLinkView, PANEL_PASSWORD_MIN_LENGTH } from "@/lib/mail/invitations";
import { SetPasswordForm } from "@/components/onboarding/set-password-form";
import { formatUtc } from "@/components/support/format-time";
import { acceptInvitation } from "./actions";

// The token is in this page's address: never send it on as a referrer.
export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };

const spent: Record<"accepted" | "expired" | "revoked" | "unknown", string> = {
  accepted: "This invitation was already used: the password is set. Sign in, or use “Forgot your password?” if you do not know it.",
  expired: "This invitation has expired: links work for 7 days.",
  revoked: "This invitation was withdrawn.",
  unknown: "This invitation link is not valid. A newer invitation replaces older links.",
};

// Outside the panel layout, like /login: the person has no login yet.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await invitationLinkView(token);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">Welcome to Mailroom</h1>
      {link.state === "pending" ? (
        <>
          <p className="mb-6 text-sm text-slate-700">
            Choose the password of your panel login {link.email}. This link works once, until {formatUtc(link.expiresAt)}.
          </p>
          <SetPasswordForm
            action={acceptInvitation}
            token={token}
            email={link.email}
            minLength={PANEL_PASSWORD_MIN_LENGTH}
            submitLabel="Set password"
            done={
              <>
                <p>Protect your login with a second factor: a code from an app on your phone, asked for at each sign-in.</p>
                <p className="flex flex-wrap gap-3">
                  <Link
                    href="/login?callbackUrl=/security/two-factor"
                    className="inline-block rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
                  >
                    Sign in and set up two-factor sign-in
                  </Link>
                  <Link href="/login" className="inline-block px-1 py-2 font-medium text-blue-800 underline">
                    Sign in
                  </Link>
                </p>
              </>
            }
          />
        </>
      ) : (
        <>
          <p className="mt-2">{spent[link.state]}</p>
          {link.state === "accepted" ? (
            <p className="mt-4">
              <Link href="/login" className="font-medium text-blue-800 underline">
                Sign in
              </Link>
            </p>
          ) : (
            <p className="mt-4">
              To get a new link, ask{" "}
              {"invitedByEmail" in link && link.invitedByEmail ? `${link.invitedByEmail}, who invited you,` : "your hosting provider's support"} to
              resend your invitation from the panel&apos;s users page. Resending makes a new link valid for 7 days.
            </p>
          )}
        </>
      )}
    </main>
  );
}
