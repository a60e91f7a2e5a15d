import "server-only";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditedCpanelWrite } from "@/lib/mail/audited-write";
import { clientForServer } from "@/lib/mail/cpanel-access";
import { findMailbox } from "@/lib/mail/mailboxes";
import { UpstreamError } from "@/lib/core/errors";
import { requireReason, type WriteContext } from "@/lib/core/write-context";

/**
 * A one-time login link into Webmail as one mailbox (WHM create_user_session with the mailbox address and
 * `webmaild`). Owners get it for their own mailboxes; staff too, with a reason. The link is a credential: it
 * is returned to the caller only, never written to the audit log or any other store.
 */
export async function openMailboxWebmail(context: WriteContext, accountId: string, mailboxRef: string): Promise<{ url: string }> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const mailbox = await findMailbox(account, mailboxRef);
  const client = await clientForServer(account.serverId);
  if (client.authMode !== "whm")
    throw new UpstreamError(
      "unavailable",
      "Webmail sign-in needs a WHM token; this server is connected with a cPanel token. Sign in to Webmail with the mailbox password.",
    );
  const whm = client.whm;
  const { result } = await auditedCpanelWrite({
    context,
    audit: { accountId: account.id, action: "mailbox.webmail.open", target: mailbox.email, detail: { service: "webmaild" } },
    serverName: account.serverName,
    write: () => whm.createUserSession(mailbox.email, "webmaild"),
    unknownOutcome: () => `WHM did not answer in time, so there is no Webmail link for ${mailbox.email}. Try again.`,
  });
  return { url: result!.url };
}
