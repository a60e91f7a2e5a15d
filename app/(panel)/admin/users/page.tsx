import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { listPanelUsers, type PanelUser } from "@/lib/mail/panel-users";
import { listInvitationSummaries } from "@/lib/mail/invitations";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { InvitationActions } from "@/components/admin/invitation-actions";
import { UserActions } from "@/components/admin/user-actions";
import { formatUtc } from "@/components/support/format-time";
import { TableHead } from "@/components/support/table-head";
import { createUser, inviteUser, manageInvitation, manageUser } from "./actions";

export const metadata: Metadata = { title: "Panel users" };

const stateLabel = { pending: "Waiting", accepted: "Accepted", expired: "Expired", revoked: "Revoked" } as const;

// Admins manage every user here; support sees only the invitations (invite, resend, revoke).
export default async function UsersPage() {
  const user = await requireUser();
  if (!isStaff(user.role)) notFound();
  const admin = user.role === "admin";
  const [users, invitations] = await Promise.all([admin ? listPanelUsers(user) : Promise.resolve<PanelUser[]>([]), listInvitationSummaries(user)]);
  const invitedState = new Map(invitations.map((i) => [i.email, i.state]));

  return (
    <>
      <h1 className="text-2xl font-bold">Panel users</h1>
      <p className="mt-1 text-sm text-slate-700">
        {admin ? "Who can sign in to the panel, and with which role. " : "Invite customers to the panel. "}Every change asks for a reason and goes to the audit log.
      </p>
      {admin ? (
        <table className="mt-4 w-full border-collapse rounded-md bg-white text-left text-sm shadow-sm">
          <TableHead caption="Panel users" columns={["Email", "Role", "Status", "Last sign-in", "Manage"]} />
          <tbody>
            {users.map((u) => {
              const invited = invitedState.get(u.email);
              return (
                <tr key={u.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">
                    {u.email}
                    {u.name ? <span className="block text-xs text-slate-700">{u.name}</span> : null}
                  </td>
                  <td className="px-3 py-2 capitalize">{u.role}</td>
                  <td className="px-3 py-2">
                    {u.locked ? <strong className="text-red-800">Locked</strong> : invited && invited !== "accepted" ? `Invited (${stateLabel[invited].toLowerCase()})` : "Active"}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{u.lastLoginAt ? formatUtc(u.lastLoginAt) : "Never"}</td>
                  <td className="px-3 py-2">
                    {u.id === user.id ? <span className="text-slate-700">You (another admin can change your account)</span> : <UserActions user={u} action={manageUser} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <section aria-labelledby="invitations-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="invitations-heading" className="text-lg font-semibold">Invitations</h2>
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
                    {i.state === "pending" ? <span className="block text-xs text-slate-700">until {formatUtc(i.expiresAt)}</span> : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{formatUtc(i.sentAt)}</td>
                  <td className="px-3 py-2">
                    {i.state === "accepted" ? "—" : <InvitationActions invitation={{ id: i.id, email: i.email, state: i.state }} action={manageInvitation} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-sm text-slate-700">No invitations yet.</p>
        )}
      </section>
      <section aria-labelledby="invite-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="invite-heading" className="text-lg font-semibold">Invite a customer</h2>
        <p className="mt-1 text-sm text-slate-700">They get an e-mail with a link to choose their own password (valid 7 days, once), then can turn on two-factor sign-in.</p>
        <InviteUserForm action={inviteUser} />
      </section>
      {admin ? (
        <section aria-labelledby="create-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
          <h2 id="create-heading" className="text-lg font-semibold">Add a user</h2>
          <CreateUserForm action={createUser} />
        </section>
      ) : null}
    </>
  );
}
