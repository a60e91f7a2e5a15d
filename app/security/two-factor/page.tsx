import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { recoveryCodesLeft } from "@/lib/mail/two-factor";
import { PageShell } from "@/components/page-shell";
import { TwoFactorSetup } from "@/components/two-factor/two-factor-setup";
import { TurnOffTwoFactorForm } from "@/components/two-factor/turn-off-form";
import { beginEnrolmentAction, confirmEnrolmentAction, turnOffAction } from "./actions";

export const metadata: Metadata = { title: "Two-factor sign-in" };

// Outside the panel layout on purpose: support and admin without two-factor sign-in can reach only this page, so they
// get the panel's shell without the links they could not follow yet.
export default async function TwoFactorPage() {
  const user = await sessionUser();
  if (!user) redirect("/login?callbackUrl=/security/two-factor");
  const staff = isStaff(user.role);
  const remaining = user.twoFactorEnabled ? await recoveryCodesLeft(user.id) : 0;
  return (
    <PageShell user={{ email: user.email, role: user.role }} nav={staff && !user.twoFactorEnabled ? "minimal" : "full"}>
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
    </PageShell>
  );
}
