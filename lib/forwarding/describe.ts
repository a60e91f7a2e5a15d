/**
 * What happens to a message sent to an address, in one plain sentence, true to how cPanel delivers: a
 * forwarder on an address that is also a mailbox does not replace it (a copy stays, one goes on), and an
 * address without a mailbox stores nothing. Isomorphic: the page and the REST API say the same.
 */

export type ForwarderKind = "address" | "fail" | "blackhole" | "pipe" | "system";

/** One destination as the UI and the API show it (cPanel's raw destination kept: removing needs it). */
export type ForwardDestination = { kind: ForwarderKind; destination: string; failMessage?: string };

/** Where one address's mail goes: its destinations as cPanel lists them, and the sentence that says so. Plain data for pages and the API. */
export type AddressForwarding = { address: string; hasMailbox: boolean; destinations: ForwardDestination[]; delivery: string };

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** The program of a pipe destination (`|/home/u/bin/x` → `/home/u/bin/x`). */
export function pipeProgram(destination: string): string {
  return destination.replace(/^"?\|/, "").replace(/"$/, "").trim();
}

function parts(destinations: readonly ForwardDestination[]): string[] {
  const addresses = destinations.filter((d) => d.kind === "address").map((d) => d.destination);
  const out: string[] = [];
  if (addresses.length) out.push(`sent to ${list(addresses)}`);
  for (const d of destinations) {
    if (d.kind === "pipe") out.push(`passed to the program ${pipeProgram(d.destination)}`);
    if (d.kind === "system") out.push(`delivered to the system account “${d.destination}”`);
  }
  return out;
}

/** The sentence for `address`, given whether it is a mailbox and its forwarders. */
export function describeDelivery(address: string, hasMailbox: boolean, destinations: readonly ForwardDestination[]): string {
  const fail = destinations.find((d) => d.kind === "fail");
  if (fail) {
    const text = fail.failMessage ? ` with the message “${fail.failMessage}”` : "";
    return hasMailbox
      ? `Mail to ${address} is bounced back to the sender${text}; whether a copy also reaches this mailbox depends on the server, so remove the bounce if it should.`
      : `Mail to ${address} is not stored; it is bounced back to the sender${text}.`;
  }
  const onward = parts(destinations);
  const discards = destinations.some((d) => d.kind === "blackhole");
  if (hasMailbox) {
    if (onward.length) return `A copy stays in this mailbox and is also ${list(onward)}.`;
    if (discards) return `Mail to ${address} is kept in this mailbox; the discard forwarder drops only its own copy.`;
    return `Mail to ${address} is kept in this mailbox and not forwarded.`;
  }
  if (onward.length)
    return `Mail to ${address} is not stored; it is ${list(onward)}${discards ? " (the discard forwarder drops only its own copy)" : ""}.`;
  if (discards) return `Mail to ${address} is not stored; it is discarded without telling the sender.`;
  return `Mail to ${address} has no mailbox and no forwarder, so it is refused (unless the domain has a default address or domain forwarder).`;
}
