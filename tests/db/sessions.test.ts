// The sessions table: a sign-in's row is what makes its cookie valid; sign-out deletes it; rows expire.
import { afterEach, describe, expect, it, vi } from "vitest";
import { sql } from "kysely";
import { createUser, setUserLocked } from "@/lib/db/users";
import { createSession, deleteSession, findSessionUser } from "@/lib/db/sessions";
import { ENGINES, setTestEnv, withTestDatabase } from "./engines";

setTestEnv();

describe.each(ENGINES)("sessions on %s", (engine) => {
  const db = withTestDatabase(engine);
  afterEach(() => vi.useRealTimers());

  it("finds the user of an open session, in one read, and nobody after it is deleted", async () => {
    const user = await createUser({ email: `s1-${engine}@example.com`, role: "customer", password: "Sessions-test-2026" });
    const other = await createUser({ email: `s2-${engine}@example.com`, role: "customer", password: "Sessions-test-2026" });
    const first = await createSession(user.id, 3600);
    const second = await createSession(user.id, 3600);
    expect(first).not.toBe(second);
    expect(first.length).toBeGreaterThanOrEqual(43);

    expect(await findSessionUser(user.id, first)).toMatchObject({ id: user.id, email: user.email });
    // A session id belongs to its own user only.
    expect(await findSessionUser(other.id, first)).toBeNull();
    expect(await findSessionUser(user.id, "made-up")).toBeNull();

    expect(await deleteSession(first)).toBe(true);
    expect(await deleteSession(first)).toBe(false);
    expect(await findSessionUser(user.id, first)).toBeNull();
    expect(await findSessionUser(user.id, second)).not.toBeNull();
    // The user is answered as stored (the caller refuses a locked one).
    await setUserLocked(user.id, true);
    expect((await findSessionUser(user.id, second))?.lockedAt).not.toBeNull();
  });

  it("stores only a hash of the id", async () => {
    const user = await createUser({ email: `s3-${engine}@example.com`, role: "customer", password: "Sessions-test-2026" });
    const id = await createSession(user.id, 3600);
    const { rows } = await sql<{ id_hash: string }>`select id_hash from sessions where user_id = ${user.id}`.execute(db.current().handle.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).not.toContain(id);
  });

  it("ends a session after its lifetime, and sweeps expired rows at the next sign-in", async () => {
    const user = await createUser({ email: `s4-${engine}@example.com`, role: "customer", password: "Sessions-test-2026" });
    const start = Date.now();
    vi.useFakeTimers({ now: start, toFake: ["Date"] });
    const short = await createSession(user.id, 60);
    expect(await findSessionUser(user.id, short)).not.toBeNull();
    vi.setSystemTime(start + 61_000);
    expect(await findSessionUser(user.id, short)).toBeNull();
    await createSession(user.id, 3600);
    const { rows } = await sql<{ n: number }>`select count(*) as n from sessions where user_id = ${user.id}`.execute(db.current().handle.db);
    expect(Number(rows[0]!.n)).toBe(1);
  });
});
