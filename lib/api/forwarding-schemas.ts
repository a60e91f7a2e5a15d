import { z } from "zod";
import { MAX_DESTINATIONS_PER_ADDRESS } from "@/lib/forwarding/address";
import type { AddressForwarding } from "@/lib/forwarding/describe";
import { accountIdSchema, mailboxParams, reasonSchema } from "@/lib/api/schemas";
import { singleLine } from "@/lib/validation/single-line";

/** Path, query and body schemas of the forwarding endpoints: validation and the OpenAPI document come from the same objects. */

function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const forwarderParams = mailboxParams.extend({
  destination: z
    .string()
    .min(1)
    .max(1000)
    .transform(decodeSegment)
    .describe("The destination to remove, URL-encoded: an address, or cPanel's raw value (`:fail: …`, `:blackhole:`, `|/path`, a system user)"),
});

export const domainForwarderParams = z.object({
  accountId: accountIdSchema,
  domain: z.string().min(1).max(253).transform(decodeSegment).describe("The forwarded domain (one of the account's mail domains)"),
});

/** `?reason=` on DELETE, where there is no body: staff must say why. */
export const deleteQuery = z.object({ reason: reasonSchema });

export const addForwardersBody = z
  .object({
    kind: z
      .enum(["address", "fail", "blackhole", "pipe", "system"])
      .default("address")
      .describe(
        "address (default): forward to `destinations`; fail: bounce with `failMessage`; blackhole: discard; pipe and system: support and admin only",
      ),
    destinations: z
      .array(z.string().max(320))
      .min(1, "Give at least one destination")
      .max(MAX_DESTINATIONS_PER_ADDRESS, `At most ${MAX_DESTINATIONS_PER_ADDRESS} destinations per address`)
      .optional()
      .describe(`Email addresses (IDN allowed; stored in punycode, lower case). At most ${MAX_DESTINATIONS_PER_ADDRESS} per address in all.`),
    failMessage: singleLine("The bounce message").max(1000).optional().describe("For kind fail: the text the sender gets back (one line)"),
    command: singleLine("The program").max(1000).optional().describe("For kind pipe: the program, relative to the account's home or absolute"),
    reason: reasonSchema,
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.kind === "address" && !body.destinations)
      ctx.addIssue({ code: "custom", path: ["destinations"], message: "destinations is required for kind address" });
    if (body.kind === "pipe" && !body.command) ctx.addIssue({ code: "custom", path: ["command"], message: "command is required for kind pipe" });
  });

export const addDomainForwarderBody = z
  .object({
    sourceDomain: z.string().min(1, "sourceDomain is required").max(253).describe("One of the account's mail domains"),
    destinationDomain: z.string().min(1, "destinationDomain is required").max(253).describe("Where its mail goes (same local part); IDN allowed"),
    reason: reasonSchema,
  })
  .strict();

export const forwardDestinationSchema = z.object({
  kind: z.enum(["address", "fail", "blackhole", "pipe", "system"]),
  destination: z.string().describe("cPanel's raw value; pass it (URL-encoded) to DELETE"),
  failMessage: z.string().optional(),
});

export const addressForwardingSchema = z.object({
  email: z.string(),
  hasMailbox: z.boolean().describe("true: a copy stays in the mailbox and each destination gets one; false: nothing is stored"),
  delivery: z.string().describe("What happens to a message, in one sentence"),
  forwarders: z.array(forwardDestinationSchema),
});

export const domainForwardersSchema = z.object({
  domainForwarders: z.array(z.object({ sourceDomain: z.string(), destinationDomain: z.string() })),
});

/** The API's view of an address's forwarding (the body of every forwarder endpoint). */
export function forwardingBody(f: AddressForwarding): z.input<typeof addressForwardingSchema> {
  return { email: f.address, hasMailbox: f.hasMailbox, delivery: f.delivery, forwarders: f.destinations };
}
