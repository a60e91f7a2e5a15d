import { apiRoute } from "@/lib/api/route";
import { passwordRoute } from "@/lib/api/routes/password";
import { changeMailboxPassword } from "@/lib/mail/passwords";

/** PUT …/email-accounts/{address}/password — sets a mailbox's password; answers the address, never the password. */
export const PUT = apiRoute(passwordRoute.PUT, async ({ context, params, body }) => {
  const { email } = await changeMailboxPassword(context, params.accountId, params.address, body.newPassword);
  return { body: { email } };
});
