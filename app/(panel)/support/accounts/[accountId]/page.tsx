import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { supportAccountView } from "@/lib/mail/support";
import { visibleAccount } from "@/lib/mail/accounts";
import { NotFoundError } from "@/lib/core/errors";
import { ErrorPanel } from "@/components/error-panel";
import { MailboxBadges } from "@/components/mailbox-badges";
import { QuotaUsage } from "@/components/quota-usage";
import { ConfirmActionForm } from "@/components/support/confirm-action-form";
import { OpenSessionForm } from "@/components/support/open-session-form";
import { SystemForwardForm } from "@/components/support/system-forward-form";
import { TableHead } from "@/components/support/table-head";
import { cardTable } from "@/components/card-table";
import { staffOr404 } from "../../staff-or-404";
import { openSession, runMailAction, saveSystemForward } from "./actions";

type Props = { params: Promise<{ accountId: string }> };

/** The title names the account ("example.com · Support"); a missing account is the 404. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await staffOr404();
  try {
    return { title: `${(await visibleAccount(user, (await params).accountId)).primaryDomain} · Support` };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function SupportAccountPage({ params }: Props) {
  const user = await staffOr404();
  const { accountId } = await params;
  let view;
  try {
    view = await supportAccountView(user, accountId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { account, whm, systemForward, mailboxes } = view;
  const who = <span className="font-mono">{account.cpanelUser}</span>;

  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/support" className="text-blue-800 underline underline-offset-2">
          Support
        </Link>
        <span aria-hidden="true"> / </span>
        <span>{account.primaryDomain}</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">{account.primaryDomain}</h1>
      <dl className="mt-3 grid grid-cols-[max-content_minmax(0,1fr)] wrap-anywhere gap-x-6 gap-y-1 text-sm">
        <dt className="font-medium">cPanel user</dt>
        <dd className="font-mono">{account.cpanelUser}</dd>
        <dt className="font-medium">Server</dt>
        <dd>{account.serverName}</dd>
        <dt className="font-medium">Owner</dt>
        <dd>{account.ownerEmail ?? "No owner in the panel"}</dd>
        <dt className="font-medium">Contact email in cPanel</dt>
        <dd>{account.contactEmail ?? "None"}</dd>
        {whm.ok ? (
          <>
            <dt className="font-medium">Plan</dt>
            <dd>
              {whm.value.plan}
              {whm.value.suspended ? ` — account suspended${whm.value.suspendReason ? `: ${whm.value.suspendReason}` : ""}` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      <nav aria-label="About this account" className="mt-3 flex flex-wrap gap-4 text-sm">
        <Link href={`/accounts/${account.id}/email`} className="font-medium text-blue-800 underline underline-offset-2">
          Mailboxes as the customer sees them
        </Link>
        <Link href={`/accounts/${account.id}/activity`} className="font-medium text-blue-800 underline underline-offset-2">
          The customer’s activity page
        </Link>
        <Link href={`/support/audit?account=${encodeURIComponent(account.id)}`} className="font-medium text-blue-800 underline underline-offset-2">
          Audit log of this account
        </Link>
      </nav>

      <Section id="outgoing" title="Outgoing email">
        {whm.ok ? (
          <>
            <dl className="grid grid-cols-[max-content_minmax(0,1fr)] wrap-anywhere gap-x-6 gap-y-1 text-sm">
              <dt className="font-medium">Sending</dt>
              <dd>{whm.value.outgoingSuspended ? <strong className="text-red-800">Suspended: outgoing mail is rejected</strong> : "Allowed"}</dd>
              <dt className="font-medium">Queue</dt>
              <dd>{whm.value.outgoingHeld ? <strong className="text-amber-900">Held: outgoing mail waits in the queue</strong> : "Not held"}</dd>
            </dl>
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              {outgoingChoices(whm.value, who).map((choice) => (
                // Keyed by slot, so the answer stays on screen when the action flips (suspend → allow).
                <ConfirmActionForm
                  key={choice.slot}
                  {...choice.form}
                  hidden={{ accountId: account.id, action: choice.action }}
                  action={runMailAction}
                />
              ))}
            </div>
          </>
        ) : (
          <ErrorPanel title="The outgoing email state could not be read">
            <p>{whm.message}</p>
          </ErrorPanel>
        )}
      </Section>

      <Section id="security" title="Sessions and password">
        <div className="grid gap-3 sm:grid-cols-2">
          <ConfirmActionForm
            triggerLabel="End all mailbox sessions…"
            confirmLabel="End all mailbox sessions"
            tone="danger"
            consequence={
              <>
                Every IMAP and POP session of every mailbox of {who} is closed; mail apps sign in again with their saved password (WHM
                terminate_cpuser_mailbox_sessions).
              </>
            }
            hidden={{ accountId: account.id, action: "terminate_sessions" }}
            action={runMailAction}
          />
          <div>
            <Link
              href={`/support/force-password?account=${encodeURIComponent(account.id)}`}
              className="inline-block rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
            >
              Force cPanel password change…
            </Link>
          </div>
        </div>
      </Section>

      <Section id="system-forward" title="System account forward">
        <p className="text-sm text-slate-700">
          Where mail for the cPanel user {who} itself goes (cron output, bounces to the account), not a mailbox forwarder.
        </p>
        {systemForward.ok ? (
          <SystemForwardForm accountId={account.id} current={systemForward.value} action={saveSystemForward} />
        ) : (
          <ErrorPanel title="The forward could not be read">
            <p>{systemForward.message}</p>
          </ErrorPanel>
        )}
      </Section>

      <Section id="sign-in" title="Sign in as the customer">
        <OpenSessionForm accountId={account.id} cpanelUser={account.cpanelUser} action={openSession} />
      </Section>

      <Section id="mailboxes" title="Mailboxes">
        {mailboxes.ok ? (
          mailboxes.value.length === 0 ? (
            <p className="text-sm">This account has no mailboxes.</p>
          ) : (
            <table className={cardTable.table}>
              <TableHead cards caption={`Mailboxes of ${account.primaryDomain}`} columns={["Address", "Storage", "Status"]} />
              <tbody className={cardTable.body}>
                {mailboxes.value.map((m) => (
                  <tr key={m.email} className={cardTable.row}>
                    <td data-label="Address" className={`max-sm:break-all ${cardTable.cell}`}>
                      <Link
                        href={`/accounts/${account.id}/email/${encodeURIComponent(m.email)}`}
                        className="font-medium text-blue-800 underline underline-offset-2"
                      >
                        {m.email}
                      </Link>
                    </td>
                    <td data-label="Storage" className={cardTable.cell}>
                      <QuotaUsage diskUsedBytes={m.diskUsedBytes} quotaMb={m.quotaMb} />
                    </td>
                    <td data-label="Status" className={cardTable.cell}>
                      <MailboxBadges {...m} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : (
          <ErrorPanel title="The mailboxes could not be loaded">
            <p>{mailboxes.message}</p>
          </ErrorPanel>
        )}
      </Section>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-4 rounded-md bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The two outgoing-mail controls: sending (suspend or allow) and the queue (hold or release), as the state stands. */
