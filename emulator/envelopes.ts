/** The JSON bodies cPanel answers with (see ../shared/cpanel-api/README.md §3). */

export interface UapiResult {
  status: 0 | 1;
  data: unknown;
  errors: string[] | null;
  messages: string[] | null;
  warnings: string[] | null;
  metadata: Record<string, unknown>;
}

/** The bare UAPI result that `/execute/Module/function` returns. */
export function uapiOk(data: unknown, metadata: Record<string, unknown> = {}): UapiResult {
  return { status: 1, data, errors: null, messages: null, warnings: null, metadata };
}

export function uapiFail(errors: string[]): UapiResult {
  return { status: 0, data: null, errors, messages: null, warnings: null, metadata: {} };
}

/** WHM's `cpanel` proxy (and `/json-api/cpanel` on the cPanel port) with cpanel_jsonapi_apiversion=3. */
export function uapiViaJsonApi(module: string, func: string, result: UapiResult) {
  return { apiversion: 3, module, func, result };
}

/** WHM API 1: `{metadata: {command, reason, result, version: 1}, data}`. */
export function whmOk(command: string, data?: unknown, reason = "OK", extraMetadata: Record<string, unknown> = {}) {
  const body: Record<string, unknown> = { metadata: { ...extraMetadata, command, reason, result: 1, version: 1 } };
  if (data !== undefined) body.data = data;
  return body;
}

export function whmFail(command: string, reason: string, data?: unknown) {
  const body: Record<string, unknown> = { metadata: { command, reason, result: 0, version: 1 } };
  if (data !== undefined) body.data = data;
  return body;
}

/**
 * API 2: `{cpanelresult: {apiversion: 2, module, func, event: {result}, data: [...]}}`. A function-level
 * failure keeps `event.result` 1 (the call ran) and adds `error` plus `data[0] = {result: 0, reason}`.
 */
export function api2Result(module: string, func: string, data: unknown[], error?: string) {
  const cpanelresult: Record<string, unknown> = {
    apiversion: 2,
    module,
    func,
    event: { result: 1 },
    data,
  };
  if (error !== undefined) cpanelresult.error = error;
  return { cpanelresult };
}

/** API 2 when the call itself could not run (e.g. unknown function): `event.result` 0. */
export function api2CallFailed(module: string, func: string, error: string) {
  return { cpanelresult: { apiversion: 2, module, func, event: { result: 0, reason: error }, error, data: [] } };
}

/** cPanel's safe_html_encode_str: the five HTML-special characters as entities. */
function htmlEncode(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * WHM's `cpanel` function when it cannot run the call (unknown user, root, not the reseller's account):
 * Whostmgr/XMLUI/cPanel.pm `_format_error` — `{"data":{"reason":…,"result":"0"},"type":"text","error":…}`,
 * the text HTML-encoded, wrapped in `cpanelresult` only when cpanel_jsonapi_apiversion is 2.
 */
export function proxyError(message: string, apiversion: string) {
  const text = htmlEncode(message);
  const inner = { data: { reason: text, result: "0" }, type: "text", error: text };
  return apiversion === "2" ? { cpanelresult: inner } : inner;
}

/** cpsrvd's answer to refused credentials and to a call the WHM user lacks the ACL for (HTTP 401 / 403). */
export const ACCESS_DENIED_BODY = {
  cpanelresult: {
    apiversion: "2",
    error: "Access denied",
    data: { reason: "Access denied", result: "0" },
    type: "text",
  },
};

export const TOKEN_FORBIDDEN_TEXT = "Token authentication allows access to UAPI or API 2 calls only.";
