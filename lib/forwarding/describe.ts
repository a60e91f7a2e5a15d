/**
 * What happens to a message sent to an address, in one plain sentence, true to how cPanel delivers: a
 * forwarder on an address that is also a mailbox does not replace it (a copy stays, one goes on), and an
 * address without a mailbox stores nothing. Isomorphic: the page and the REST API say the same. The words come from
 * the caller (the Delivery messages in the reader's language, lib/i18n/delivery.ts); this module decides which sentence.
 */

export type ForwarderKind = "address" | "fail" | "blackhole" | "pipe" | "system";

/** One destination as the UI and the API show it (cPanel's raw destination kept: removing needs it). */
export type ForwardDestination = { kind: ForwarderKind; destination: string; failMessage?: string };

/** Where one address's mail goes: its destinations as cPanel lists them, and the sentence that says so. Plain data for pages and the API. */
export type AddressForwarding = { address: string; hasMailbox: boolean; destinations: ForwardDestination[]; delivery: string };

/** The sentences of the Delivery messages, by key; values are filled in by the caller's translator. */
export type DeliveryKey =
  | "bounceWithMailbox"
  | "bounceNoMailbox"
  | "bounceText"
  | "copyStays"
  | "keptDiscardOwnCopy"
  | "keptNotForwarded"
  | "notStoredOnward"
  | "notStoredOnwardDiscard"
  | "notStoredDiscarded"
  | "refused"
  | "sentTo"
  | "passedToProgram"
  | "deliveredToSystem";

/** How a sentence is worded: a translator for the Delivery keys and the language's list ("a, b and c"). */
export type DeliveryWords = { t: (key: DeliveryKey, values?: Record<string, string>) => string; list: (items: string[]) => string };

/** The program of a pipe destination (`|/home/u/bin/x` → `/home/u/bin/x`). */
export function pipeProgram(destination: string): string {
  return destination.replace(/^"?\|/, "").replace(/"$/, "").trim();
}

function parts(destinations: readonly ForwardDestination[], words: DeliveryWords): string[] {
  const addresses = destinations.filter((d) => d.kind === "address").map((d) => d.destination);
  const out: string[] = [];
  if (addresses.length) out.push(words.t("sentTo", { addresses: words.list(addresses) }));
  for (const d of destinations) {
    if (d.kind === "pipe") out.push(words.t("passedToProgram", { program: pipeProgram(d.destination) }));
    if (d.kind === "system") out.push(words.t("deliveredToSystem", { user: d.destination }));
  }
  return out;
}

/** The sentence for `address`, given whether it is a mailbox and its forwarders. */
export function describeDelivery(address: string, hasMailbox: boolean, destinations: readonly ForwardDestination[], words: DeliveryWords): string {
  const { t } = words;
  const fail = destinations.find((d) => d.kind === "fail");
  if (fail) {
    const text = fail.failMessage ? t("bounceText", { message: fail.failMessage }) : "";
    return hasMailbox ? t("bounceWithMailbox", { address, text }) : t("bounceNoMailbox", { address, text });
  }
  const onward = parts(destinations, words);
  const discards = destinations.some((d) => d.kind === "blackhole");
  if (hasMailbox) {
    if (onward.length) return t("copyStays", { onward: words.list(onward) });
    if (discards) return t("keptDiscardOwnCopy", { address });
    return t("keptNotForwarded", { address });
  }
  if (onward.length) return t(discards ? "notStoredOnwardDiscard" : "notStoredOnward", { address, onward: words.list(onward) });
  if (discards) return t("notStoredDiscarded", { address });
  return t("refused", { address });
}
