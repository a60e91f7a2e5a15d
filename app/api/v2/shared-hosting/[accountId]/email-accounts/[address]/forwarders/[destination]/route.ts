import { apiRoute } from "@/lib/api/route";
import { deleteQuery, forwarderParams, forwardingBody } from "@/lib/api/forwarding-schemas";
import { removeForwarder } from "@/lib/mail/forwarders";

/** DELETE …/forwarders/{destination}[?reason=…] — removes one destination (any kind); answers what cPanel lists afterwards. */
export function DELETE(request: Request, route: { params: Promise<unknown> }): Promise<Response> {
  const query = deleteQuery.safeParse({ reason: new URL(request.url).searchParams.get("reason") ?? undefined });
  return apiRoute({ access: "write", params: forwarderParams }, async ({ context, params }) => {
    const withReason = { ...context, reason: query.success ? query.data.reason?.trim() || undefined : undefined };
    return { body: forwardingBody(await removeForwarder(withReason, params.accountId, params.address, params.destination)) };
  })(request, route);
}
