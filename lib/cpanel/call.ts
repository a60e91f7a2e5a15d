import "server-only";
import type { z } from "zod";
import { unwrapData, type AnswerOrigin } from "./envelope";
import type { Endpoint } from "./endpoints";
import { CpanelConfigError, CpanelProtocolError } from "./errors";
import { buildRequest, operationName, type Params } from "./request";
import { transportFor } from "./transport";
import type { CpanelServerConnection } from "./types";

/** How one call is made: as which cPanel user (UAPI / API 2), and the caller's give-up signal. */
export type CallOptions = {
  cpanelUser?: string;
  /** When it fires, the call in flight is cancelled and rejects with CpanelAbortedError. */
  signal?: AbortSignal;
};

/** cPanel's answer to one call, still unwrapped: the parsed JSON body and where it came from. */
export type Answer = AnswerOrigin & { body: unknown };

/** Checks the params, sends one call and returns its JSON body (not yet unwrapped); throws the typed errors. */
export async function send<P extends z.ZodType>(
  connection: CpanelServerConnection,
  def: Endpoint<P>,
  params: z.input<P>,
  options: CallOptions = {},
): Promise<Answer> {
  const operation = operationName(def);
  const checked = def.params.safeParse(params);
  if (!checked.success) {
    const names = [...new Set(checked.error.issues.map((issue) => issue.path.join(".") || "params"))];
    throw new CpanelConfigError(`${operation}: invalid parameter(s) ${names.join(", ")} (nothing was sent)`);
  }
  const request = buildRequest(connection, { ...def, params: checked.data as Params, cpanelUser: options.cpanelUser });
  const context = { operation, serverId: connection.serverId, request: request.description };
  const response = await transportFor(connection).send(request, { operation, write: def.write, signal: options.signal });
  if (response.status < 200 || response.status > 299) {
    throw new CpanelProtocolError(`unexpected HTTP ${response.status}`, { ...context, httpStatus: response.status });
  }
  try {
    return { body: JSON.parse(response.body) as unknown, context, secrets: request.secrets };
  } catch (error) {
    // The body itself is never quoted: it may hold a session URL or a token.
    throw new CpanelProtocolError(`answer is not JSON (content-type ${response.contentType || "none"}, ${response.body.length} bytes)`, {
      ...context,
      httpStatus: response.status,
      cause: new Error((error as Error).name),
    });
  }
}

/** Calls one endpoint and returns its `data`, parsed with the endpoint's schema. */
export async function call<P extends z.ZodType, D extends z.ZodType>(
  connection: CpanelServerConnection,
  def: Endpoint<P, D>,
  params: z.input<P>,
  options: CallOptions = {},
): Promise<z.output<D>> {
  const answer = await send(connection, def, params, options);
  return unwrapData(def.api, answer.body, def.data, answer);
}
