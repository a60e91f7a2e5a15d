import { apiRoute } from "@/lib/api/route";
import { secureRoute } from "@/lib/api/routes/secure";
import { secureMailbox } from "@/lib/mail/secure-mailbox";

/** POST …/email-accounts/{address}/secure — secures a compromised mailbox in one step and answers the report. */
export const POST = apiRoute(secureRoute.POST, async ({ context, params }) => {
  return { body: await secureMailbox(context, params.accountId, params.address) };
});
