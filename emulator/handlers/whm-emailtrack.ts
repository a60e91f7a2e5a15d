import { ownsAccount, type WhmPrincipal } from "../auth";
import { ApiError } from "../errors";
import type { Params } from "../params";
import type { DeliveryType, MailLogRow } from "../state/outgoing";
import type { Store } from "../state/store";

// WHM API 1 `emailtrack_search` (Whostmgr/API/1/Exim.pm `search`): the api.filter.* arguments become the delivery
// reporter's query, api.sort.* its sort/dir, api.chunk.* its startIndex/results; `metadata.overflowed` says a
// per-type cap cut the answer, `metadata.chunk` ({start, size, records}) is set with api.chunk.verbose=1.

const TYPES: DeliveryType[] = ["success", "failure", "defer", "inprogress"];
/** Emulator's default cap per delivery type when `max_results_by_type` is not sent (0 = no cap). UNCONFIRMED value. */
const DEFAULT_MAX_RESULTS_BY_TYPE = 250;

/** One delivery record as the WHM Track Delivery screen reads it (field set partly UNCONFIRMED; see docs/emulator.md). */
function record(r: MailLogRow) {
  const senderDomain = r.sender.split("@")[1] ?? "";
  const recipientDomain = r.recipient.split("@")[1] ?? "";
  return {
    type: r.type,
    msgid: r.msgid,
    email: r.sender,
    sender: r.sender,
    senderdomain: senderDomain,
    user: r.user,
    domain: senderDomain,
    sendunixtime: r.sendunixtime,
    actionunixtime: r.actiontime,
    recipient: r.recipient,
    deliveryuser: r.recipient.split("@")[0] ?? "",
    deliverydomain: recipientDomain,
    deliverytype: "remote",
    transport_method: r.type === "success" ? "remote_smtp" : "",
    message: r.message,
  };
}
type Rec = ReturnType<typeof record>;

/** The ids (`a`, `b`, …) used by `api.<kind>.<id>.field` arguments, in order. */
function ids(params: Params, kind: "filter" | "sort"): string[] {
  const found = new Set<string>();
  for (let c = 97; c <= 122; c++) {
    const id = String.fromCharCode(c);
    if (params.has(`api.${kind}.${id}.field`)) found.add(id);
  }
  return [...found];
}

type Filter = (r: Rec) => boolean;

function filterFor(field: string, type: string, arg: string): Filter {
  const value = (r: Rec) => (r as Record<string, unknown>)[field];
  const num = Number(arg);
  switch (type) {
    case "eq":
      return (r) => String(value(r) ?? "").toLowerCase() === arg.toLowerCase();
    case "==":
      return (r) => Number(value(r)) === num;
    case "gt":
      return (r) => Number(value(r)) > num;
    case "lt":
      return (r) => Number(value(r)) < num;
    case "gt_equal":
      return (r) => Number(value(r)) >= num;
    case "lt_equal":
      return (r) => Number(value(r)) <= num;
    case "begins":
      return (r) =>
        String(value(r) ?? "")
          .toLowerCase()
          .startsWith(arg.toLowerCase());
    case "contains":
    case undefined:
    case "":
      return (r) =>
        String(value(r) ?? "")
          .toLowerCase()
          .includes(arg.toLowerCase());
    default:
      throw new ApiError(`Unknown filter type “${type}”.`);
  }
}

/** WHM API 1 `emailtrack_search` over the emulator's delivery log. */
export function emailtrackSearch(
  ctx: { store: Store; principal: WhmPrincipal },
  params: Params,
): { data: unknown; metadata: Record<string, unknown> } {
  // Which kinds: the four 0/1 flags; when none is sent, every kind (emulator's reading).
  const anyFlag = TYPES.some((t) => params.has(t));
  const wanted = new Set(TYPES.filter((t) => !anyFlag || params.flag(t)));
  const cap = params.int("max_results_by_type", DEFAULT_MAX_RESULTS_BY_TYPE) ?? DEFAULT_MAX_RESULTS_BY_TYPE;

  const filters: Filter[] = [];
  if (params.flag("api.filter.enable")) {
    for (const id of ids(params, "filter")) {
      filters.push(
        filterFor(
          params.get(`api.filter.${id}.field`)!,
          params.get(`api.filter.${id}.type`) ?? "contains",
          params.get(`api.filter.${id}.arg0`) ?? "",
        ),
      );
    }
  }
  const owned = new Set(
    ctx.store
      .accounts()
      .filter((a) => ownsAccount(ctx.principal, a))
      .map((a) => a.user),
  );
  let rows = ctx.store.outgoing
    .logRowsOf(null)
    .filter((r) => owned.has(r.user) && wanted.has(r.type))
    .map(record)
    .filter((r) => filters.every((f) => f(r)));

  // Newest first unless sorted otherwise (the Track Delivery screen's default).
  rows.reverse();
  if (params.flag("api.sort.enable")) {
    const [id] = ids(params, "sort");
    if (id) {
      const field = params.get(`api.sort.${id}.field`)!;
      const reverse = params.flag(`api.sort.${id}.reverse`);
      const key = (r: Rec) => (r as Record<string, unknown>)[field];
      rows = [...rows].sort((x, y) => {
        const a = key(x);
        const b = key(y);
        const c = typeof a === "number" && typeof b === "number" ? a - b : String(a ?? "").localeCompare(String(b ?? ""));
        return reverse ? -c : c;
      });
    }
  }

  let overflowed = false;
  if (cap > 0) {
    const seen = new Map<string, number>();
    rows = rows.filter((r) => {
      const n = (seen.get(r.type) ?? 0) + 1;
      seen.set(r.type, n);
      if (n > cap) overflowed = true;
      return n <= cap;
    });
  }

  const metadata: Record<string, unknown> = { overflowed: overflowed ? 1 : 0 };
  const total = rows.length;
  if (params.flag("api.chunk.enable")) {
    const size = params.int("api.chunk.size", 20) || 20;
    const start = params.int("api.chunk.start") ?? (params.int("api.chunk.select") ? size * (params.int("api.chunk.select")! - 1) + 1 : 1);
    rows = rows.slice(Math.max(0, start - 1), Math.max(0, start - 1) + size);
    if (params.flag("api.chunk.verbose")) metadata.chunk = { start, size, records: total };
  }
  return { data: { records: rows }, metadata };
}
