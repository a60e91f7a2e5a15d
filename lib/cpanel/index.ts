import "server-only";

export { cpanelClient } from "./client";
export type { CpanelClient, CpanelClientOptions } from "./client";
export { isWriteCall } from "./account-client";
export type { AccountClient } from "./account-client";
export type { WhmClient } from "./whm-client";
export { classifyForwardDestination, quotaMb, splitAddress } from "./mappers";
export {
  CpanelAbortedError,
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
