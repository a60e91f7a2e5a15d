import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listPanelUsers } from "@/lib/mail/panel-users";
import { listInvitationSummaries } from "@/lib/mail/invitations";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserActions } from "@/components/admin/user-actions";
import { formatUtc } from "@/components/support/format-time";
import { TableHead } from "@/components/support/table-head";
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
      <p className="mt-1 text-sm text-slate-700">Who can sign in to the panel, and with which role. Every change asks for a reason and goes to the audit log.</p>
      <p className="mt-2 text-sm">
        <Link href="/admin/users/invitations" className="font-medium text-blue-800 underline">
          Invite customers by e-mail
        </Link>{" "}
        (they choose their own password; support can invite too).
      </p>
      <table className="mt-4 w-full border-collapse rounded-md bg-white text-left text-sm shadow-sm">
        <TableHead caption="Panel users" columns={["Email", "Role", "Status", "Last sign-in", "Manage"]} />
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2">
                {u.email}
                {u.name ? <span className="block text-xs text-slate-700">{u.name}</span> : null}
              </td>
              <td className="px-3 py-2 capitalize">{u.role}</td>
              <td className="px-3 py-2">{u.locked ? <strong className="text-red-800">Locked</strong> : waiting.has(u.email) ? `Invited (${waiting.get(u.email)}), no password yet` : "Active"}</td>
              <td className="whitespace-nowrap px-3 py-2">{u.lastLoginAt ? formatUtc(u.lastLoginAt) : "Never"}</td>
              <td className="px-3 py-2">
                {u.id === user.id ? <span className="text-slate-700">You (another admin can change your account)</span> : <UserActions user={u} action={manageUser} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="create-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="create-heading" className="text-lg font-semibold">Add a user</h2>
        <CreateUserForm action={createUser} />
      </section>
    </>
  );
}
