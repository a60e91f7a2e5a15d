import "server-only";
import { cache } from "react";
import { cpanelClient, type CpanelClientOptions } from "@/lib/cpanel";
import { config } from "@/lib/config";
import { getServerConnection } from "@/lib/db/servers";
import { AccountNotEligibleError } from "@/lib/core/errors";
import { invalidatingWrites, withCachedReads } from "@/lib/mail/read-cache";
import { timed } from "@/lib/timings";

// One database read and one token decryption per server and server render (React's per-request cache): a mailbox
// list page's sections each ask for their client. Outside a render (route handlers, jobs) every call reads afresh.
const serverConnection = cache((serverId: string) => timed("server", () => getServerConnection(serverId)));

/** The cPanel client for a panel server record, with the deployment's CA file and timeouts; refuses a disabled server. */
export async function clientForServer(serverId: string, options: CpanelClientOptions = {}) {
  const connection = await serverConnection(serverId).catch((error: unknown) => {
    // A missing server row, or a token that no longer decrypts (a changed MAILROOM_ENCRYPTION_KEY).
    throw new AccountNotEligibleError("The panel has no usable connection to this account's cPanel server. Support has to fix the server record.", {
      cause: error,
    });
  });
  if (connection.disabledAt !== null) {
    throw new AccountNotEligibleError(
      "This account's cPanel server is disabled by an administrator: the panel does not call it until it is enabled again.",
    );
  }
  const { disabledAt: _disabled, caPem, ...rest } = connection;
  const { CPANEL_CA_FILE, CPANEL_CONNECT_TIMEOUT_MS, CPANEL_REQUEST_TIMEOUT_MS } = config();
  return cpanelClient(
    {
      ...rest,
      // A CA pasted in /admin/servers is handed to the TLS agent as text; otherwise the server's or the deployment's file.
      ca: caPem,
      caFile: connection.caFile ?? CPANEL_CA_FILE,
      connectTimeoutMs: CPANEL_CONNECT_TIMEOUT_MS,
      requestTimeoutMs: CPANEL_REQUEST_TIMEOUT_MS,
    },
    options,
  );
}

/** The UAPI calls of one hosting account, live; every write invalidates the account's cached reads when it ends. */
export async function accountApi(account: { serverId: string; cpanelUser: string }) {
  return invalidatingWrites(account, (await clientForServer(account.serverId)).account(account.cpanelUser));
}

/**
 * The same, with the list reads (mailboxes, mail domains, forwarders) served from the short read cache
 * (lib/mail/read-cache.ts): for pages and REST reads only. Writes check and read back with `accountApi`.
 */
export async function cachedAccountApi(account: { serverId: string; cpanelUser: string }) {
  return withCachedReads(account, await accountApi(account));
}
