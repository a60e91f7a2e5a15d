import { getFormatter, getTranslations } from "next-intl/server";
import { isStaff } from "@/lib/auth/roles";
import { getOutgoingMail, type DeliveryCounts } from "@/lib/mail/outgoing";
import { HeldMailButton } from "@/components/outgoing/held-mail-button";
import { deleteHeldMessagesForm, releaseHeldMailForm } from "./outgoing-actions";
import type { MailboxSectionProps } from "./section-props";

type Outgoing = Awaited<ReturnType<typeof getOutgoingMail>>;

/** The "Outgoing mail" section: the hold queue with delete / release, and for staff the delivery counts. */
export async function OutgoingSection({ user, account, mailbox }: MailboxSectionProps) {
  const [outgoing, t, format] = await Promise.all([
    getOutgoingMail(user, account.id, mailbox.email),
    getTranslations("MailboxSections"),
    getFormatter(),
  ]);
  const n = (value: number) => format.number(value);
  const staff = isStaff(user.role);
  return (
    <div className="mt-2 space-y-4 text-sm">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] wrap-anywhere gap-x-6 gap-y-1">
        <dt className="font-medium">{t("outgoing.outgoingMail")}</dt>
        <dd>{outgoing.suspendOutgoing ? t("outgoing.suspended") : outgoing.holdOutgoing ? t("outgoing.held") : t("outgoing.normal")}</dd>
        <dt className="font-medium">{t("outgoing.heldMessages")}</dt>
        <dd>
          {outgoing.heldCount === null ? t("outgoing.unknown", { error: outgoing.heldError ?? t("outgoing.noAnswer") }) : n(outgoing.heldCount)}
        </dd>
      </dl>
      {/* Always rendered: a form that vanished after its own success would take its status message with it. */}
      <div className="grid gap-4 sm:grid-cols-2">
        <HeldMailButton
          accountId={account.id}
          address={mailbox.email}
          idPrefix="held-delete"
          label={t("outgoing.deleteHeld")}
          pendingLabel={t("outgoing.deletingHeld")}
          description={t("outgoing.deleteHeldDescription")}
          danger
          requireReason={staff}
          action={deleteHeldMessagesForm}
        />
        <HeldMailButton
          accountId={account.id}
          address={mailbox.email}
          idPrefix="held-release"
          label={t("outgoing.release")}
          pendingLabel={t("outgoing.releasing")}
          description={t("outgoing.releaseDescription")}
          requireReason={staff}
          action={releaseHeldMailForm}
        />
      </div>
      {staff ? <DeliveryStats outgoing={outgoing} /> : null}
    </div>
  );
}

async function DeliveryStats({ outgoing }: { outgoing: Outgoing }) {
  const [t, format] = await Promise.all([getTranslations("MailboxSections"), getFormatter()]);
  const n = (value: number) => format.number(value);
  if (!outgoing.stats) {
    return <p>{outgoing.statsError ? t("outgoing.deliveryLogFailed", { error: outgoing.statsError }) : t("outgoing.deliveryLogUnavailable")}</p>;
  }
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
        <caption className="text-left font-medium">{t("outgoing.deliveryLog")}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col" className="py-1 pr-4 text-right">
              {t("outgoing.sent")}
            </th>
            <th scope="col" className="py-1 pr-4 text-right">
              {t("outgoing.failed")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("outgoing.deferred")}
            </th>
          </tr>
        </thead>
        <tbody>
          {row(t("outgoing.lastHour"), lastHour)}
          {row(t("outgoing.last24Hours"), last24Hours)}
        </tbody>
      </table>
      <div>
        <h3 className="font-medium">{t("outgoing.topDomains")}</h3>
        {topDomains.length === 0 ? (
          <p>{t("outgoing.noMessages")}</p>
        ) : (
          <>
            <ol className="list-decimal pl-6">
              {topDomains.map((d) => (
                <li key={d.domain}>{t("outgoing.domainCount", { domain: d.domain, count: d.count })}</li>
              ))}
            </ol>
            <p className="text-xs text-slate-700">{t("outgoing.sample", { count: sampleSize })}</p>
          </>
        )}
      </div>
    </div>
  );
}
