/**
 * Forwarding input rules (issue 5): one module for the browser and the server, so a person sees beside the
 * field exactly what the server would answer. Isomorphic: no node: imports (IDN goes through WHATWG URL,
 * which punycodes in browsers and in Node alike).
 */
import { englishCheckWords, type CheckWords } from "./check-words";

/** Most destinations one address may have (all kinds counted); hostup's forwarders API allows 1–20 as well. */
export const MAX_DESTINATIONS_PER_ADDRESS = 20;

/** The longest bounce text the panel sends to cPanel (it becomes one line of /etc/valiases). */
export const MAX_FAIL_MESSAGE_LENGTH = 200;

// RFC 5322 dot-atom, ASCII only: what cPanel accepts in /etc/valiases (no quoted strings, no UTF-8 local parts);
// `|` anywhere and a leading `/` are refused before it (normalizeAddress), as Exim would not read them as an address.
const DOT_ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
// Characters a URL parser would treat as structure (port, path, userinfo) instead of refusing them.
const NOT_IN_A_DOMAIN = /[\s/\\?#@:[\]%,;<>"]/;
const MAX_LOCAL_PART_LENGTH = 64;
const MAX_ADDRESS_LENGTH = 254;

export type AddressCheck = { ok: true; address: string } | { ok: false; message: string };
export type DomainCheck = { ok: true; domain: string } | { ok: false; message: string };

/**
 * A domain as cPanel stores it: lower case, IDN in punycode (`bücher.example` → `xn--bcher-kva.example`),
 * without a trailing dot; or why it isn't a domain, in `words`' language (English by default).
 */
export function normalizeDomain(raw: string, words: CheckWords = englishCheckWords): DomainCheck {
  const value = raw.trim().replace(/\.$/, "");
  if (!value) return { ok: false, message: words("domainMissing") };
  if (NOT_IN_A_DOMAIN.test(value)) return { ok: false, message: words("domainInvalid", { value }) };
  let ascii: string;
  try {
    ascii = new URL(`http://${value}`).hostname;
  } catch {
    return { ok: false, message: words("domainInvalid", { value }) };
  }
  const labels = ascii.split(".");
  if (ascii.length > 253 || labels.length < 2 || !labels.every((label) => LABEL.test(label)) || !TLD.test(labels.at(-1)!)) {
    return { ok: false, message: words("domainInvalid", { value }) };
  }
  return { ok: true, domain: ascii };
}

/**
 * An email address as cPanel stores a forwarder destination: trimmed, lower case, domain in punycode; plus
 * addressing (`name+tag@…`) kept. Quoted local parts and non-ASCII local parts are refused, as cPanel does.
 */
export function normalizeAddress(raw: string, words: CheckWords = englishCheckWords): AddressCheck {
  const value = raw.trim();
  if (!value) return { ok: false, message: words("addressMissing") };
  const at = value.lastIndexOf("@");
  if (at < 0) return { ok: false, message: words("addressNoAt", { value }) };
  const local = value.slice(0, at);
  const domainPart = value.slice(at + 1);
  if (local.startsWith('"')) {
    return { ok: false, message: words("addressQuoted") };
  }
  if (!local) return { ok: false, message: words("addressNoLocalPart", { value }) };
  // cPanel writes a destination as it is into /etc/valiases, where Exim reads `|…` as a program to run and `/…` as
  // a file to write to, whatever follows: such text is never an address, wherever it comes from (issue 13).
  if (local.includes("|")) {
    return { ok: false, message: words("addressPipe", { value }) };
  }
  if (local.startsWith("/")) {
    return { ok: false, message: words("addressSlash", { value }) };
  }
  if (local.length > MAX_LOCAL_PART_LENGTH) return { ok: false, message: words("localPartTooLong", { max: MAX_LOCAL_PART_LENGTH }) };
  const lowerLocal = local.toLowerCase();
  if (!DOT_ATOM.test(lowerLocal)) {
    return {
      ok: false,
      message: /[^\x20-\x7e]/.test(local) ? words("localPartNotAscii") : words("localPartInvalid", { value }),
    };
  }
  const domain = normalizeDomain(domainPart);
  if (!domain.ok) return { ok: false, message: words("addressDomainInvalid", { value }) };
  const address = `${lowerLocal}@${domain.domain}`;
  if (address.length > MAX_ADDRESS_LENGTH) return { ok: false, message: words("addressTooLong", { max: MAX_ADDRESS_LENGTH }) };
  return { ok: true, address };
}

/** The domain of a normalised address. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}

export type DestinationContext = {
  /** The forwarded address (normalised). */
  source: string;
  /** Its current destinations as cPanel lists them (raw values; addresses are compared normalised). */
  existing: readonly string[];
  /**
   * The list replaces the address's forwards (a mailbox's settings) instead of adding to them: `existing` is
   * ignored, and an empty list is allowed (it removes every forward).
   */
  replacing?: boolean;
};

/**
 * Checks new address destinations for one source: valid, not the source itself, not already there (nor twice
 * in the list), and within the per-address maximum. Loops through other addresses need the account's whole
 * graph: see `findForwardingLoop`. Returns the normalised destinations or every message, in `words`' language.
 */
export function checkDestinations(
  raw: readonly string[],
  context: DestinationContext,
  words: CheckWords = englishCheckWords,
): { ok: true; destinations: string[] } | { ok: false; messages: string[] } {
  const messages: string[] = [];
  const destinations: string[] = [];
  const kept = context.replacing ? [] : context.existing;
  const existing = new Set(kept.map((d) => d.trim().toLowerCase()));
  const values = raw.map((r) => r.trim()).filter(Boolean);
  if (values.length === 0) {
    return context.replacing ? { ok: true, destinations: [] } : { ok: false, messages: [words("destinationMissing")] };
  }
  for (const value of values) {
    const checked = normalizeAddress(value, words);
    if (!checked.ok) {
      messages.push(checked.message);
      continue;
    }
    if (checked.address === context.source) messages.push(words("toItself", { source: context.source }));
    else if (existing.has(checked.address)) messages.push(words("alreadyGoesTo", { source: context.source, address: checked.address }));
    else if (destinations.includes(checked.address)) messages.push(words("listedTwice", { address: checked.address }));
    else destinations.push(checked.address);
  }
  if (context.replacing && values.length > MAX_DESTINATIONS_PER_ADDRESS) {
    messages.push(words("atMost", { max: MAX_DESTINATIONS_PER_ADDRESS }));
  } else if (messages.length === 0 && kept.length + destinations.length > MAX_DESTINATIONS_PER_ADDRESS) {
    const room = Math.max(0, MAX_DESTINATIONS_PER_ADDRESS - kept.length);
    const values = { max: MAX_DESTINATIONS_PER_ADDRESS, source: context.source, count: kept.length };
    messages.push(room ? words("fullAddMore", { ...values, room }) : words("fullRemoveOne", values));
  }
  return messages.length ? { ok: false, messages } : { ok: true, destinations };
}

/** Splits what a person typed into "Forward to" (one address, or several separated by commas, spaces or new lines). */
export function splitDestinations(raw: string): string[] {
  // A quoted local part may hold spaces or commas: keep it whole so it is refused with the right message.
  if (raw.includes('"')) return [raw.trim()].filter(Boolean);
  return raw
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
