import { apiRoute } from "@/lib/api/route";
import { emailAccountsRoute } from "@/lib/api/routes/email-accounts";
import { mailboxPublicId } from "@/lib/mail/mailbox-id";
import { listAllMailboxes } from "@/lib/mail/mailboxes";
import { settingsBody } from "@/lib/api/options-schemas";
import { ValidationError } from "@/lib/core/errors";
import { createMailbox } from "@/lib/mail/mailbox-lifecycle";
import { getMailboxSettings } from "@/lib/mail/mailbox-options";

/** GET /api/v2/shared-hosting/{accountId}/email-accounts — the account's mailboxes, live from cPanel. */
export const GET = apiRoute(emailAccountsRoute.GET, async ({ caller, params }) => {
  const { accountId, mailboxes } = await listAllMailboxes(caller.actor, params.accountId);
  return {
    body: {
      emailAccounts: mailboxes.map((m) => ({
        id: mailboxPublicId(accountId, m.email),
        email: m.email,
        domain: m.domain,
        quotaMb: m.quotaMb,
        diskUsedBytes: m.diskUsedBytes,
        suspendLogin: m.suspendLogin,
        suspendIncoming: m.suspendIncoming,
        suspendOutgoing: m.suspendOutgoing,
        holdOutgoing: m.holdOutgoing,
      })),
    },
  };
});

/** POST …/email-accounts — creates a mailbox (same password policy as a change); 201 with its settings read back. */
export const POST = apiRoute(emailAccountsRoute.POST, async ({ context, caller, params, body }) => {
  const at = body.email.lastIndexOf("@");
  const created = await emailFieldErrors(() =>
    createMailbox(context, params.accountId, {
      localPart: at > 0 ? body.email.slice(0, at) : body.email,
      domain: at > 0 ? body.email.slice(at + 1) : "",
      password: body.password,
      quotaMb: body.quota === undefined ? undefined : body.quota === "unlimited" || body.quota === null || body.quota === 0 ? null : body.quota,
    }),
  );
  return { body: settingsBody(await getMailboxSettings(caller.actor, params.accountId, created.email)) };
});

/** The domain names the address's parts; the API body has one `email` field. */
async function emailFieldErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ValidationError) || error.constructor !== ValidationError) throw error;
    const { localPart = [], domain = [], ...rest } = error.fieldErrors;
    throw new ValidationError({ ...rest, ...(localPart.length || domain.length ? { email: [...localPart, ...domain] } : {}) }, error.message);
  }
}
