import { pipeProgram, type ForwardDestination } from "@/lib/forwarding/describe";

/** What a destination is, in words (cPanel's `:fail:`, `:blackhole:`, `|program` and system users shown for what they are). */
export function destinationText(d: ForwardDestination): string {
  switch (d.kind) {
    case "address":
      return d.destination;
    case "fail":
      return `Bounce back to the sender${d.failMessage ? ` with “${d.failMessage}”` : ""}`;
    case "blackhole":
      return "Discard (the sender is not told)";
    case "pipe":
      return `Program ${pipeProgram(d.destination)}`;
    case "system":
      return `System account “${d.destination}”`;
  }
}

/** The remove button's accessible name; `source` is added where several addresses share one list. */
export function removeLabel(d: ForwardDestination, source?: string): string {
  const from = source ? ` from ${source}` : "";
  switch (d.kind) {
    case "address":
      return source ? `Remove forwarder from ${source} to ${d.destination}` : `Remove forwarder to ${d.destination}`;
    case "fail":
      return `Remove bounce${source ? ` of ${source}` : ""}`;
    case "blackhole":
      return `Remove discard${source ? ` of ${source}` : ""}`;
    case "pipe":
      return `Remove forwarder${from} to program ${pipeProgram(d.destination)}`;
    case "system":
      return `Remove forwarder${from} to system account ${d.destination}`;
  }
}

/** Why a customer sees a destination they cannot create. */
export function staffOnlyNote(d: ForwardDestination): string | null {
  if (d.kind === "pipe") return "Passes each message to a program on the server. Only support can set one up; you can remove it.";
  if (d.kind === "system") return "Delivers to the hosting account's own system mailbox. Only support can set one up; you can remove it.";
  return null;
}
