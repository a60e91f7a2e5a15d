import { apiRoute } from "@/lib/api/route";
import { forwardersRoute } from "@/lib/api/routes/forwarders";
import { forwardingBody } from "@/lib/api/forwarding-schemas";
import type { NewForwarding } from "@/lib/mail/forwarders";
import { addForwarders, getAddressForwarding } from "@/lib/mail/forwarders";

/** GET …/email-accounts/{address}/forwarders — where the address's mail goes, live from cPanel. */
export const GET = apiRoute(forwardersRoute.GET, async ({ context, params }) => {
  return { body: forwardingBody(await getAddressForwarding(context.actor, params.accountId, params.address)) };
});

/** POST …/email-accounts/{address}/forwarders — adds destinations (or a bounce/discard); answers what cPanel lists afterwards. */
export const POST = apiRoute(forwardersRoute.POST, async ({ context, params, body }) => {
  const request: NewForwarding =
    body.kind === "address"
      ? { kind: "address", destinations: body.destinations ?? [] }
      : body.kind === "fail"
        ? { kind: "fail", failMessage: body.failMessage }
        : body.kind === "pipe"
          ? { kind: "pipe", command: body.command ?? "" }
          : { kind: body.kind };
  return { body: forwardingBody(await addForwarders(context, params.accountId, params.address, request)) };
});
