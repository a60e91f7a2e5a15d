import { apiRoute } from "@/lib/api/route";
import { accountParams } from "@/lib/api/schemas";
import { mailboxPublicId } from "@/lib/mail/mailbox-id";
import { listAllMailboxes } from "@/lib/mail/mailboxes";

/** GET /api/v2/shared-hosting/{accountId}/email-accounts — the account's mailboxes, live from cPanel. */
export const GET = apiRoute({ access: "read", params: accountParams }, async ({ caller, params }) => {
  const { accountId, mailboxes } = await listAllMailboxes(caller.actor, params.accountId);
  return {
    body: {
      emailAccounts: mailboxes.map((m) => ({
        id: mailboxPublicId(accountId, m.email),
        email: m.email,
        domain: m.domain,
        quotaMb: m.quotaMb,
        diskUsedBytes: m.diskUsedBytes,
        suspendedLogin: m.suspendedLogin,
        suspendedIncoming: m.suspendedIncoming,
        suspendedOutgoing: m.suspendedOutgoing,
        holdOutgoing: m.holdOutgoing,
      })),
    },
  };
});
