import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { X509Certificate } from "node:crypto";
import { Agent, fetch } from "undici";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "./server";
import { STRONG, cpanelAuth, startTestEmulator, whmAuth } from "./test-helpers";

const dir = mkdtempSync(join(tmpdir(), "emulator-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("TLS", () => {
  it("serves HTTPS with a self-signed certificate for localhost and 127.0.0.1 that a client trusts via the CA file", async () => {
    const certDir = join(dir, "tls");
    const t = await startTestEmulator({ tls: true, certDir });
    try {
      expect(t.emu.caFile).toBe(join(certDir, "cert.pem"));
      const ca = readFileSync(t.emu.caFile!, "utf8");
      const cert = new X509Certificate(ca);
      expect(cert.subjectAltName).toContain("DNS:localhost");
      expect(cert.subjectAltName).toContain("IP Address:127.0.0.1");
      const trusted = new Agent({ connect: { ca } });
      for (const host of ["127.0.0.1", "localhost"]) {
        const res = await fetch(`https://${host}:${t.emu.whmPort}/json-api/listaccts?api.version=1`, {
          headers: { Authorization: whmAuth },
          dispatcher: trusted,
        });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { metadata: { result: number } }).metadata.result).toBe(1);
      }
      const cp = await fetch(`https://127.0.0.1:${t.emu.cpanelPort}/execute/Email/list_pops`, {
        headers: { Authorization: cpanelAuth() },
        dispatcher: trusted,
      });
      expect(cp.status).toBe(200);
      // Without the CA the certificate is refused.
      await expect(fetch(`https://127.0.0.1:${t.emu.whmPort}/json-api/listaccts?api.version=1`)).rejects.toThrow();
      await trusted.close();
    } finally {
      await t.close();
    }
    // Generated once, reused.
    const mtime = statSync(join(certDir, "cert.pem")).mtimeMs;
    const again = await startEmulator({ whmPort: 0, cpanelPort: 0, db: ":memory:", tls: true, certDir });
    await again.close();
    expect(statSync(join(certDir, "cert.pem")).mtimeMs).toBe(mtime);
  });
});

describe("persistence", () => {
  it("keeps the state in the SQLite file across a restart", async () => {
    const db = join(dir, "state", "emulator.db");
    const first = await startTestEmulator({ db });
    await first.uapi("Email", "add_pop", { email: "kept", password: STRONG, quota: "42" });
    await first.uapi("Email", "add_forwarder", { domain: "example.com", email: "fw", fwdopt: "blackhole" });
    await first.whm("forcepasswordchange", { users_json: '{"shopcp":1}' });
    await first.close();

    const second = await startTestEmulator({ db, seed: undefined });
    try {
      const s = await second.state("examplecom");
      expect(s.mailboxes.find((m: { email: string }) => m.email === "kept@example.com")?.quotaMb).toBe(42);
      expect(s.forwarders).toContainEqual({ address: "fw@example.com", kind: "blackhole", forward: ":blackhole:" });
      expect((await second.state("shopcp")).forcePasswordChange).toBe(true);
      expect((await second.uapi("Email", "verify_password", { email: "kept@example.com", password: STRONG })).data).toBe(1);
    } finally {
      await second.close();
    }
  });
});

describe("main.ts", () => {
  it("prints exactly one ready line and exits on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts", "--seed", "demo"], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, EMULATOR_DB: ":memory:", EMULATOR_WHM_PORT: "0", EMULATOR_CPANEL_PORT: "0", EMULATOR_CONTROL: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no ready line")), 15000);
      child.stdout.on("data", () => {
        if (stdout.includes("\n")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on("exit", () => reject(new Error("exited early")));
    });
    const ready = JSON.parse(stdout.trim()) as Record<string, unknown>;
    expect(Object.keys(ready)).toEqual(["event", "whmPort", "cpanelPort", "tls", "caFile", "servers", "startMs"]);
    expect(ready).toMatchObject({ event: "ready", tls: false, caFile: null });
    const res = await fetch(`http://127.0.0.1:${ready.whmPort}/json-api/listaccts?api.version=1`, { headers: { Authorization: whmAuth } });
    expect(((await res.json()) as { data: { acct: unknown[] } }).data.acct).toHaveLength(3);
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", (c) => resolve(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
  });
});
