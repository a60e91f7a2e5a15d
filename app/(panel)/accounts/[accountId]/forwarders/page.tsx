import { getTranslations } from "next-intl/server";
import { deliveryInRequestLocale } from "@/lib/i18n/delivery";
import { upstreamMessage } from "@/lib/i18n/upstream";
import { requireUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { getAccountForwarding } from "@/lib/mail/forwarders";
import { UpstreamError } from "@/lib/core/errors";
import { ErrorPanel } from "@/components/error-panel";
import { AccountForwarders } from "@/components/forwarding/account-forwarders";
import { DomainForwarders } from "@/components/forwarding/domain-forwarders";
import { accountOr404, accountPageMetadata } from "../account-or-404";
import { AccountHeader } from "../account-header";
import { removeForwarder } from "./address-actions";
import { addDomainForwarder, addForwarder, removeDomainForwarder } from "./actions";

export const generateMetadata = accountPageMetadata(async (domain) => (await getTranslations("Forwarders"))("heading", { domain }));

type Props = { params: Promise<{ accountId: string }> };

/** Every forwarder of the account, with or without a mailbox, and its domain forwarders: live from cPanel. */
export default async function ForwardersPage({ params }: Props) {
  const user = await requireUser();
  const { accountId } = await params;
  const account = await accountOr404(user, accountId);
  const staff = isStaff(user.role);
  const t = await getTranslations("Forwarders");

  let forwarding;
  let failure: string | null = null;
  try {
    forwarding = await getAccountForwarding(user, account.id);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    failure = await upstreamMessage(error);
  }

  return (
    <>
      <AccountHeader account={account} title={t("heading", { domain: account.primaryDomain })} current="forwarders" />
      {failure || !forwarding ? (
        <div className="mt-4">
          <ErrorPanel title={t("unavailable")}>
            <p>{failure}</p>
          </ErrorPanel>
        </div>
      ) : (
        <>
          <section aria-labelledby="address-forwarders-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
            <h2 id="address-forwarders-heading" className="text-lg font-semibold">
              {t("addressHeading")}
            </h2>
            <p className="mt-1 mb-3 text-sm text-slate-700">{t("addressIntro")}</p>
            <AccountForwarders
              accountId={account.id}
              domains={forwarding.domains}
              addresses={await Promise.all(forwarding.addresses.map(async (a) => ({ ...a, delivery: await deliveryInRequestLocale(a) })))}
              isStaff={staff}
              addAction={addForwarder}
              removeAction={removeForwarder}
            />
          </section>
          <section aria-labelledby="domain-forwarders-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
            <h2 id="domain-forwarders-heading" className="text-lg font-semibold">
              {t("domainHeading")}
            </h2>
            <p className="mt-1 mb-3 text-sm text-slate-700">{t("domainIntro")}</p>
            <DomainForwarders
              accountId={account.id}
              domains={forwarding.domains}
              domainForwarders={forwarding.domainForwarders}
              isStaff={staff}
              addAction={addDomainForwarder}
              removeAction={removeDomainForwarder}
            />
          </section>
        </>
      )}
    </>
  );
}
