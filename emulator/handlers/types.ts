import type { Params } from "../params";
import type { AccountRow, Store } from "../state/store";

export interface CpanelContext {
  store: Store;
  account: AccountRow;
  /** Required strength for mail passwords (cpanel.config minpwstrength for `virtual`/`pop`). */
  minPwStrength: number;
}

/** A UAPI/API 2 function's data plus optional result metadata. */
export interface HandlerOutput {
  data: unknown;
  metadata?: Record<string, unknown>;
}

export type UapiHandler = (ctx: CpanelContext, params: Params) => HandlerOutput;

/** Wraps a list function's data: cPanel marks post-processed lists with `metadata.transformed: 1`. */
export const list = (data: unknown[]): HandlerOutput => ({ data, metadata: { transformed: 1 } });
export const out = (data: unknown): HandlerOutput => ({ data });
