import { apiRoute } from "@/lib/api/route";
import { domainForwardersRoute } from "@/lib/api/routes/domain-forwarders";
import { addDomainForwarder, listDomainForwarding } from "@/lib/mail/forwarders";

/** GET …/{accountId}/domain-forwarders — the account's domain forwarders, live from cPanel. */
export const GET = apiRoute(domainForwardersRoute.GET, async ({ context, params }) => {
  const { domainForwarders } = await listDomainForwarding(context.actor, params.accountId);
  return { body: { domainForwarders } };
});

/** POST …/{accountId}/domain-forwarders — forwards all mail of one of the account's domains; answers what cPanel lists afterwards. */
export const POST = apiRoute(domainForwardersRoute.POST, async ({ context, params, body }) => {
  const domainForwarders = await addDomainForwarder(context, params.accountId, body.sourceDomain, body.destinationDomain);
  return { body: { domainForwarders } };
});
