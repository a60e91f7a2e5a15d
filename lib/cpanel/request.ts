import "server-only";
import { CpanelConfigError } from "./errors";
import type { CpanelServerConnection } from "./types";

/** Which cPanel API a call speaks. */
export type ApiKind = "whm" | "uapi" | "api2";

export type ParamValue = string | number | boolean | null | undefined;
export type Params = Record<string, ParamValue>;

/** One call, before it is turned into HTTP. */
export type CallSpec = {
  api: ApiKind;
  /** UAPI / API 2 module (`Email`); unused for WHM. */
  module?: string;
  /** `passwd_pop`, or the WHM function (`listaccts`). */
  func: string;
  /** The cPanel user a UAPI / API 2 call acts as. */
  cpanelUser?: string;
  params: Params;
  /** Names of params whose values must never appear in a URL, a log or an error. */
  secretParams?: readonly string[];
};

/** An HTTP request ready for the transport: every parameter in a form-encoded POST body, nothing in the URL's query. */
export type BuiltRequest = {
  method: "POST";
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Redacted one-line description for errors and logs. */
  description: string;
  /** Secret values (token, passwords) to scrub from any text that leaves the client. */
  secrets: string[];
};

const REDACTED = "[REDACTED]";

/** Param names treated as secret even when an endpoint forgets to list them. */
const SECRET_NAME = /pass|token|secret|hash|session/i;

/** Whether a parameter's value must be redacted. */
export function isSecretParam(name: string, declared: readonly string[] = []): boolean {
  return declared.includes(name) || SECRET_NAME.test(name);
}

/** The operation name used in errors: `Email::passwd_pop` for UAPI / API 2, the bare function for WHM. */
export function operationName(spec: Pick<CallSpec, "api" | "module" | "func">): string {
  return spec.api === "whm" ? spec.func : `${spec.module ?? "?"}::${spec.func}`;
}

function encodeValue(value: Exclude<ParamValue, null | undefined>): string {
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

/** Builds the HTTP request for a call on a connection (pure: no I/O). */
export function buildRequest(connection: CpanelServerConnection, spec: CallSpec): BuiltRequest {
  const base = new URL(connection.baseUrl);
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    throw new CpanelConfigError(`baseUrl of server ${connection.serverId} must be an http(s) URL`);
  }
  const prefix = base.pathname.replace(/\/+$/, "");
  const fields: [string, string][] = [];
  let path: string;

  const lowerUser = (user: string | undefined) => {
    if (!user) throw new CpanelConfigError(`${operationName(spec)} needs a cPanel user`);
    // cPanel's proxy fails on usernames with capitals (WHM API 1 `cpanel` docs).
    return user.toLowerCase();
  };

  if (spec.api === "whm") {
    if (connection.authMode !== "whm") {
      throw new CpanelConfigError(`${spec.func} is a WHM API 1 call; server ${connection.serverId} uses a cPanel token`);
    }
    path = `${prefix}/json-api/${spec.func}`;
    fields.push(["api.version", "1"]);
  } else if (spec.api === "uapi" && connection.authMode === "cpanel") {
    path = `${prefix}/execute/${spec.module}/${spec.func}`;
  } else {
    path = `${prefix}/json-api/cpanel`;
    if (connection.authMode === "whm") fields.push(["api.version", "1"]);
    fields.push(
      ["cpanel_jsonapi_user", lowerUser(spec.cpanelUser)],
      ["cpanel_jsonapi_module", spec.module ?? ""],
      ["cpanel_jsonapi_func", spec.func],
      ["cpanel_jsonapi_apiversion", spec.api === "uapi" ? "3" : "2"],
    );
  }

  const secrets = [connection.token];
  const shown: string[] = [];
  for (const [name, value] of fields) shown.push(`${name}=${value}`);
  for (const [name, raw] of Object.entries(spec.params)) {
    if (raw === undefined || raw === null) continue;
    const value = encodeValue(raw);
    fields.push([name, value]);
    if (isSecretParam(name, spec.secretParams)) {
      if (value !== "") secrets.push(value);
      shown.push(`${name}=${REDACTED}`);
    } else {
      shown.push(`${name}=${value}`);
    }
  }

  const body = new URLSearchParams(fields).toString();
  const origin = base.origin;
  return {
    method: "POST",
    origin,
    path,
    headers: {
      authorization: `${connection.authMode} ${connection.username}:${connection.token}`,
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    },
    body,
    description: redactText(`POST ${origin}${path} (auth: ${connection.authMode} ${connection.username}:${REDACTED}) [${shown.join(", ")}]`, secrets),
    secrets,
  };
}

/** Replaces every secret value (raw and URL-encoded) in a text with `[REDACTED]`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  const sorted = [...new Set(secrets)].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString().slice(2)])) {
      out = out.split(form).join(REDACTED);
    }
  }
  return out;
}
