import type { Metadata } from "next";
import Link from "next/link";
import { stringParam } from "@/lib/search-params";
import { topSenders, type TopSender } from "@/lib/mail/outgoing";
import { staffOr404 } from "../staff-or-404";

export const metadata: Metadata = { title: "Top senders" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const n = (value: number) => value.toLocaleString("en-US");

function stateWords(s: TopSender["state"]): string {
  if (!s) return "Unknown";
  const words = [
    s.holdOutgoing ? "Outgoing held" : null,
    s.suspendOutgoing ? "Outgoing suspended" : null,
    s.suspendLogin ? "Login suspended" : null,
  ].filter(Boolean);
  return words.length ? words.join(", ") : "Not restricted";
}

/** Support: the mailboxes that sent the most in the last hour or 24 hours, over every server, each with a link to secure it. */
export default async function TopSendersPage({ searchParams }: Props) {
  const user = await staffOr404();
  const window = stringParam((await searchParams).window) === "day" ? "day" : "hour";
  const result = await topSenders(user, window);
  const tab = (value: "hour" | "day", label: string) => (
    <Link
      href={`/support/outgoing?window=${value}`}
      aria-current={window === value ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 font-medium ${window === value ? "bg-blue-700 text-white" : "text-blue-800 underline underline-offset-2"}`}
    >
      {label}
    </Link>
  );
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/support" className="text-blue-800 underline underline-offset-2">
          Support
        </Link>
        <span aria-hidden="true"> / </span>
        <span>Top senders</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">Top senders</h1>
      <p className="mt-1 text-sm text-slate-700">
        The mailboxes that sent the most mail, from each server&apos;s delivery log. A mailbox with many failed or deferred messages is often sending
        spam: open it and secure it.
      </p>
      <nav aria-label="Time window" className="mt-3 flex gap-2 text-sm">
        {tab("hour", "Last hour")}
        {tab("day", "Last 24 hours")}
      </nav>
      {result.unansweredServers.length ? (
        <p className="mt-3 text-sm font-medium text-amber-900" role="status">
          Not answered in time: {result.unansweredServers.join(", ")}. Senders on{" "}
          {result.unansweredServers.length === 1 ? "that server" : "those servers"} are missing.
        </p>
      ) : null}
      {result.sampledServers.length ? (
        <p className="mt-1 text-sm text-slate-700">
          {result.sampledServers.join(", ")}: more mail than the panel reads at once; counts there are from the {n(result.sampleLimit)} most recent
          messages.
        </p>
      ) : null}
      {result.senders.length === 0 ? (
        <p className="mt-4 rounded-md border border-slate-300 bg-white p-4">No outgoing mail in this window.</p>
      ) : (
        <table className="mt-4 w-full border-collapse rounded-md bg-white text-sm shadow-sm">
          <caption className="sr-only">Top senders, {window === "hour" ? "last hour" : "last 24 hours"}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="p-2">
                Mailbox
              </th>
              <th scope="col" className="p-2">
                Server
              </th>
              <th scope="col" className="p-2 text-right">
                Sent
              </th>
              <th scope="col" className="p-2 text-right">
                Failed
              </th>
              <th scope="col" className="p-2 text-right">
                Deferred
              </th>
              <th scope="col" className="p-2">
                State
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {result.senders.map((s) => (
              <tr key={`${s.serverName}/${s.sender}`} className="border-b border-slate-200">
                <th scope="row" className="p-2 text-left font-medium">
                  {s.sender}
                </th>
                <td className="p-2">
                  {s.serverName} ({s.cpanelUser})
                </td>
                <td className="p-2 text-right">{n(s.counts.sent)}</td>
                <td className="p-2 text-right">{n(s.counts.failed)}</td>
                <td className="p-2 text-right">{n(s.counts.deferred)}</td>
                <td className="p-2">{stateWords(s.state)}</td>
                <td className="p-2">
                  {s.accountId ? (
                    <Link
                      href={`/accounts/${s.accountId}/email/${encodeURIComponent(s.sender)}/secure`}
                      className="text-blue-800 underline underline-offset-2"
                      aria-label={`Secure ${s.sender}`}
                    >
                      Secure it
                    </Link>
                  ) : (
                    "Account not in the panel"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
