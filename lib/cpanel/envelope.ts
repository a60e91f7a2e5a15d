import "server-only";
import { z } from "zod";
import { CpanelApiError, CpanelProtocolError, type CpanelErrorContext } from "./errors";
import { redactText, type ApiKind } from "./request";

/** cPanel's response envelopes and tolerant primitives (numbers as strings, 1/0 booleans, null lists). */

/** A number, possibly sent as a string ("14", "14M" is not accepted here). */
export const zNumber = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** cPanel's booleans: 1/0, "1"/"0", true/false, null/"" = false. */
export const zFlag = z
  .union([z.number(), z.string(), z.boolean(), z.null()])
  .optional()
  .transform((v) => v === true || v === 1 || v === "1" || (typeof v === "string" && v.toLowerCase() === "true"));

/** A string that cPanel may send as a number or null. */
export const zText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? "" : String(v)));

/** A list that cPanel sends as `null` (or leaves out) when empty. */
export const zList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => (v ?? []) as z.output<T>[]);

const zMessages = z
  .array(z.unknown())
  .nullish()
  .transform((v) => (v ?? []).filter((m) => m !== null && m !== undefined).map((m) => String(m)));

const zStatus = z
  .union([z.number(), z.string().regex(/^\s*-?\d+\s*$/), z.boolean()])
  .transform((v) => v === true || (typeof v !== "boolean" && Number(v) > 0));

