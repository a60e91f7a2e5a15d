import type { useTranslations } from "next-intl";
import { pipeProgram, type ForwardDestination } from "@/lib/forwarding/describe";

/** The Forwarding messages' translator (the components get it from useTranslations). */
export type ForwardingT = ReturnType<typeof useTranslations<"Forwarding">>;

/** What a destination is, in words (cPanel's `:fail:`, `:blackhole:`, `|program` and system users shown for what they are). */
export function destinationText(d: ForwardDestination, t: ForwardingT): string {
  switch (d.kind) {
    case "address":
      return d.destination;
    case "fail":
      return d.failMessage ? t("destination.failWith", { message: d.failMessage }) : t("destination.fail");
    case "blackhole":
      return t("destination.blackhole");
    case "pipe":
      return t("destination.pipe", { program: pipeProgram(d.destination) });
    case "system":
      return t("destination.system", { user: d.destination });
  }
}

/** The remove button's accessible name; `source` is added where several addresses share one list. */
export function removeLabel(d: ForwardDestination, t: ForwardingT, source?: string): string {
  const values = { source: source ?? "", destination: d.destination, program: pipeProgram(d.destination), named: source ? "yes" : "no" };
  switch (d.kind) {
    case "address":
      return t("remove.address", values);
    case "fail":
      return t("remove.fail", values);
    case "blackhole":
      return t("remove.blackhole", values);
    case "pipe":
      return t("remove.pipe", values);
    case "system":
      return t("remove.system", values);
  }
}

/** Why a customer sees a destination they cannot create. */
export function staffOnlyNote(d: ForwardDestination, t: ForwardingT): string | null {
  if (d.kind === "pipe") return t("staffOnly.pipe");
  if (d.kind === "system") return t("staffOnly.system");
  return null;
}
