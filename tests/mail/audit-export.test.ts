// The audit log's CSV export while the log keeps growing: it pages by (time, id), so rows written meanwhile
// neither push an existing row into the next page twice nor out of the export.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/actor";
import { getDb } from "@/lib/db/client";
import { auditLogCsv } from "@/lib/mail/activity";
import { ENGINES, setTestEnv, withTestDatabase } from "../db/engines";

setTestEnv();

const support: Actor = { id: "usr_support", email: "support@example.com", name: null, role: "support" };
const EXISTING = 1_234;

/** `count` events named by their target (`${name}-${i}`); several share a millisecond, so the id breaks ties. */
async function insertEvents(name: string, count: number, at: (i: number) => number): Promise<void> {
  const db = await getDb();
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `evt_${name}_${String(i).padStart(6, "0")}`,
    at: at(i),
    actor_user_id: null,
    actor_role: "support",
    account_id: null,
    action: "account.sessions.terminate",
    target: `${name}-${i}`,
    outcome: "success",
    reason: null,
    detail: null,
    request_id: null,
  }));
  for (let start = 0; start < rows.length; start += 200)
    await db
      .insertInto("audit_events")
      .values(rows.slice(start, start + 200))
      .execute();
}

describe.each(ENGINES)("audit CSV export on %s", (engine) => {
  withTestDatabase(engine);

  it("neither repeats nor skips existing rows when events are written during the export", async () => {
    const base = Date.now() - 60 * 60 * 1000;
    await insertEvents("old", EXISTING, (i) => base + Math.floor(i / 7));

    const targets: string[] = [];
    let chunks = 0;
    for await (const chunk of auditLogCsv(support, {})) {
      chunks++;
      // After the header, each chunk is one page of 500 events: write new ones (as a live panel would) after every page.
      if (chunks > 1) await insertEvents(`new${chunks}`, 60, () => Date.now());
      for (const line of chunk.split("\r\n").filter(Boolean)) {
        const target = line.split(",")[6];
        if (target?.startsWith("old-")) targets.push(target);
      }
    }

    // Newest first: old-1233 … old-0, each exactly once.
    expect(targets).toHaveLength(EXISTING);
    expect(new Set(targets).size).toBe(EXISTING);
    expect(targets).toEqual(Array.from({ length: EXISTING }, (_, i) => `old-${EXISTING - 1 - i}`));
  });
});
