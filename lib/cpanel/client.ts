import "server-only";
import { accountClient, type AccountClient } from "./account-client";
import { CpanelConfigError } from "./errors";
import { transportFor } from "./transport";
import type { CpanelServerConnection } from "./types";
import { whmClient, type WhmClient } from "./whm-client";

/** What applies to every call of a client. */
export type CpanelClientOptions = {
  /** The caller's give-up signal: when it fires, the client's calls in flight are cancelled (CpanelAbortedError) and none is retried. */
  signal?: AbortSignal;
};

/** A client for one server; cheap to create, the connection pool behind it is shared per serverId + baseUrl. */
export type CpanelClient = {
  readonly serverId: string;
  readonly authMode: CpanelServerConnection["authMode"];
  /** WHM API 1 calls (whm mode only; they throw CpanelConfigError on a cPanel token). */
  readonly whm: WhmClient;
  /** UAPI / API 2 calls acting as one cPanel user. */
  account(cpanelUser: string): AccountClient;
};

/** The client for a server connection. */
export function cpanelClient(connection: CpanelServerConnection, options: CpanelClientOptions = {}): CpanelClient {
  if (!connection.serverId) throw new CpanelConfigError("a cPanel server connection needs a serverId");
  if (!connection.token) throw new CpanelConfigError(`server ${connection.serverId} has no API token`);
  new URL(connection.baseUrl);
  // Creates (or reuses) the pool now, so a bad CA file fails here rather than on first use.
  transportFor(connection);
  const frozen = Object.freeze({ ...connection });
  const callOptions = { signal: options.signal };
  return {
    serverId: frozen.serverId,
    authMode: frozen.authMode,
    whm: whmClient(frozen, callOptions),
    account: (cpanelUser: string) => accountClient(frozen, cpanelUser, callOptions),
  };
}
