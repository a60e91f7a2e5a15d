import { apiRoute } from "@/lib/api/route";
import { emailAccountRoute } from "@/lib/api/routes/email-account";
import { settingsBody } from "@/lib/api/options-schemas";
import { deleteMailbox } from "@/lib/mail/mailbox-lifecycle";
import { getMailboxSettings, updateMailbox, type MailboxChange } from "@/lib/mail/mailbox-options";

const toDate = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));

/** GET …/email-accounts/{address} — quota, usage, restrictions, autoresponder and forwards, live from cPanel. */
export const GET = apiRoute(emailAccountRoute.GET, async ({ caller, params }) => ({
  body: settingsBody(await getMailboxSettings(caller.actor, params.accountId, params.address)),
}));

/**
 * PATCH …/email-accounts/{address} — validated as a whole before anything is sent, applied all-or-nothing
 * (earlier parts are undone when a later one fails); answers the settings read back from cPanel.
 */
export const PATCH = apiRoute(emailAccountRoute.PATCH, async ({ context, params, body }) => {
  const { quota, autoresponder, ...rest } = body;
  const change: MailboxChange = {
    ...rest,
    ...(quota === undefined ? {} : { quotaMb: quota === "unlimited" || quota === null || quota === 0 ? null : quota }),
    ...(autoresponder === undefined
      ? {}
      : {
          autoresponder: autoresponder.enabled
            ? { ...autoresponder, enabled: true, start: toDate(autoresponder.start), end: toDate(autoresponder.end) }
            : { enabled: false },
        }),
  };
  delete (change as { reason?: string }).reason;
  const { settings } = await updateMailbox(context, params.accountId, params.address, change);
  return { body: settingsBody(settings) };
});

/** DELETE …/email-accounts/{address}[?reason=…] — deletes the mailbox and the mail in it (cPanel keeps its forwarders). */
export const DELETE = apiRoute(emailAccountRoute.DELETE, async ({ context, params }) => {
  // No body on DELETE: staff give their reason in the query (the spec's `?reason=`), as on the forwarder DELETEs.
  const { email } = await deleteMailbox(context, params.accountId, params.address);
  return { body: { email, deleted: true as const } };
});
