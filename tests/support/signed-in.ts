// Test helper: a browser session as next-auth would decode it, so lib/auth/session.ts runs for real in tests.
// A test file wires it with
//   vi.mock("next-auth", async (original) => ({ ...(await original()), getServerSession: async () => (await import("../support/signed-in")).fakeSession() }));
//   vi.mock("next/server", async (original) => ({ ...(await original()), connection: async () => undefined }));
// and then picks who is signed in with `signInAs(email)` / `signOut()`.
import { findUserByEmail } from "@/lib/db/users";
import { createSession } from "@/lib/db/sessions";
import type { Role } from "@/lib/auth/roles";

type FakeSession = {
  user: { id: string; email: string; name: string | null; role: Role };
  meta: { sessionVersion: number; sessionId?: string; authTime: number; seen: number };
  expires: string;
};

let session: FakeSession | null = null;

/** What getServerSession answers now: the session of the user last signed in, or null. */
export function fakeSession(): FakeSession | null {
  return session;
}

/** Signs in as a panel user, as of now (a new open session, fresh auth time, current session version). */
export async function signInAs(email: string): Promise<void> {
  const user = await findUserByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  const now = Math.floor(Date.now() / 1000);
  session = {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    meta: { sessionVersion: user.sessionVersion, sessionId: await createSession(user.id, 86_400), authTime: now, seen: now },
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  };
}

/** Makes an earlier session (e.g. a copied cookie) the current one again. */
export function resumeSession(saved: FakeSession): void {
  session = saved;
}

/** No session cookie at all. */
export function signOut(): void {
  session = null;
}

/** Moves the current session into the past: signed in `authedSecondsAgo`, last active `seenSecondsAgo`. */
export function ageSession(ages: { authedSecondsAgo?: number; seenSecondsAgo?: number }): void {
  if (!session) throw new Error("No session to age");
  const now = Math.floor(Date.now() / 1000);
  session.meta = {
    ...session.meta,
    authTime: now - (ages.authedSecondsAgo ?? 0),
    seen: now - (ages.seenSecondsAgo ?? 0),
  };
}
