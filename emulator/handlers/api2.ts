import { api2CallFailed, api2Result } from "../envelopes";
import { texts } from "../errors";
import type { Params } from "../params";
import type { CpanelContext } from "./types";
import { runUapi } from "./uapi";

/** API 2 functions the emulator knows, each mapped onto the UAPI function that does the same work. */
const API2_TO_UAPI: Record<string, { module: string; func: string }> = {
  "Email::passwdpop": { module: "Email", func: "passwd_pop" },
};

/** Runs an API 2 function: `{cpanelresult: {apiversion: 2, module, func, event, data: [{result, reason}], error?}}`. */
export function runApi2(ctx: CpanelContext, module: string, func: string, params: Params) {
  const target = API2_TO_UAPI[`${module}::${func}`];
  if (!target) return api2CallFailed(module, func, texts.unknownFunction(module, func));
  const result = runUapi(ctx, target.module, target.func, params);
  if (result.status) return api2Result(module, func, [{ result: 1, reason: "OK" }]);
  const reason = (result.errors ?? []).join("\n");
  return api2Result(module, func, [{ result: 0, reason }], reason);
}
