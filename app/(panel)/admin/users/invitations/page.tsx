import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { listInvitationSummaries } from "@/lib/mail/invitations";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { InvitationActions } from "@/components/admin/invitation-actions";
import { IntlProvider } from "@/components/intl-provider";
import { LocalTime } from "@/components/local-time";
import { TableHead } from "@/components/support/table-head";
import { inviteUser, manageInvitation } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminInvitations"))("title") };
}

// Support and admin invite customers here (the rest of /admin/users is for admins).
export default async function InvitationsPage() {
  const user = await requireUser();
  if (!isStaff(user.role)) notFound();
  const [invitations, t] = await Promise.all([listInvitationSummaries(user), getTranslations("AdminInvitations")]);

  return (
    <>
      {user.role === "admin" ? (
        <p className="text-sm">
          <Link href="/admin/users" className="font-medium text-blue-800 underline">
            {t("panelUsers")}
          </Link>
        </p>
      ) : null}
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-700">{t("intro")}</p>
      <section aria-labelledby="invite-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
        <h2 id="invite-heading" className="text-lg font-semibold">
          {t("inviteHeading")}
        </h2>
        <IntlProvider namespaces={["AdminInvitations", "ReasonField"]}>
          <InviteUserForm action={inviteUser} />
        </IntlProvider>
      </section>
      <section aria-labelledby="invitations-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="invitations-heading" className="text-lg font-semibold">
          {t("sentHeading")}
        </h2>
        {invitations.length ? (
          <IntlProvider namespaces={["AdminInvitations", "ConfirmAction", "ReasonField"]}>
            <table className="mt-3 w-full border-collapse text-left text-sm">
              <TableHead
                caption={t("title")}
                columns={[t("columns.email"), t("columns.accounts"), t("columns.state"), t("columns.sent"), t("columns.manage")]}
              />
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2">
                      {i.email}
                      {i.invitedByEmail ? <span className="block text-xs text-slate-700">{t("by", { email: i.invitedByEmail })}</span> : null}
                    </td>
                    <td className="px-3 py-2">{i.accounts.length ? i.accounts.join(", ") : t("noAccounts")}</td>
                    <td className="px-3 py-2">
                      {t(`states.${i.state}`)}
                      {i.state === "pending" ? (
                        <span className="block text-xs text-slate-700">{t.rich("until", { time: () => <LocalTime ms={i.expiresAt} /> })}</span>
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
          </IntlProvider>
        ) : (
          <p className="mt-2 text-sm text-slate-700">{t("empty")}</p>
        )}
      </section>
    </>
  );
}
