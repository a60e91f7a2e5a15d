import { fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { optionsFromEnv } from "./config";
import { checkPortRanges, dbPathFor, startFleet, type RunningFleet } from "./fleet";
import { fleetNames, parseFleetSpec } from "./seed-fleet";
import { whmAuth } from "./test-helpers";

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe("fleet seed spec", () => {
  it("parses SERVERSxACCOUNTSxMAILBOXES", () => {
    expect(parseFleetSpec("fleet:50x200x10")).toEqual({ servers: 50, accounts: 200, mailboxes: 10 });
    expect(parseFleetSpec("fleet:1x1x0")).toEqual({ servers: 1, accounts: 1, mailboxes: 0 });
  });

  it("refuses what is not a fleet, or too big", () => {
    for (const bad of ["fleet:50x200", "fleet:ax2x3", "fleet:-1x2x3", "fleet:2x3x4x5", "demo", "fleet:"]) {
      expect(() => parseFleetSpec(bad), bad).toThrow(/Unknown seed/);
    }
    expect(() => parseFleetSpec("fleet:0x1x1")).toThrow(/1–500 servers/);
    expect(() => parseFleetSpec("fleet:1x0x1")).toThrow(/at least 1 account/);
    expect(() => parseFleetSpec("fleet:1x1000x1000")).toThrow(/At most 500000 mailboxes per server/);
  });

  it("comes from --seed, and sets the server count unless EMULATOR_SERVERS says otherwise", () => {
    expect(optionsFromEnv(env({}), ["--seed", "fleet:3x2x1"])).toMatchObject({ servers: 3, seed: { servers: 3, accounts: 2, mailboxes: 1 } });
    expect(optionsFromEnv(env({ EMULATOR_SERVERS: "3" }), ["--seed=fleet:3x2x1"])).toMatchObject({ servers: 3 });
    expect(optionsFromEnv(env({ EMULATOR_SERVERS: "4" }), [])).toMatchObject({ servers: 4, seed: undefined });
    expect(optionsFromEnv(env({}), ["--seed", "demo"])).toMatchObject({ servers: 1, seed: "demo" });
    expect(() => optionsFromEnv(env({ EMULATOR_SERVERS: "4" }), ["--seed", "fleet:3x2x1"])).toThrow(/seed is for 3 servers/);
    expect(() => optionsFromEnv(env({ EMULATOR_SERVERS: "0" }), [])).toThrow(/EMULATOR_SERVERS must be 1–500/);
    expect(() => optionsFromEnv(env({}), ["--seed", "galaxy"])).toThrow(/Unknown seed preset/);
  });
});

describe("fleet ports and state files", () => {
  it("gives each server consecutive ports and refuses overlapping ranges", () => {
    expect(() => checkPortRanges(2087, 2083, 4)).not.toThrow();
    expect(() => checkPortRanges(2087, 2083, 50)).toThrow(/overlap: set EMULATOR_CPANEL_PORT/);
    expect(() => checkPortRanges(12000, 13000, 50)).not.toThrow();
    expect(() => checkPortRanges(0, 0, 500)).not.toThrow();
    expect(() => checkPortRanges(65500, 0, 50)).toThrow(/EMULATOR_WHM_PORT=65500 leaves no room/);
  });

  it("names one state file per server", () => {
    expect(dbPathFor("./data/emulator.db", 0, 1)).toBe("./data/emulator.db");
    expect(dbPathFor("./data/emulator.db", 6, 50)).toBe("./data/emulator-srv07.db");
    expect(dbPathFor(":memory:", 6, 50)).toBe(":memory:");
  });
});

describe("a fleet of three servers", () => {
  let fleet: RunningFleet;
  const url = (i: number, path: string) => `http://127.0.0.1:${fleet.servers[i]!.whmPort}${path}`;
  const listUsers = async (i: number) => {
    const res = await fetch(url(i, "/json-api/listaccts?api.version=1"), { headers: { Authorization: whmAuth } });
    const body = (await res.json()) as { data?: { acct: Array<{ user: string; domain: string }> } };
    return (body.data?.acct ?? []).map((a) => a.user);
  };
  const control = async (i: number, method: string, path: string, body?: unknown) => {
    const res = await fetch(url(i, `/__emulator${path}`), { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    fleet = await startFleet({
      servers: 3,
      whmPort: 0,
      cpanelPort: 0,
      db: ":memory:",
      control: true,
      seed: { servers: 3, accounts: 4, mailboxes: 3 },
    });
  });
  afterAll(() => fleet.close());

  it("listens on its own ports, each server with its own accounts", async () => {
    const ports = fleet.servers.flatMap((s) => [s.whmPort, s.cpanelPort]);
    expect(new Set(ports).size).toBe(6);
    for (let i = 0; i < 3; i++) {
      expect(await listUsers(i)).toEqual([0, 1, 2, 3].map((a) => fleetNames(i, a).user));
    }
    const state = (await control(1, "GET", `/state/${fleetNames(1, 2).user}`)).json as { domain: string; mailboxes: Array<{ email: string }> };
    expect(state.domain).toBe("acct0002.srv02.test");
    expect(state.mailboxes.map((m) => m.email)).toEqual([0, 1, 2].map((b) => fleetNames(1, 2).mailbox(b)));
    expect((await control(0, "GET", `/state/${fleetNames(1, 2).user}`)).status).toBe(404);
  });

  it("keeps each server's state apart (a reset of one leaves the others)", async () => {
    await control(2, "POST", "/reset");
    expect(await listUsers(2)).toEqual([]);
    expect(await listUsers(0)).toHaveLength(4);
  });

  it("makes one server slow or down while the others answer", async () => {
    expect((await control(0, "POST", "/health", { state: "slow", ms: 300 })).status).toBe(200);
    expect((await control(1, "POST", "/health", { state: "down" })).json).toEqual({ state: "down" });
    expect((await control(1, "POST", "/health", { state: "slow" })).status).toBe(400);

    let started = performance.now();
    expect(await listUsers(0)).toHaveLength(4);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);

    started = performance.now();
    const down = fetch(url(1, "/json-api/listaccts?api.version=1"), { headers: { Authorization: whmAuth }, signal: AbortSignal.timeout(400) });
    await expect(down).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);

    started = performance.now();
    expect(await listUsers(2)).toEqual([]); // server 3 was reset above, but it answers at once
    expect(performance.now() - started).toBeLessThan(250);

    expect((await control(1, "GET", "/health")).json).toEqual({ state: "down" });
    await control(1, "DELETE", "/faults");
    await control(0, "POST", "/health", { state: "up" });
    expect(await listUsers(1)).toHaveLength(4);
  });
});
