import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { listInvitationSummaries } from "@/lib/mail/invitations";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { InvitationActions } from "@/components/admin/invitation-actions";
import { LocalTime } from "@/components/local-time";
import { TableHead } from "@/components/support/table-head";
import { inviteUser, manageInvitation } from "./actions";

export const metadata: Metadata = { title: "Invitations" };

const stateLabel = { pending: "Waiting", accepted: "Accepted", expired: "Expired", revoked: "Revoked" } as const;

// Support and admin invite customers here (the rest of /admin/users is for admins).
export default async function InvitationsPage() {
  const user = await requireUser();
  if (!isStaff(user.role)) notFound();
  const invitations = await listInvitationSummaries(user);

  return (
    <>
      {user.role === "admin" ? (
        <p className="text-sm">
          <Link href="/admin/users" className="font-medium text-blue-800 underline">
            Panel users
          </Link>
        </p>
      ) : null}
      <h1 className="text-2xl font-bold">Invitations</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-700">
        Invite a customer by e-mail: they get a link to choose their own panel password (it works once, for 7 days), then can turn on two-factor
        sign-in. Every invitation, resend and revocation asks for a reason and goes to the audit log.
      </p>
      <section aria-labelledby="invite-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite a customer
        </h2>
        <InviteUserForm action={inviteUser} />
      </section>
      <section aria-labelledby="invitations-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="invitations-heading" className="text-lg font-semibold">
          Sent invitations
        </h2>
        {invitations.length ? (
          <table className="mt-3 w-full border-collapse text-left text-sm">
            <TableHead caption="Invitations" columns={["Email", "Accounts", "State", "Sent", "Manage"]} />
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">
                    {i.email}
                    {i.invitedByEmail ? <span className="block text-xs text-slate-700">by {i.invitedByEmail}</span> : null}
                  </td>
                  <td className="px-3 py-2">{i.accounts.length ? i.accounts.join(", ") : "None"}</td>
                  <td className="px-3 py-2">
                    {stateLabel[i.state]}
                    {i.state === "pending" ? (
                      <span className="block text-xs text-slate-700">
                        until <LocalTime ms={i.expiresAt} />
                      </span>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <LocalTime ms={i.sentAt} />
                  </td>
                  <td className="px-3 py-2">
                    {i.state === "accepted" ? (
                      "—"
                    ) : (
                      <InvitationActions invitation={{ id: i.id, email: i.email, state: i.state }} action={manageInvitation} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-sm text-slate-700">No invitations yet.</p>
        )}
      </section>
    </>
  );
}
