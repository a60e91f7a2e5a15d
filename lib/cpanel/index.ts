import "server-only";

export { cpanelClient, classifyForwardDestination, quotaMb, splitAddress } from "./client";
export type { AccountClient, CpanelClient, WhmClient } from "./client";
export {
  CpanelApiError,
  CpanelAuthError,
  CpanelConfigError,
  CpanelError,
  CpanelProtocolError,
  CpanelTimeoutError,
  CpanelUnavailableError,
} from "./errors";
export { closeCpanelTransports } from "./transport";
export type * from "./types";
