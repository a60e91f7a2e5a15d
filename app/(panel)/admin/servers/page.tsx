import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listServersForAdmin, serverForAdmin } from "@/lib/mail/servers";
import { ServerActions } from "@/components/admin/server-actions";
import { CheckStatusLabel, ServerCheckReport } from "@/components/admin/server-check-report";
import { ServerForm } from "@/components/admin/server-form";
import { LocalTime } from "@/components/local-time";
import { TableHead } from "@/components/support/table-head";
import { cardTable } from "@/components/card-table";
import { createServer, manageServer } from "./actions";

export const metadata: Metadata = { title: "Servers" };

export default async function ServersPage() {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  const servers = await listServersForAdmin(user);
  const checks = await Promise.all(servers.map(async (s) => ({ name: s.name, check: (await serverForAdmin(user, s.id)).lastCheck })));

  return (
    <>
      <h1 className="text-2xl font-bold">Servers</h1>
      <p className="mt-1 text-sm text-slate-700">
        The cPanel &amp; WHM servers the panel manages mail on. &ldquo;Check&rdquo; is read-only: it tests the connection, the token&apos;s privileges
        and one account. Every change asks for a reason and goes to the audit log.
      </p>
      {servers.length ? (
        <table className={`mt-4 rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
          <TableHead cards caption="Servers" columns={["Server", "Token", "Accounts", "Status", "Last check", "Manage"]} />
          <tbody className={cardTable.body}>
            {servers.map((s) => (
              <tr key={s.id} className={cardTable.row}>
                <td data-label="Server" className={cardTable.cell}>
                  {s.name}
                  <span className="block break-all text-xs text-slate-700">{s.baseUrl}</span>
                  {s.ca === "pasted" ? <span className="block text-xs text-slate-700">Pasted CA certificate</span> : null}
                </td>
                <td data-label="Token" className={cardTable.cell}>
                  {s.authMode === "whm" ? "WHM" : "cPanel"} token of {s.username}
                </td>
                <td data-label="Accounts" className={cardTable.cell}>
                  {s.accountCount}
                </td>
                <td data-label="Status" className={cardTable.cell}>
                  {s.disabled ? <strong className="text-red-800">Disabled</strong> : "Enabled"}
                </td>
                <td data-label="Last check" className={`sm:whitespace-nowrap ${cardTable.cell}`}>
                  {s.lastCheck ? (
                    <>
                      <CheckStatusLabel status={s.lastCheck.status} />
                      <span className="block text-xs text-slate-700">
                        <LocalTime ms={s.lastCheck.at} />
                      </span>
                    </>
                  ) : (
                    "Never"
                  )}
                </td>
                <td data-label="Manage" className={cardTable.cell}>
                  <ServerActions server={s} action={manageServer} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-4 rounded-md bg-white p-4 shadow-sm">No servers yet. Add one below.</p>
      )}
      {checks.some((c) => c.check) ? (
        <section aria-labelledby="checks-heading" className="mt-6">
          <h2 id="checks-heading" className="text-lg font-semibold">
            Last checks
          </h2>
          {checks.map((c) => (c.check ? <ServerCheckReport key={c.name} serverName={c.name} check={c.check} /> : null))}
        </section>
      ) : null}
      <section aria-labelledby="add-server-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="add-server-heading" className="text-lg font-semibold">
          Add a server
        </h2>
        <ServerForm action={createServer} />
      </section>
    </>
  );
}