function outgoingChoices(state: { outgoingSuspended: boolean; outgoingHeld: boolean }, who: ReactNode) {
  const sending = state.outgoingSuspended
    ? {
        action: "unsuspend_outgoing",
        form: {
          triggerLabel: "Allow outgoing email…",
          confirmLabel: "Allow outgoing email",
          tone: "normal" as const,
          consequence: <>Every mailbox of {who} can send email again (WHM unsuspend_outgoing_email).</>,
        },
      }
    : {
        action: "suspend_outgoing",
        form: {
          triggerLabel: "Suspend outgoing email…",
          confirmLabel: "Suspend outgoing email",
          tone: "danger" as const,
          consequence: (
            <>
              Every mailbox of {who} stops sending: outgoing mail is rejected until you allow it again. Incoming mail still arrives (WHM
              suspend_outgoing_email).
            </>
          ),
        },
      };
  const queue = state.outgoingHeld
    ? {
        action: "release_outgoing",
        form: {
          triggerLabel: "Release held email…",
          confirmLabel: "Release held email",
          tone: "normal" as const,
          consequence: <>The mail queued for {who} is sent now, and new mail is no longer held (WHM release_outgoing_email).</>,
        },
      }
    : {
        action: "hold_outgoing",
        form: {
          triggerLabel: "Hold outgoing email…",
          confirmLabel: "Hold outgoing email",
          tone: "danger" as const,
          consequence: <>Outgoing mail of {who} waits in the queue instead of being sent, until you release it (WHM hold_outgoing_email).</>,
        },
      };
  return [
    { slot: "sending", ...sending },
    { slot: "queue", ...queue },
  ];
}
