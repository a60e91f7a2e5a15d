import "server-only";
import type { Actor } from "@/lib/core/actor";
import {
  bumpSessionVersion,
  createUser,
  DuplicateEmailError,
  findUserById,
  listUsers,
  normalizeEmail,
  setUserLocked,
  setUserRole,
  type Role,
} from "@/lib/db/users";
import { auditWrite } from "@/lib/audit/write";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { requireAdmin } from "@/lib/mail/guards";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { translator } from "@/lib/i18n/server";

/** What the users page shows of a panel user: never the hash, never the session version. */
export type PanelUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  locked: boolean;
  lastLoginAt: number | null;
  createdAt: number;
};

export const MIN_INITIAL_PASSWORD_LENGTH = 12;

/** Every panel user, by email (admins only). */
export async function listPanelUsers(actor: Actor): Promise<PanelUser[]> {
  requireAdmin(actor);
  return (await listUsers()).map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locked: u.lockedAt !== null,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  }));
}

/** Creates a panel user with an initial password that the admin hands over (admins only, with a reason). */
export async function createPanelUser(
  context: WriteContext,
  input: { email: string; name?: string; role: Role; password: string },
): Promise<{ email: string }> {
  requireAdmin(context.actor);
  requireReason(context);
  const email = normalizeEmail(input.email);
  const errors: Record<string, string[]> = {};
  const t = await translator("Fields");
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = [t("enterEmail")];
  if (input.password.length < MIN_INITIAL_PASSWORD_LENGTH) errors.password = [t("tooShort", { minimum: MIN_INITIAL_PASSWORD_LENGTH })];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  try {
    await createUser({ email, name: input.name, role: input.role, password: input.password });
  } catch (error) {
    if (error instanceof DuplicateEmailError) throw new ValidationError({ email: [t("userExists")] });
    throw error;
  }
  await auditWrite(context, { accountId: null, action: "user.create", target: email, outcome: "success", detail: { role: input.role } });
  return { email };
}

async function otherUser(context: WriteContext, userId: string) {
  requireAdmin(context.actor);
  const user = /^usr_[A-Za-z0-9]+$/.test(userId) ? await findUserById(userId) : null;
  if (!user) throw new NotFoundError("No such user");
  if (user.id === context.actor.id) {
    // An admin who demotes or locks themselves could leave the panel without an admin.
    const t = await translator("Fields");
    throw new ValidationError({ userId: [t("notOwnAccount")] }, t("notOwnAccountShort"));
  }
  requireReason(context);
  return user;
}

/** Changes a user's role, which also signs them out everywhere. */
export async function changePanelUserRole(context: WriteContext, userId: string, role: Role): Promise<{ email: string; role: Role }> {
  const user = await otherUser(context, userId);
  await setUserRole(user.id, role);
  await auditWrite(context, {
    accountId: null,
    action: "user.role.change",
    target: user.email,
    outcome: "success",
    detail: { before: user.role, after: role },
  });
  return { email: user.email, role };
}

/** Locks (and signs out everywhere) or unlocks a user. */
export async function setPanelUserLocked(context: WriteContext, userId: string, locked: boolean): Promise<{ email: string }> {
  const user = await otherUser(context, userId);
  await setUserLocked(user.id, locked);
  await auditWrite(context, { accountId: null, action: locked ? "user.lock" : "user.unlock", target: user.email, outcome: "success" });
  return { email: user.email };
}

/** Ends every session of a user (they sign in again). */
export async function signOutPanelUser(context: WriteContext, userId: string): Promise<{ email: string }> {
  const user = await otherUser(context, userId);
  await bumpSessionVersion(user.id);
  await auditWrite(context, { accountId: null, action: "user.sessions.revoke", target: user.email, outcome: "success" });
  return { email: user.email };
}
