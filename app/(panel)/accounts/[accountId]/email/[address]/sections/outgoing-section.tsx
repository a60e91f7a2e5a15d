import { isStaff } from "@/lib/auth/roles";
import { getOutgoingMail, type DeliveryCounts } from "@/lib/mail/outgoing";
import { HeldMailButton } from "@/components/outgoing/held-mail-button";
import { deleteHeldMessagesForm, releaseHeldMailForm } from "./outgoing-actions";
import type { MailboxSectionProps } from "./section-props";

const n = (value: number) => value.toLocaleString("en-US");

/** The "Outgoing mail" section: the hold queue with delete / release, and for staff the delivery counts. */
export async function OutgoingSection({ user, account, mailbox }: MailboxSectionProps) {
  const outgoing = await getOutgoingMail(user, account.id, mailbox.email);
  const staff = isStaff(user.role);
  return (
    <div className="mt-2 space-y-4 text-sm">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] wrap-anywhere gap-x-6 gap-y-1">
        <dt className="font-medium">Outgoing mail</dt>
        <dd>{outgoing.suspendOutgoing ? "Suspended (refused)" : outgoing.holdOutgoing ? "Held in the queue" : "Sent normally"}</dd>
        <dt className="font-medium">Held messages</dt>
        <dd>{outgoing.heldCount === null ? `Unknown: ${outgoing.heldError ?? "cPanel did not answer."}` : n(outgoing.heldCount)}</dd>
      </dl>
      {/* Always rendered: a form that vanished after its own success would take its status message with it. */}
      <div className="grid gap-4 sm:grid-cols-2">
        <HeldMailButton
          accountId={account.id}
          address={mailbox.email}
          idPrefix="held-delete"
          label="Delete held messages"
          pendingLabel="Deleting held messages…"
          description="The held messages are deleted without being sent. Outgoing mail stays held."
          danger
          requireReason={staff}
          action={deleteHeldMessagesForm}
        />
        <HeldMailButton
          accountId={account.id}
          address={mailbox.email}
          idPrefix="held-release"
          label="Release"
          pendingLabel="Releasing…"
          description="The hold is lifted: the held messages are sent, and new mail leaves normally."
          requireReason={staff}
          action={releaseHeldMailForm}
        />
      </div>
      {staff ? <DeliveryStats outgoing={outgoing} /> : null}
    </div>
  );
}

function DeliveryStats({ outgoing }: { outgoing: Awaited<ReturnType<typeof getOutgoingMail>> }) {
  if (!outgoing.stats) return <p>Delivery log: {outgoing.statsError ?? "not available."}</p>;
  const { lastHour, last24Hours, topDomains, sampleSize } = outgoing.stats;
  const row = (label: string, c: DeliveryCounts) => (
    <tr>
      <th scope="row" className="py-1 pr-4 text-left font-medium">
        {label}
      </th>
      <td className="py-1 pr-4 text-right">{n(c.sent)}</td>
      <td className="py-1 pr-4 text-right">{n(c.failed)}</td>
      <td className="py-1 text-right">{n(c.deferred)}</td>
    </tr>
  );
  return (
    <div className="space-y-3">
      <table className="border-collapse">
        <caption className="text-left font-medium">Delivery log (staff only)</caption>
        <thead>
          <tr>
            <td />
            <th scope="col" className="py-1 pr-4 text-right">
              Sent
            </th>
            <th scope="col" className="py-1 pr-4 text-right">
              Failed
            </th>
            <th scope="col" className="py-1 text-right">
              Deferred
            </th>
          </tr>
        </thead>
        <tbody>
          {row("Last hour", lastHour)}
          {row("Last 24 hours", last24Hours)}
        </tbody>
      </table>
      <div>
        <h3 className="font-medium">Top recipient domains</h3>
        {topDomains.length === 0 ? (
          <p>No messages in the last 24 hours.</p>
        ) : (
          <>
            <ol className="list-decimal pl-6">
              {topDomains.map((d) => (
                <li key={d.domain}>
                  {d.domain}: {n(d.count)}
                </li>
              ))}
            </ol>
            <p className="text-xs text-slate-700">From the {n(sampleSize)} most recent messages of the last 24 hours.</p>
          </>
        )}
      </div>
    </div>
  );
}
