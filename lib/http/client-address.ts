import { randomBytes } from "node:crypto";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";

/**
 * Which peers may tell the panel who the client is (TRUST_PROXY): nobody (the socket's address is the client),
 * the nearest `hops` proxies, or proxies at these addresses / CIDRs (`loopback`, `linklocal`, `uniquelocal` too).
 * The same rules as Express's `trust proxy`, through the package Express uses.
 */
export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; addresses: string[] };

/** The request header that carries the resolved client address from the server's socket to the app. */
export const CLIENT_ADDRESS_HEADER = "x-mailroom-client-ip";
/** Proves the header above was set by this process, not sent by a client before the stamp was installed. */
const STAMP_HEADER = "x-mailroom-client-ip-stamp";
/** What the address is when no stamp can be trusted (tests calling handlers directly, requests from before start). */
export const UNKNOWN_ADDRESS = "unknown";

// One key per process, shared through globalThis: Next bundles instrumentation and routes separately.
const KEY_SLOT = Symbol.for("mailroom.clientAddressStampKey");
function stampKey(): string {
  const slots = globalThis as unknown as Record<symbol, string | undefined>;
  return (slots[KEY_SLOT] ??= randomBytes(18).toString("base64url"));
}

/** Compiles a TRUST_PROXY value into proxy-addr's trust function (address, hop index from the socket). */
export function compileTrust(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (trust.kind === "none") return () => false;
  if (trust.kind === "hops") return (_address, hop) => hop < trust.hops;
  return proxyaddr.compile(trust.addresses);
}

/** An IPv4 client of a dual-stack server shows as `::ffff:203.0.113.5`; the log and the limits name it 203.0.113.5. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * The client's address: the socket's, or, when the socket (and each hop after it) is a trusted proxy, the nearest
 * address in X-Forwarded-For that is not. A hop that is not an IP address is no client: the proxy that reported it is.
 */
export function resolveClientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustProxy): string {
  if (!remoteAddress) return UNKNOWN_ADDRESS;
  if (trust.kind === "none") return plain(remoteAddress);
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(", ") : forwardedFor;
  const request = { socket: { remoteAddress }, headers: { "x-forwarded-for": header } } as unknown as IncomingMessage;
  const chain = proxyaddr.all(request, compileTrust(trust));
  for (let i = chain.length - 1; i >= 0; i--) if (isIP(chain[i]!)) return plain(chain[i]!);
  return plain(remoteAddress);
}

/** Writes the resolved client address onto an incoming request, replacing any copy of the header a client sent. */
export function stampClientAddress(request: IncomingMessage, trust: TrustProxy): void {
  request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request.socket?.remoteAddress, request.headers["x-forwarded-for"], trust);
  request.headers[STAMP_HEADER] = stampKey();
}

// Node publishes every request on this channel before the server's "request" event, so Next (and the proxy) only
// ever see stamped headers; Next's own request object no longer exposes the socket, and keeps a client's
// X-Forwarded-For as it came.
const REQUEST_START = "http.server.request.start";

/** Stamps every request this process serves, from now on (the instrumentation hook calls it at start); returns the undo. */
export function installClientAddressStamp(trust: TrustProxy): () => void {
  const onRequest = (message: unknown) => stampClientAddress((message as { request: IncomingMessage }).request, trust);
  subscribe(REQUEST_START, onRequest);
  return () => void unsubscribe(REQUEST_START, onRequest);
}

/**
 * The client address of a request, from headers as the app sees them (a Headers object, or next-auth's plain
 * record): the stamped one, or "unknown" when the stamp is missing or not this process's. Never X-Forwarded-For.
 */
export function clientAddressFrom(headers: Headers | Record<string, unknown> | undefined): string {
  const read = (name: string) => (headers instanceof Headers ? headers.get(name) : headers?.[name]);
  const stamp = read(STAMP_HEADER);
  const address = read(CLIENT_ADDRESS_HEADER);
  if (stamp !== stampKey() || typeof address !== "string" || !address) return UNKNOWN_ADDRESS;
  return address;
}
