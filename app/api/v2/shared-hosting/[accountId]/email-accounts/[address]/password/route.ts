import { apiRoute } from "@/lib/api/route";
import { changePasswordBody, mailboxParams } from "@/lib/api/schemas";
import { changeMailboxPassword } from "@/lib/mail/passwords";

/** PUT …/email-accounts/{address}/password — sets a mailbox's password; answers the address, never the password. */
export const PUT = apiRoute({ access: "write", params: mailboxParams, body: changePasswordBody }, async ({ context, params, body }) => {
  const { email } = await changeMailboxPassword(context, params.accountId, params.address, body.newPassword);
  return { body: { email } };
});