/** UAPI result: the bare `/execute` body, or the inner `result` of the CLI / proxy layout. */
export const uapiResultSchema = z.object({
  status: zStatus,
  data: z.unknown().optional(),
  errors: zMessages,
  messages: zMessages,
  warnings: zMessages,
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

/** `{apiversion: 3, func, module, result: {...}}` (spec layout; also what WHM's `cpanel` proxy returns for apiversion 3). */
export const uapiWrappedSchema = z.object({
  apiversion: z.union([z.number(), z.string()]).optional(),
  func: z.string().optional(),
  module: z.string().optional(),
  result: uapiResultSchema,
});

/** WHM API 1: `{metadata: {command, reason, result, version}, data?}`. */
export const whmEnvelopeSchema = z.object({
  metadata: z.object({
    result: zStatus,
    reason: z.union([z.string(), z.null()]).optional(),
    command: z.string().optional(),
    version: z.union([z.number(), z.string()]).optional(),
  }),
  data: z.unknown().optional(),
});

/** API 2 (and cpsrvd's own errors): `{cpanelresult: {data, error?, event?: {result}}}`. */
export const api2EnvelopeSchema = z.object({
  cpanelresult: z.object({
    data: z.unknown().optional(),
    error: z.union([z.string(), z.null()]).optional(),
    event: z.object({ result: zStatus }).nullish(),
    apiversion: z.union([z.number(), z.string()]).optional(),
  }),
});

/**
 * WHM's `cpanel` proxy refusing to run a call (unknown user, root, another reseller's account): Whostmgr/XMLUI/cPanel.pm
 * `_format_error` → `{"data":{"reason":…,"result":"0"},"type":"text","error":…}` (HTML-encoded; for API 2 inside `cpanelresult`).
 */
export const proxyErrorSchema = z.object({
  data: z.object({ reason: z.string().optional(), result: z.union([z.string(), z.number()]) }).optional(),
  type: z.literal("text"),
  error: z.string(),
});

/** Undoes cPanel's safe_html_encode_str (the five HTML-special characters). */
export function htmlDecode(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39|#x27|apos);/g,
    (_m, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", apos: "'" })[e]!,
  );
}

/** What an envelope says: success with `data`, or failure with cPanel's messages. */
export type Outcome = { ok: true; data: unknown; warnings: string[] } | { ok: false; messages: string[] } | { ok: "unrecognized" };

function fromUapi(result: z.output<typeof uapiResultSchema>): Outcome {
  if (result.status) return { ok: true, data: result.data ?? null, warnings: result.warnings };
  return { ok: false, messages: result.errors.length > 0 ? result.errors : result.messages };
}

function fromApi2(envelope: z.output<typeof api2EnvelopeSchema>): Outcome {
  const { cpanelresult } = envelope;
  if (cpanelresult.error) return { ok: false, messages: [htmlDecode(cpanelresult.error)] };
  if (cpanelresult.event && !cpanelresult.event.result) return { ok: false, messages: [] };
  // API 2 setters report per-item results: data: [{result: 0, reason: "…"}].
  if (Array.isArray(cpanelresult.data)) {
    const failed = cpanelresult.data.filter(
      (row): row is { result: unknown; reason?: unknown } =>
        !!row && typeof row === "object" && "result" in row && !zStatus.safeParse((row as { result: unknown }).result).data,
    );
    if (failed.length > 0) return { ok: false, messages: failed.map((row) => String(row.reason ?? "")).filter(Boolean) };
  }
  return { ok: true, data: cpanelresult.data ?? null, warnings: [] };
}

/** Reads any cPanel body for the given API, tolerating the layouts cPanel (and its proxies) use. */
export function readEnvelope(api: ApiKind, body: unknown): Outcome {
  const proxyError = proxyErrorSchema.safeParse(body);
  if (proxyError.success) return { ok: false, messages: [htmlDecode(proxyError.data.error)] };
  if (api === "uapi") {
    const bare = uapiResultSchema.safeParse(body);
    if (bare.success) return fromUapi(bare.data);
    const wrapped = uapiWrappedSchema.safeParse(body);
    if (wrapped.success) return fromUapi(wrapped.data.result);
  }
  if (api === "api2" || api === "uapi") {
    const api2 = api2EnvelopeSchema.safeParse(body);
    if (api2.success) return fromApi2(api2.data);
  }
  const whm = whmEnvelopeSchema.safeParse(body);
  if (whm.success) {
    const { metadata, data } = whm.data;
    // Through WHM's proxy the UAPI result may sit in `data`.
    if (api !== "whm" && data !== undefined) {
      const inner = readEnvelope(api, data);
      if (inner.ok !== "unrecognized") {
        if (!metadata.result && inner.ok) return { ok: false, messages: metadata.reason ? [metadata.reason] : [] };
        return inner;
      }
    }
    if (!metadata.result) {
      const messages = metadata.reason ? [metadata.reason] : [];
      return { ok: false, messages };
    }
    // Documented quirk: UAPI Email::terminate_mailbox_sessions answers with a WHM-style metadata block.
    return { ok: true, data: data ?? null, warnings: [] };
  }
  if (api === "whm") {
    const api2 = api2EnvelopeSchema.safeParse(body);
    if (api2.success) return fromApi2(api2.data);
  }
  return { ok: "unrecognized" };
}

/** Where an answer came from: the error context, and the secret values no message may repeat. */
export type AnswerOrigin = { context: CpanelErrorContext; secrets: readonly string[] };

/**
 * The one reading of a cPanel answer: success with `data`, or cPanel's refusal with its messages (secrets redacted);
 * a body that is no cPanel envelope throws CpanelProtocolError.
 */
export function unwrapEnvelope(api: ApiKind, body: unknown, origin: AnswerOrigin): { ok: true; data: unknown } | { ok: false; messages: string[] } {
  const outcome = readEnvelope(api, body);
  if (outcome.ok === "unrecognized") throw new CpanelProtocolError("answer is not a cPanel envelope", origin.context);
  if (!outcome.ok) return { ok: false, messages: outcome.messages.map((m) => redactText(m, origin.secrets)) };
  return { ok: true, data: outcome.data };
}

/** An answer's `data` parsed with `schema`; cPanel's refusal throws CpanelApiError, the wrong shape CpanelProtocolError. */
export function unwrapData<D extends z.ZodType>(api: ApiKind, body: unknown, schema: D, origin: AnswerOrigin): z.output<D> {
  const outcome = unwrapEnvelope(api, body, origin);
  if (!outcome.ok) throw new CpanelApiError(outcome.messages, origin.context);
  return parseData(schema, outcome.data, origin);
}

/** `data` parsed with `schema`, or CpanelProtocolError naming where it differs (paths and issue codes only, never values). */
export function parseData<D extends z.ZodType>(schema: D, data: unknown, origin: AnswerOrigin): z.output<D> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "data"}: ${issue.code}`)
    .join("; ");
  throw new CpanelProtocolError(`data has an unexpected shape (${where})`, origin.context);
}
