import { apiRoute } from "@/lib/api/route";
import { domainForwarderRoute } from "@/lib/api/routes/domain-forwarder";
import { removeDomainForwarder } from "@/lib/mail/forwarders";

/** DELETE …/domain-forwarders/{domain}[?reason=…] — stops forwarding the domain; answers what cPanel lists afterwards. */
export const DELETE = apiRoute(domainForwarderRoute.DELETE, async ({ context, params }) => ({
  body: { domainForwarders: await removeDomainForwarder(context, params.accountId, params.domain) },
}));
