import { fetch, type RequestInit } from "undici";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server";

export const WHM_TOKEN = "MAILROOMDEVWHMROOTTOKEN000000000";
export const ROOT_PASSWORD = "emulator-root-password";
export const EXAMPLECOM_TOKEN = "EXAMPLECOMDEMOTOKEN0000000000000";
export const SHOPCP_TOKEN = "SHOPCPDEMOTOKEN00000000000000000";
export const DEMO_MAILBOX_PASSWORD = "Demo-mailbox-2026!";
export const STRONG = "Quartz-harbor-123-meadow";

export const whmAuth = `whm root:${WHM_TOKEN}`;
export const cpanelAuth = (user = "examplecom", token = EXAMPLECOM_TOKEN) => `cpanel ${user}:${token}`;
export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface TestEmulator {
  emu: RunningEmulator;
  whmUrl: string;
  cpanelUrl: string;
  /** Raw request; returns status, text, and parsed JSON when possible. */
  raw(url: string, init?: RequestInit): Promise<{ status: number; contentType: string; text: string; json: Json | undefined }>;
  /** WHM API 1 call (`api.version=1` added), root token auth, params as a form POST body. */
  whm(func: string, params?: Record<string, string>, auth?: string): Promise<Json>;
  /** UAPI `/execute` call as a cPanel user (token auth), params as a form POST body. */
  uapi(module: string, func: string, params?: Record<string, string>, auth?: string): Promise<Json>;
  /** UAPI via GET query string. */
  uapiGet(module: string, func: string, params?: Record<string, string>, auth?: string): Promise<Json>;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }>;
  state(user: string): Promise<Json>;
  reset(seed?: boolean): Promise<void>;
  close(): Promise<void>;
}

/** Starts an in-memory emulator on free ports with the control interface and the demo data. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({
    whmPort: 0,
    cpanelPort: 0,
    db: ":memory:",
    control: true,
    seed: "demo",
    ...options,
  });
  const scheme = emu.tls ? "https" : "http";
  const whmUrl = `${scheme}://127.0.0.1:${emu.whmPort}`;
  const cpanelUrl = `${scheme}://127.0.0.1:${emu.cpanelPort}`;

  const raw: TestEmulator["raw"] = async (url, init) => {
    const res = await fetch(url, init);
    const text = await res.text();
    let json: Json | undefined;
    try {
      json = JSON.parse(text) as Json;
    } catch {
      json = undefined;
    }
    return { status: res.status, contentType: res.headers.get("content-type") ?? "", text, json };
  };
  const post = async (url: string, params: Record<string, string>, auth: string) => {
    const r = await raw(url, {
      method: "POST",
      headers: { Authorization: auth, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params).toString(),
    });
    if (r.status !== 200 || !r.json) throw new Error(`HTTP ${r.status}: ${r.text}`);
    return r.json;
  };
  const t: TestEmulator = {
    emu,
    whmUrl,
    cpanelUrl,
    raw,
    whm: (func, params = {}, auth = whmAuth) => post(`${whmUrl}/json-api/${func}?api.version=1`, params, auth),
    uapi: (module, func, params = {}, auth = cpanelAuth()) => post(`${cpanelUrl}/execute/${module}/${func}`, params, auth),
    uapiGet: async (module, func, params = {}, auth = cpanelAuth()) => {
      const r = await raw(`${cpanelUrl}/execute/${module}/${func}?${new URLSearchParams(params)}`, {
        headers: { Authorization: auth },
      });
      if (r.status !== 200 || !r.json) throw new Error(`HTTP ${r.status}: ${r.text}`);
      return r.json;
    },
    control: async (method, path, body) => {
      const r = await raw(`${whmUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, json: r.json ?? {} };
    },
    state: async (user) => (await t.control("GET", `/__emulator/state/${user}`)).json,
    reset: async (seed = true) => {
      await t.control("POST", "/__emulator/reset");
      await t.control("DELETE", "/__emulator/requests");
      if (seed) await t.control("POST", "/__emulator/seed", { preset: "demo" });
    },
    close: () => emu.close(),
  };
  return t;
}

/** The mailbox entry of an account state. */
export function mailboxOf(state: Json, email: string): Json | undefined {
  return (state.mailboxes as Json[]).find((m) => m.email === email);
}
