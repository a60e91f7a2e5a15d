// Sessions are re-checked on every request: version, lock, 2FA for staff, idle and absolute lifetimes (DESIGN §6b).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setTestEnv, withTestDatabase } from "../db/engines";
import { ageSession, fakeSession, resumeSession, signInAs, signOut } from "../support/signed-in";
import { bumpSessionVersion, createUser, setUserLocked } from "@/lib/db/users";
import { enableTotp } from "@/lib/db/two-factor";
import { authOptions } from "@/lib/auth/options";
import { currentUser, sessionUser } from "@/lib/auth/session";

vi.mock("next-auth", async (original) => ({
  ...(await original()),
  getServerSession: async () => (await import("../support/signed-in")).fakeSession(),
}));
vi.mock("next/server", async (original) => ({ ...(await original()), connection: async () => undefined }));
// React's cache() memoises per request; each call here is its own request.
vi.mock("react", async (original) => ({ ...(await original()), cache: <T>(fn: T) => fn }));

setTestEnv();
withTestDatabase("sqlite");

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** The current fake session as next-auth's cookie would decode (what the jwt callback wrote). */
async function cookieToken() {
  const session = fakeSession()!;
  const { jwt } = authOptions().callbacks!;
  return jwt!({
    token: {
      uid: session.user.id,
      email: session.user.email,
      role: session.user.role,
      sv: session.meta.sessionVersion,
      sid: session.meta.sessionId,
      authTime: session.meta.authTime,
      seen: session.meta.seen,
    },
    user: undefined as never,
    account: null,
  });
}

beforeAll(async () => {
  await createUser({ email: "c@example.com", role: "customer", password: "Session-test-2026!" });
  const staff = await createUser({ email: "s@example.com", role: "support", password: "Session-test-2026!" });
  await enableTotp(staff.id, "MAILROOMDEMOSUPPORTTOTPSECRET234", 0, []);
  await createUser({ email: "nofactor@example.com", role: "support", password: "Session-test-2026!" });
});

describe("the session, on every request", () => {
  it("is nobody without a cookie", async () => {
    signOut();
    expect(await currentUser()).toBeNull();
  });

  it("ends at once when the session version changes (role change, lock, sign out everywhere)", async () => {
    await signInAs("c@example.com");
    const user = await currentUser();
    expect(user).toMatchObject({ email: "c@example.com", role: "customer" });
    await bumpSessionVersion(user!.id);
    expect(await currentUser()).toBeNull();
  });

  it("ends when that session signs out, while the user's other sessions go on", async () => {
    await signInAs("c@example.com");
    const signedOut = structuredClone(fakeSession()!);
    await signInAs("c@example.com");
    const elsewhere = structuredClone(fakeSession()!);
    // next-auth hands events.signOut the session's decoded cookie, as the jwt callback last wrote it.
    resumeSession(signedOut);
    const token = await cookieToken();
    await authOptions().events?.signOut?.({ token, session: undefined as never });
    // The same cookie, replayed after sign-out, is nobody.
    expect(await currentUser()).toBeNull();
    resumeSession(elsewhere);
    expect(await currentUser()).toMatchObject({ email: "c@example.com" });
  });

  it("is nobody when the cookie names a session the server never opened", async () => {
    await signInAs("c@example.com");
    const forged = structuredClone(fakeSession()!);
    forged.meta = { ...forged.meta, sessionId: "not-a-session-the-server-opened" };
    resumeSession(forged);
    expect(await currentUser()).toBeNull();
    resumeSession({ ...forged, meta: { sessionVersion: forged.meta.sessionVersion, authTime: forged.meta.authTime, seen: forged.meta.seen } });
    expect(await currentUser()).toBeNull();
  });

  it("ends when the user is locked", async () => {
    await signInAs("c@example.com");
    const user = (await currentUser())!;
    await setUserLocked(user.id, true);
    await signInAs("c@example.com");
    expect(await currentUser()).toBeNull();
    await setUserLocked(user.id, false);
  });

  it("ends after the idle timeout: 60 minutes for customers, 30 for staff", async () => {
    await signInAs("c@example.com");
    ageSession({ seenSecondsAgo: 31 * MINUTE });
    expect(await currentUser()).not.toBeNull();
    ageSession({ seenSecondsAgo: 61 * MINUTE });
    expect(await currentUser()).toBeNull();

    await signInAs("s@example.com");
    ageSession({ seenSecondsAgo: 29 * MINUTE });
    expect(await currentUser()).not.toBeNull();
    ageSession({ seenSecondsAgo: 31 * MINUTE });
    expect(await currentUser()).toBeNull();
  });

  it("ends after the absolute lifetime even when active: 24 hours for customers, 12 for staff", async () => {
    await signInAs("c@example.com");
    ageSession({ authedSecondsAgo: 23 * HOUR });
    expect(await currentUser()).not.toBeNull();
    ageSession({ authedSecondsAgo: 25 * HOUR });
    expect(await currentUser()).toBeNull();

    await signInAs("s@example.com");
    ageSession({ authedSecondsAgo: 13 * HOUR });
    expect(await currentUser()).toBeNull();
  });

  it("gives staff without two-factor sign-in nothing but the setup page", async () => {
    await signInAs("nofactor@example.com");
    expect(await currentUser()).toBeNull();
    expect(await sessionUser()).toMatchObject({ email: "nofactor@example.com", twoFactorEnabled: false });
  });
});

describe("the session cookie's token", () => {
  it("keeps its last-active time when it has been idle too long, so it stays expired", async () => {
    const { jwt } = authOptions().callbacks!;
    const stale = Math.floor(Date.now() / 1000) - 61 * MINUTE;
    const token = await jwt!({
      token: { uid: "usr_x", role: "customer", sv: 1, authTime: stale, seen: stale },
      user: undefined as never,
      account: null,
    });
    expect(token.seen).toBe(stale);
    const fresh = Math.floor(Date.now() / 1000) - 5 * MINUTE;
    const active = await jwt!({
      token: { uid: "usr_x", role: "customer", sv: 1, authTime: fresh, seen: fresh },
      user: undefined as never,
      account: null,
    });
    expect(active.seen).toBeGreaterThan(fresh);
  });
});
