import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { stringParam } from "@/lib/search-params";
import { topSenders, type TopSender } from "@/lib/mail/outgoing";
import { staffOr404 } from "../staff-or-404";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Outgoing"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type OutgoingT = Awaited<ReturnType<typeof getTranslations<"Outgoing">>>;

function stateWords(s: TopSender["state"], t: OutgoingT): string {
  if (!s) return t("state.unknown");
  const words = [
    s.holdOutgoing ? t("state.held") : null,
    s.suspendOutgoing ? t("state.suspended") : null,
    s.suspendLogin ? t("state.loginSuspended") : null,
  ].filter(Boolean);
  return words.length ? words.join(", ") : t("state.notRestricted");
}

/** Support: the mailboxes that sent the most in the last hour or 24 hours, over every server, each with a link to secure it. */
export default async function TopSendersPage({ searchParams }: Props) {
  const user = await staffOr404();
  const window = stringParam((await searchParams).window) === "day" ? "day" : "hour";
  const result = await topSenders(user, window);
  const [t, format] = await Promise.all([getTranslations("Outgoing"), getFormatter()]);
  const n = (value: number) => format.number(value);
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
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/support" className="text-blue-800 underline underline-offset-2">
          {t("support")}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>{t("title")}</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      <nav aria-label={t("windowLabel")} className="mt-3 flex gap-2 text-sm">
        {tab("hour", t("lastHour"))}
        {tab("day", t("lastDay"))}
      </nav>
      {result.unansweredServers.length ? (
        <p className="mt-3 text-sm font-medium text-amber-900" role="status">
          {t("unanswered", { servers: result.unansweredServers.join(", "), count: result.unansweredServers.length })}
        </p>
      ) : null}
      {result.sampledServers.length ? (
        <p className="mt-1 text-sm text-slate-700">{t("sampled", { servers: result.sampledServers.join(", "), limit: result.sampleLimit })}</p>
      ) : null}
      {result.senders.length === 0 ? (
        <p className="mt-4 rounded-md border border-slate-300 bg-white p-4">{t("none")}</p>
      ) : (
        <table className="mt-4 w-full border-collapse rounded-md bg-white text-sm shadow-sm">
          <caption className="sr-only">{window === "hour" ? t("captionHour") : t("captionDay")}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="p-2">
                {t("columns.mailbox")}
              </th>
              <th scope="col" className="p-2">
                {t("columns.server")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("columns.sent")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("columns.failed")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("columns.deferred")}
              </th>
              <th scope="col" className="p-2">
                {t("columns.state")}
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">{t("columns.action")}</span>
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
                <td className="p-2">{stateWords(s.state, t)}</td>
                <td className="p-2">
                  {s.accountId ? (
                    <Link
                      href={`/accounts/${s.accountId}/email/${encodeURIComponent(s.sender)}/secure`}
                      className="text-blue-800 underline underline-offset-2"
                      aria-label={t("secureLabel", { sender: s.sender })}
                    >
                      {t("secure")}
                    </Link>
                  ) : (
                    t("notInPanel")
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
