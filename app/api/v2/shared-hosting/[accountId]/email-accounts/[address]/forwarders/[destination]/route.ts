import { apiRoute } from "@/lib/api/route";
import { forwarderRoute } from "@/lib/api/routes/forwarder";
import { forwardingBody } from "@/lib/api/forwarding-schemas";
import { removeForwarder } from "@/lib/mail/forwarders";

/** DELETE …/forwarders/{destination}[?reason=…] — removes one destination (any kind); answers what cPanel lists afterwards. */
export const DELETE = apiRoute(forwarderRoute.DELETE, async ({ context, params }) => ({
  body: forwardingBody(await removeForwarder(context, params.accountId, params.address, params.destination)),
}));
