import "server-only";
import { isStaff } from "@/lib/auth/roles";
import { auditDenied } from "@/lib/audit/write";
import type { Actor } from "@/lib/core/actor";
import { NotFoundError } from "@/lib/core/errors";

/** Role guards of the domain: staff-only and admin-only functions call one first. */

/**
 * Support pages and actions exist only for staff: everyone else gets the same answer as for a missing page (DESIGN §2),
 * and the attempt is recorded as refused (in the background: the guard stays synchronous for its callers).
 */
export function requireStaff(actor: Actor): void {
  if (isStaff(actor.role)) return;
  void auditDenied(actor, { action: "access.staff", detail: { error: "staff_only" } });
  throw new NotFoundError("Not found");
}

/** Admin-only pages and actions; support and customers get a NotFoundError, recorded as refused. */
export function requireAdmin(actor: Actor): void {
  if (actor.role === "admin") return;
  void auditDenied(actor, { action: "access.admin", detail: { error: "admin_only" } });
  throw new NotFoundError("Not found");
}
