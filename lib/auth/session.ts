import "server-only";
import type { Actor } from "@/lib/core/actor";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { sessionLimits } from "@/lib/auth/session-limits";
import { findSessionUser } from "@/lib/db/sessions";
import { isStaff } from "@/lib/auth/roles";

/**
 * The session's user, re-checked against the database on every request: a session that was signed out (or
 * never opened), a changed session version (role change, lock, "sign out everywhere"), a locked user or an
 * expired session all mean signed out.
 */
export const sessionUser = cache(async (): Promise<(Actor & { twoFactorEnabled: boolean; locale: string | null }) | null> => {
  // Per-request by nature: never prerendered at build time (when no secrets exist).
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.user?.id || !session.meta?.sessionId) return null;
  const now = Math.floor(Date.now() / 1000);
  const limits = sessionLimits(session.user.role);
  if (now - session.meta.authTime > limits.maxSeconds || now - session.meta.seen > limits.idleSeconds) return null;

  // One read: the user joined with this cookie's session row (gone after sign-out).
  const user = await findSessionUser(session.user.id, session.meta.sessionId);
  if (!user || user.lockedAt || user.sessionVersion !== session.meta.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, twoFactorEnabled: user.twoFactorEnabled, locale: user.locale };
});

/**
 * The signed-in user who may act: as sessionUser, but support and admin without two-factor sign-in are
 * nobody until they set it up (only the setup page accepts them).
 */
export const currentUser = cache(async (): Promise<Actor | null> => {
  const user = await sessionUser();
  if (!user || (isStaff(user.role) && !user.twoFactorEnabled)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** The current user, or a redirect to the sign-in page. For pages; actions use currentUser and answer themselves. */
export async function requireUser(): Promise<Actor> {
  const user = await currentUser();
  if (user) return user;
  if (await sessionUser()) redirect("/security/two-factor");
  redirect("/login");
}
