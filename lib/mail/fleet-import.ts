import "server-only";
import { listServers, type Server } from "@/lib/db/servers";
import { enqueueMailboxIndexRefresh, mapBounded } from "@/lib/mail/mailbox-index";
import { importServerAccounts, type ImportResult } from "@/lib/mail/servers";

/**
 * Servers imported at once by `accounts:import --all`. Each import makes one WHM call (listaccts) to its server, so the
 * load on any one server is a single call; this bounds the panel's own side (open connections, database writers).
 */
export const IMPORT_SERVERS_AT_ONCE = 4;

export type FleetImportRow = { server: string; created: number; updated: number; missing: number; ms: number; error: string | null };

/**
 * Imports the accounts of every enabled server with a WHM token (IMPORT_SERVERS_AT_ONCE at a time; a server that fails
 * is reported and the others go on), then queues a mailbox index refresh for each server that was imported.
 */
export async function importEveryServer(options: { concurrency?: number; servers?: Server[] } = {}): Promise<FleetImportRow[]> {
  const servers = (options.servers ?? (await listServers())).filter((s) => s.disabledAt === null && s.authMode === "whm");
  return mapBounded(servers, options.concurrency ?? IMPORT_SERVERS_AT_ONCE, async (server) => {
    const started = performance.now();
    let result: ImportResult;
    try {
      result = await importServerAccounts(server);
    } catch (error) {
      return { server: server.name, created: 0, updated: 0, missing: 0, ms: performance.now() - started, error: errorText(error) };
    }
    await enqueueMailboxIndexRefresh(server);
    return {
      server: server.name,
      created: result.created.length,
      updated: result.updated.length,
      missing: result.missing.length,
      ms: performance.now() - started,
      error: null,
    };
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
