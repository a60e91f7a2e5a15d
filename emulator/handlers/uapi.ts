import { ApiError, texts } from "../errors";
import { uapiFail, uapiOk, type UapiResult } from "../envelopes";
import type { Params } from "../params";
import { autoresponderHandlers } from "./uapi-email-autoresponders";
import { clientSettingsHandlers } from "./uapi-email-client-settings";
import { forwarderHandlers } from "./uapi-email-forwarders";
import { outgoingHandlers } from "./uapi-email-outgoing";
import { popHandlers } from "./uapi-email-pops";
import { out, type CpanelContext, type UapiHandler } from "./types";

const PASSWD_APPS = ["createacct", "ftp", "htaccess", "mysql", "passwd", "pop", "postgres", "sshkey", "webdisk", "virtual"];

/** UAPI PasswdStrength::get_required_strength: the emulator has one minimum (EMULATOR_MIN_PW_STRENGTH). */
const getRequiredStrength: UapiHandler = (ctx, params) => {
  const app = params.require("app");
  if (!PASSWD_APPS.includes(app)) throw new ApiError(texts.invalidChoice("app", app, PASSWD_APPS));
  return out({ strength: ctx.minPwStrength });
};

const MODULES: Record<string, Record<string, UapiHandler>> = {
  Email: { ...popHandlers, ...forwarderHandlers, ...autoresponderHandlers, ...outgoingHandlers, ...clientSettingsHandlers },
  PasswdStrength: { get_required_strength: getRequiredStrength },
};

/** Runs a UAPI function and returns its result object (module and function names are case-sensitive). */
export function runUapi(ctx: CpanelContext, module: string, func: string, params: Params): UapiResult {
  const mod = Object.hasOwn(MODULES, module) ? MODULES[module] : undefined;
  if (!mod) return uapiFail([texts.unknownModule(module)]);
  const handler = Object.hasOwn(mod, func) ? mod[func] : undefined;
  if (!handler) return uapiFail([texts.unknownFunction(module, func)]);
  try {
    const result = ctx.store.db.transaction(() => handler(ctx, params))();
    return uapiOk(result.data, result.metadata ?? {});
  } catch (error) {
    if (error instanceof ApiError) return uapiFail([error.message]);
    throw error;
  }
}
