import { apiRoute } from "@/lib/api/route";
import { deleteQuery, domainForwarderParams } from "@/lib/api/forwarding-schemas";
import { removeDomainForwarder } from "@/lib/mail/forwarders";

/** DELETE …/domain-forwarders/{domain}[?reason=…] — stops forwarding the domain; answers what cPanel lists afterwards. */
export function DELETE(request: Request, route: { params: Promise<unknown> }): Promise<Response> {
  const query = deleteQuery.safeParse({ reason: new URL(request.url).searchParams.get("reason") ?? undefined });
  return apiRoute({ access: "write", params: domainForwarderParams }, async ({ context, params }) => {
    const withReason = { ...context, reason: query.success ? query.data.reason?.trim() || undefined : undefined };
    return { body: { domainForwarders: await removeDomainForwarder(withReason, params.accountId, params.domain) } };
  })(request, route);
}
