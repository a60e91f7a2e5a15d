import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
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
import { IntlProvider } from "@/components/intl-provider";
import { staffOr404 } from "../../staff-or-404";
import { openSession, runMailAction, saveSystemForward } from "./actions";

type SupportAccountT = Awaited<ReturnType<typeof getTranslations<"SupportAccount">>>;
const link = "font-medium text-blue-800 underline underline-offset-2";

type Props = { params: Promise<{ accountId: string }> };

/** The title names the account ("example.com · Support"); a missing account is the 404. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await staffOr404();
  try {
    const domain = (await visibleAccount(user, (await params).accountId)).primaryDomain;
    return { title: (await getTranslations("SupportAccount"))("title", { domain }) };
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
  const t = await getTranslations("SupportAccount");
  // The cPanel user, in code type wherever a sentence names it.
  const who = { user: account.cpanelUser, code: (chunks: ReactNode) => <span className="font-mono">{chunks}</span> };

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/support" className="text-blue-800 underline underline-offset-2">
          {t("support")}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>{account.primaryDomain}</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">{account.primaryDomain}</h1>
      <dl className="mt-3 grid grid-cols-[max-content_minmax(0,1fr)] wrap-anywhere gap-x-6 gap-y-1 text-sm">
        <dt className="font-medium">{t("cpanelUser")}</dt>
        <dd className="font-mono">{account.cpanelUser}</dd>
        <dt className="font-medium">{t("server")}</dt>
        <dd>{account.serverName}</dd>
        <dt className="font-medium">{t("owner")}</dt>
        <dd>{account.ownerEmail ?? t("noOwner")}</dd>
        <dt className="font-medium">{t("contactEmail")}</dt>
        <dd>{account.contactEmail ?? t("noContactEmail")}</dd>
        {whm.ok ? (
          <>
            <dt className="font-medium">{t("plan")}</dt>
            <dd>
              {/* WHM's suspension reason is shown as WHM has it. */}
              {!whm.value.suspended
                ? whm.value.plan
                : whm.value.suspendReason
                  ? t("suspendedBecause", { plan: whm.value.plan, reason: whm.value.suspendReason })
                  : t("suspended", { plan: whm.value.plan })}
            </dd>
          </>
        ) : null}
      </dl>
      <nav aria-label={t("aboutLabel")} className="mt-3 flex flex-wrap gap-4 text-sm">
        <Link href={`/accounts/${account.id}/email`} className={link}>
          {t("links.mailboxes")}
        </Link>
        <Link href={`/accounts/${account.id}/activity`} className={link}>
          {t("links.activity")}
        </Link>
        <Link href={`/support/audit?account=${encodeURIComponent(account.id)}`} className={link}>
          {t("links.audit")}
        </Link>
      </nav>

      <Section id="outgoing" title={t("outgoing.heading")}>
        {whm.ok ? (
          <>
            <dl className="grid grid-cols-[max-content_minmax(0,1fr)] wrap-anywhere gap-x-6 gap-y-1 text-sm">
              <dt className="font-medium">{t("outgoing.sending")}</dt>
              <dd>
                {whm.value.outgoingSuspended ? (
                  <strong className="text-red-800">{t("outgoing.sendingSuspended")}</strong>
                ) : (
                  t("outgoing.sendingAllowed")
                )}
              </dd>
              <dt className="font-medium">{t("outgoing.queue")}</dt>
              <dd>{whm.value.outgoingHeld ? <strong className="text-amber-900">{t("outgoing.queueHeld")}</strong> : t("outgoing.queueNotHeld")}</dd>
            </dl>
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              <IntlProvider namespaces={["ConfirmAction", "ReasonField"]}>
                {outgoingChoices(whm.value).map((choice) => (
                  // Keyed by slot, so the answer stays on screen when the action flips (suspend → allow).
                  <ConfirmActionForm
                    key={choice.slot}
                    {...confirmation(choice.action, t, who)}
                    tone={choice.tone}
                    hidden={{ accountId: account.id, action: choice.action }}
                    action={runMailAction}
                  />
                ))}
              </IntlProvider>
            </div>
          </>
        ) : (
          <ErrorPanel title={t("outgoing.unreadable")}>
            <p>{whm.message}</p>
          </ErrorPanel>
        )}
      </Section>

      <Section id="security" title={t("security")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <IntlProvider namespaces={["ConfirmAction", "ReasonField"]}>
            <ConfirmActionForm
              {...confirmation("terminate_sessions", t, who)}
              tone="danger"
              hidden={{ accountId: account.id, action: "terminate_sessions" }}
              action={runMailAction}
            />
          </IntlProvider>
          <div>
            <Link
              href={`/support/force-password?account=${encodeURIComponent(account.id)}`}
              className="inline-block rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
            >
              {t("forcePassword")}
            </Link>
          </div>
        </div>
      </Section>

      <Section id="system-forward" title={t("systemForward.heading")}>
        <p className="text-sm text-slate-700">{t.rich("systemForward.intro", who)}</p>
        {systemForward.ok ? (
          <IntlProvider namespaces={["SystemForward", "ConfirmAction", "ReasonField"]}>
            <SystemForwardForm accountId={account.id} current={systemForward.value} action={saveSystemForward} />
          </IntlProvider>
        ) : (
          <ErrorPanel title={t("systemForward.unreadable")}>
            <p>{systemForward.message}</p>
          </ErrorPanel>
        )}
      </Section>

      <Section id="sign-in" title={t("signIn")}>
        <IntlProvider namespaces={["OpenSession", "ReasonField"]}>
          <OpenSessionForm accountId={account.id} cpanelUser={account.cpanelUser} action={openSession} />
        </IntlProvider>
      </Section>

      <Section id="mailboxes" title={t("mailboxes.heading")}>
        {mailboxes.ok ? (
          mailboxes.value.length === 0 ? (
            <p className="text-sm">{t("mailboxes.none")}</p>
          ) : (
            <table className={cardTable.table}>
              <TableHead
                cards
                caption={t("mailboxes.caption", { domain: account.primaryDomain })}
                columns={[t("mailboxes.address"), t("mailboxes.storage"), t("mailboxes.status")]}
              />
              <tbody className={cardTable.body}>
                {mailboxes.value.map((m) => (
                  <tr key={m.email} className={cardTable.row}>
                    <td data-label={t("mailboxes.address")} className={`max-sm:break-all ${cardTable.cell}`}>
                      <Link href={`/accounts/${account.id}/email/${encodeURIComponent(m.email)}`} className={link}>
                        {m.email}
                      </Link>
                    </td>
                    <td data-label={t("mailboxes.storage")} className={cardTable.cell}>
                      <QuotaUsage diskUsedBytes={m.diskUsedBytes} quotaMb={m.quotaMb} />
                    </td>
                    <td data-label={t("mailboxes.status")} className={cardTable.cell}>
                      <MailboxBadges {...m} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : (
          <ErrorPanel title={t("mailboxes.unreadable")}>
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

type MailAction = "suspend_outgoing" | "unsuspend_outgoing" | "hold_outgoing" | "release_outgoing" | "terminate_sessions";

/** The two outgoing-mail controls: sending (suspend or allow) and the queue (hold or release), as the state stands. */
function outgoingChoices(state: { outgoingSuspended: boolean; outgoingHeld: boolean }) {
  const sending = state.outgoingSuspended
    ? { action: "unsuspend_outgoing" as const, tone: "normal" as const }
    : { action: "suspend_outgoing" as const, tone: "danger" as const };
  const queue = state.outgoingHeld
    ? { action: "release_outgoing" as const, tone: "normal" as const }
    : { action: "hold_outgoing" as const, tone: "danger" as const };
  return [
    { slot: "sending", ...sending },
    { slot: "queue", ...queue },
  ];
}

/** A mail action's confirmation in words: its button, the sending button, and what it does (naming the WHM function). */
function confirmation(action: MailAction, t: SupportAccountT, who: { user: string; code: (chunks: ReactNode) => ReactNode }) {
  return {
    triggerLabel: t(`choices.${action}.trigger`),
    confirmLabel: t(`choices.${action}.confirm`),
    consequence: <>{t.rich(`choices.${action}.consequence`, who)}</>,
  };
}
