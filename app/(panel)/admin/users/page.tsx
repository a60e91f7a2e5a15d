import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listPanelUsers } from "@/lib/mail/panel-users";
import { listInvitationSummaries } from "@/lib/mail/invitations";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserActions } from "@/components/admin/user-actions";
import { LocalTime } from "@/components/local-time";
import { TableHead } from "@/components/support/table-head";
import { cardTable } from "@/components/card-table";
import { createUser, manageUser } from "./actions";

export const metadata: Metadata = { title: "Panel users" };

export default async function UsersPage() {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  const [users, invitations] = await Promise.all([listPanelUsers(user), listInvitationSummaries(user)]);
  const waiting = new Map(invitations.filter((i) => i.state !== "accepted").map((i) => [i.email, i.state]));

  return (
    <>
      <h1 className="text-2xl font-bold">Panel users</h1>
      <p className="mt-1 text-sm text-slate-700">
        Who can sign in to the panel, and with which role. Every change asks for a reason and goes to the audit log.
      </p>
      <p className="mt-2 text-sm">
        <Link href="/admin/users/invitations" className="font-medium text-blue-800 underline">
          Invite customers by e-mail
        </Link>{" "}
        (they choose their own password; support can invite too).
      </p>
      <table className={`mt-4 rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
        <TableHead cards caption="Panel users" columns={["Email", "Role", "Status", "Last sign-in", "Manage"]} />
        <tbody className={cardTable.body}>
          {users.map((u) => (
            <tr key={u.id} className={cardTable.row}>
              <td data-label="Email" className={cardTable.cell}>
                {u.email}
                {u.name ? <span className="block text-xs text-slate-700">{u.name}</span> : null}
              </td>
              <td data-label="Role" className={`capitalize ${cardTable.cell}`}>
                {u.role}
              </td>
              <td data-label="Status" className={cardTable.cell}>
                {u.locked ? (
                  <strong className="text-red-800">Locked</strong>
                ) : waiting.has(u.email) ? (
                  `Invited (${waiting.get(u.email)}), no password yet`
                ) : (
                  "Active"
                )}
              </td>
              <td data-label="Last sign-in" className={`sm:whitespace-nowrap ${cardTable.cell}`}>
                {u.lastLoginAt ? <LocalTime ms={u.lastLoginAt} /> : "Never"}
              </td>
              <td data-label="Manage" className={cardTable.cell}>
                {u.id === user.id ? (
                  <span className="text-slate-700">You (another admin can change your account)</span>
                ) : (
                  <UserActions user={u} action={manageUser} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="create-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="create-heading" className="text-lg font-semibold">
          Add a user
        </h2>
        <CreateUserForm action={createUser} />
      </section>
    </>
  );
}
