import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { getAccountForwarding } from "@/lib/mail/forwarders";
import { UpstreamError } from "@/lib/core/errors";
import { ErrorPanel } from "@/components/error-panel";
import { AccountForwarders } from "@/components/forwarding/account-forwarders";
import { DomainForwarders } from "@/components/forwarding/domain-forwarders";
import { accountOr404 } from "../account-or-404";
import { AccountHeader } from "../account-header";
import { removeForwarder } from "./address-actions";
import { addDomainForwarder, addForwarder, removeDomainForwarder } from "./actions";

export const metadata: Metadata = { title: "Forwarders" };

type Props = { params: Promise<{ accountId: string }> };

/** Every forwarder of the account, with or without a mailbox, and its domain forwarders: live from cPanel. */
export default async function ForwardersPage({ params }: Props) {
  const user = await requireUser();
  const { accountId } = await params;
  const account = await accountOr404(user, accountId);
  const staff = isStaff(user.role);

  let forwarding;
  let failure: string | null = null;
  try {
    forwarding = await getAccountForwarding(user, account.id);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    failure = error.message;
  }

  return (
    <>
      <AccountHeader account={account} title={`Forwarders of ${account.primaryDomain}`} current="forwarders" />
      {failure || !forwarding ? (
        <div className="mt-4">
          <ErrorPanel title="Forwarders can't be shown right now">
            <p>{failure}</p>
          </ErrorPanel>
        </div>
      ) : (
        <>
          <section aria-labelledby="address-forwarders-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
            <h2 id="address-forwarders-heading" className="text-lg font-semibold">
              Address forwarders
            </h2>
            <p className="mt-1 mb-3 text-sm text-slate-700">
              A forwarder on an address that is also a mailbox does not replace it: a copy stays in the mailbox and one goes on. An address without a
              mailbox stores nothing.
            </p>
            <AccountForwarders
              accountId={account.id}
              domains={forwarding.domains}
              addresses={forwarding.addresses}
              isStaff={staff}
              addAction={addForwarder}
              removeAction={removeForwarder}
            />
          </section>
          <section aria-labelledby="domain-forwarders-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
            <h2 id="domain-forwarders-heading" className="text-lg font-semibold">
              Domain forwarders
            </h2>
            <p className="mt-1 mb-3 text-sm text-slate-700">
              All mail for a domain goes to the same names at another domain: mail to sales@ goes to sales@ there.
            </p>
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
