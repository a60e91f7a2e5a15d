// Issue 13, finding 4: the client address comes from the socket; X-Forwarded-For counts only through proxies that
// TRUST_PROXY names. Checked on the resolver, through a real HTTP server with the stamp installed, and on sign-in.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { setTestEnv, withTestDatabase } from "../db/engines";
import { parseConfig, ConfigError } from "@/lib/config";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressFrom,
  installClientAddressStamp,
  resolveClientAddress,
  type TrustProxy,
} from "@/lib/http/client-address";
import { authOptions } from "@/lib/auth/options";

const NOBODY: TrustProxy = { kind: "none" };

describe("resolveClientAddress", () => {
  it("an untrusted socket is the client, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", NOBODY)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", ["198.51.100.1", "10.0.0.1"], NOBODY)).toBe("203.0.113.9");
    // An IPv4 client of a dual-stack server is named as IPv4; IPv6 stays as it is.
    expect(resolveClientAddress("::ffff:203.0.113.9", undefined, NOBODY)).toBe("203.0.113.9");
    expect(resolveClientAddress("2001:db8::7", "198.51.100.1", NOBODY)).toBe("2001:db8::7");
    // A socket that is not on the trusted list is not believed either.
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", { kind: "list", addresses: ["10.0.0.0/8"] })).toBe("203.0.113.9");
  });

  it("behind trusted proxies, the nearest hop that is not one of them", () => {
    const trust: TrustProxy = { kind: "list", addresses: ["10.0.0.0/8", "loopback"] };
    // client → 10.0.0.7 (edge) → 10.0.0.2 (ingress) → panel; the client may have written anything further left.
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 198.51.100.23, 10.0.0.7", trust)).toBe("198.51.100.23");
    expect(resolveClientAddress("127.0.0.1", "198.51.100.23", trust)).toBe("198.51.100.23");
    expect(resolveClientAddress("::ffff:10.0.0.2", "198.51.100.23", trust)).toBe("198.51.100.23");
    // Only proxies all the way: the leftmost address.
    expect(resolveClientAddress("10.0.0.2", "10.0.0.9", trust)).toBe("10.0.0.9");
    // No header: the proxy itself.
    expect(resolveClientAddress("10.0.0.2", undefined, trust)).toBe("10.0.0.2");
  });

  it("a hop count trusts that many proxies nearest the panel, no more", () => {
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.23", { kind: "hops", hops: 1 })).toBe("198.51.100.23");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.23, 10.0.0.7", { kind: "hops", hops: 2 })).toBe("198.51.100.23");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.23", { kind: "hops", hops: 3 })).toBe("198.51.100.23");
  });

  it("a hop that is not an address is nobody's: the proxy that reported it is the client", () => {
    expect(resolveClientAddress("10.0.0.2", "not-an-ip", { kind: "hops", hops: 1 })).toBe("10.0.0.2");
  });
});

describe("TRUST_PROXY", () => {
  const env = { AUTH_SECRET: "x".repeat(32), MAILROOM_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") };
  const parse = (value?: string) => parseConfig({ ...env, TRUST_PROXY: value }).TRUST_PROXY;

  it("trusts nobody by default; takes a hop count or addresses and CIDRs", () => {
    expect(parse()).toEqual({ kind: "none" });
    expect(parse("false")).toEqual({ kind: "none" });
    expect(parse("0")).toEqual({ kind: "none" });
    expect(parse("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parse("loopback, 10.0.0.0/8 ,fd00::/8")).toEqual({ kind: "list", addresses: ["loopback", "10.0.0.0/8", "fd00::/8"] });
  });

  it("refuses true (any client could choose its address) and what is not an address", () => {
    expect(() => parse("true")).toThrow(ConfigError);
    expect(() => parse("proxy.internal")).toThrow(/TRUST_PROXY/);
    expect(() => parse("10.0.0.0/99")).toThrow(/TRUST_PROXY/);
  });
});

/** A real server with the stamp installed; each request answers what the app would read as the client address. */
async function startServer(trust: TrustProxy, onRequest: (request: IncomingMessage) => Promise<string> | string) {
  const uninstall = installClientAddressStamp(trust);
  const server: Server = createServer((request, response) => {
    void Promise.resolve(onRequest(request)).then((body) => response.end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    stop: async () => {
      uninstall();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("the stamp on every request", () => {
  it("replaces a client's X-Forwarded-For and its own copy of the header with the socket's address", async () => {
    const server = await startServer(NOBODY, (request) => clientAddressFrom(request.headers));
    try {
      const answer = await fetch(server.url, {
        headers: { "x-forwarded-for": "198.51.100.1", [CLIENT_ADDRESS_HEADER]: "198.51.100.2", "x-real-ip": "198.51.100.3" },
      });
      expect(await answer.text()).toBe("127.0.0.1");
    } finally {
      await server.stop();
    }
  });

  it("behind a trusted proxy (here, loopback), the address the proxy reports", async () => {
    const server = await startServer({ kind: "list", addresses: ["loopback"] }, (request) => clientAddressFrom(request.headers));
    try {
      const answer = await fetch(server.url, { headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.7" } });
      expect(await answer.text()).toBe("198.51.100.7");
    } finally {
      await server.stop();
    }
  });

  it("a header the stamp did not write (a request from before it was installed) is not believed", () => {
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.2" }))).toBe("unknown");
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "198.51.100.2", "x-mailroom-client-ip-stamp": "guess" })).toBe("unknown");
    expect(clientAddressFrom(undefined)).toBe("unknown");
  });
});

describe("the per-IP sign-in limit", () => {
  setTestEnv();
  withTestDatabase("sqlite");
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    // next-auth's credentials callback hands authorize the request's headers as a plain record, as here.
    const provider = authOptions().providers[0] as unknown as { options: CredentialsConfig };
    server = await startServer(NOBODY, async (request) => {
      const email = new URL(request.url!, "http://x").searchParams.get("email")!;
      const headers = Object.fromEntries(Object.entries(request.headers));
      try {
        await provider.options.authorize({ email, password: "wrong-password", code: "" }, { headers, body: {}, query: {}, method: "POST" });
        return "signed in";
      } catch (error) {
        return (error as Error).message.split(":")[0]!;
      }
    });
  });
  afterAll(() => server?.stop());

  it("rotating X-Forwarded-For does not escape it", async () => {
    // 5 failures per account (×4 per IP) by default: each attempt names another email, so only the IP limit can bite.
    const outcomes: string[] = [];
    for (let i = 0; i < 21; i++) {
      const answer = await fetch(`${server.url}?email=nobody${i}@example.com`, { headers: { "x-forwarded-for": `198.51.100.${i + 1}` } });
      outcomes.push(await answer.text());
    }
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill("invalid_credentials"));
    expect(outcomes[20]).toBe("rate_limited");
  });
});
