import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { sessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { recoveryCodesLeft } from "@/lib/mail/two-factor";
import { SignOutButton } from "@/components/sign-out-button";
import { TwoFactorSetup } from "@/components/two-factor/two-factor-setup";
import { TurnOffTwoFactorForm } from "@/components/two-factor/turn-off-form";
import { beginEnrolmentAction, confirmEnrolmentAction, turnOffAction } from "./actions";

export const metadata: Metadata = { title: "Two-factor sign-in" };

// Outside the panel layout on purpose: support and admin without two-factor sign-in can reach only this page.
export default async function TwoFactorPage() {
  const user = await sessionUser();
  if (!user) redirect("/login?callbackUrl=/security/two-factor");
  const staff = isStaff(user.role);
  const remaining = user.twoFactorEnabled ? await recoveryCodesLeft(user.id) : 0;
  return (
    <>
      <header className="border-b border-slate-300 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <Link href="/accounts" className="text-lg font-bold">
            Mailroom
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="text-2xl font-bold">Two-factor sign-in</h1>
        {user.twoFactorEnabled ? (
          <>
            <p className="mt-2">
              Two-factor sign-in is on for {user.email}. You have {remaining} unused recovery code{remaining === 1 ? "" : "s"}.
            </p>
            {staff ? (
              <p className="mt-2 text-sm text-slate-700">Support and admin accounts must keep it on.</p>
            ) : (
              <section aria-labelledby="off-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
                <h2 id="off-heading" className="text-lg font-semibold">
                  Turn it off
                </h2>
                <TurnOffTwoFactorForm action={turnOffAction} />
              </section>
            )}
          </>
        ) : (
          <>
            <p className="mt-2 max-w-2xl">
              {staff
                ? "Support and admin accounts act for every customer, so they need a second factor: set it up to continue."
                : "Protect your panel login with a code from your phone in addition to your password."}
            </p>
            <section aria-label="Set up" className="mt-6 rounded-md bg-white p-4 shadow-sm">
              <TwoFactorSetup begin={beginEnrolmentAction} confirm={confirmEnrolmentAction} />
            </section>
          </>
        )}
      </main>
    </>
  );
}
