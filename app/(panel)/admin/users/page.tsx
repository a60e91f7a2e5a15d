import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listPanelUsers } from "@/lib/mail/panel-users";
import { listInvitationSummaries } from "@/lib/mail/invitations";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserActions } from "@/components/admin/user-actions";
import { IntlProvider } from "@/components/intl-provider";
import { LocalTime } from "@/components/local-time";
import { TableHead } from "@/components/support/table-head";
import { cardTable } from "@/components/card-table";
import { createUser, manageUser } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminUsers"))("title") };
}

export default async function UsersPage() {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  const [users, invitations, t] = await Promise.all([listPanelUsers(user), listInvitationSummaries(user), getTranslations("AdminUsers")]);
  const waiting = new Map(invitations.flatMap((i) => (i.state === "accepted" ? [] : [[i.email, i.state] as const])));
  const columns = {
    email: t("columns.email"),
    role: t("columns.role"),
    status: t("columns.status"),
    lastSignIn: t("columns.lastSignIn"),
    manage: t("columns.manage"),
  };

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      <p className="mt-2 text-sm">
        {t.rich("inviteCustomers", {
          link: (chunks) => (
            <Link href="/admin/users/invitations" className="font-medium text-blue-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      {/* One provider for the row actions and the form: their confirmations and reason fields speak the reader's language. */}
      <IntlProvider namespaces={["AdminUsers", "ConfirmAction", "ReasonField"]}>
        <table className={`mt-4 rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
          <TableHead cards caption={t("title")} columns={Object.values(columns)} />
          <tbody className={cardTable.body}>
            {users.map((u) => {
              const invitation = waiting.get(u.email);
              return (
                <tr key={u.id} className={cardTable.row}>
                  <td data-label={columns.email} className={cardTable.cell}>
                    {u.email}
                    {u.name ? <span className="block text-xs text-slate-700">{u.name}</span> : null}
                  </td>
                  <td data-label={columns.role} className={`capitalize ${cardTable.cell}`}>
                    {t(`roles.${u.role}`)}
                  </td>
                  <td data-label={columns.status} className={cardTable.cell}>
                    {u.locked ? (
                      <strong className="text-red-800">{t("locked")}</strong>
                    ) : invitation ? (
                      t("invited", { state: t(`invitationStates.${invitation}`) })
                    ) : (
                      t("active")
                    )}
                  </td>
                  <td data-label={columns.lastSignIn} className={`sm:whitespace-nowrap ${cardTable.cell}`}>
                    {u.lastLoginAt ? <LocalTime ms={u.lastLoginAt} /> : t("never")}
                  </td>
                  <td data-label={columns.manage} className={cardTable.cell}>
                    {u.id === user.id ? <span className="text-slate-700">{t("you")}</span> : <UserActions user={u} action={manageUser} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <section aria-labelledby="create-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
          <h2 id="create-heading" className="text-lg font-semibold">
            {t("addHeading")}
          </h2>
          <CreateUserForm action={createUser} />
        </section>
      </IntlProvider>
    </>
  );
}
