import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/core/actor";
import { isStaff } from "@/lib/auth/roles";
import { ReasonRequiredError } from "@/lib/core/errors";

/** Who is writing, why (staff), through which door, and the id that ties logs, audit rows and answers together. */
export type WriteContext = {
  actor: Actor;
  /** Staff must say why (DESIGN §2); customers may leave it empty. */
  reason?: string;
  /** "cli": the admin command line (scripts/cli), acting as an admin at the server's shell. */
  via: "web" | "api" | "cli";
  requestId: string;
  /** The API token of a REST call (its id), so notices can name it. */
  apiTokenId?: string | null;
};

export const MIN_REASON_LENGTH = 10;

/** A write context with a fresh request id. */
export function writeContext(actor: Actor, via: WriteContext["via"], reason?: string, requestId: string = randomUUID()): WriteContext {
  return { actor, via, reason: reason?.trim() || undefined, requestId };
}

/** Staff writes need a reason of at least 10 characters, which goes to the audit log. */
export function requireReason(context: WriteContext): void {
  if (!isStaff(context.actor.role)) return;
  if ((context.reason?.length ?? 0) < MIN_REASON_LENGTH) {
    throw new ReasonRequiredError(MIN_REASON_LENGTH);
  }
}
