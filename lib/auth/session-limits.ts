import "server-only";
import { config } from "@/lib/config";
import { isStaff, type Role } from "@/lib/auth/roles";

/** Idle and absolute session lifetimes per role (DESIGN §6b): staff sessions are shorter. */
export function sessionLimits(role: Role): { idleSeconds: number; maxSeconds: number } {
  const c = config();
  return isStaff(role)
    ? { idleSeconds: c.SESSION_IDLE_MINUTES_STAFF * 60, maxSeconds: c.SESSION_MAX_HOURS_STAFF * 3600 }
    : { idleSeconds: c.SESSION_IDLE_MINUTES_CUSTOMER * 60, maxSeconds: c.SESSION_MAX_HOURS_CUSTOMER * 3600 };
}
