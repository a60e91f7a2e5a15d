import { extname } from "node:path";
import type { FleetSpec } from "./seed-fleet";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server";

/** Many emulated servers in one process: each its own ports, state (SQLite), faults and control interface. */
export interface FleetOptions extends Omit<EmulatorOptions, "seed"> {
  /** How many servers (EMULATOR_SERVERS); 1 = the plain emulator. */
  servers: number;
  seed?: "demo" | FleetSpec;
}

export interface RunningFleet {
  servers: RunningEmulator[];
  close(): Promise<void>;
}

/** Server `index`'s state file: `:memory:` stays; a file gets `-srvNN` before its extension when there are several servers. */
export function dbPathFor(path: string, index: number, count: number): string {
  if (path === ":memory:" || count === 1) return path;
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}-srv${String(index + 1).padStart(2, "0")}${ext}`;
}

/** Server `index`'s port: `0` = a free port for each; else consecutive from the base port. */
export function portFor(base: number, index: number): number {
  return base === 0 ? 0 : base + index;
}

/** Refuses WHM and cPanel port ranges that overlap or run past 65535 (e.g. 50 servers from 2087 and from 2083). */
export function checkPortRanges(whmBase: number, cpanelBase: number, count: number): void {
  for (const [name, base] of [
    ["EMULATOR_WHM_PORT", whmBase],
    ["EMULATOR_CPANEL_PORT", cpanelBase],
  ] as const) {
    if (base !== 0 && base + count - 1 > 65535) throw new Error(`${name}=${base} leaves no room for ${count} servers`);
  }
  if (whmBase === 0 || cpanelBase === 0) return;
  if (whmBase < cpanelBase + count && cpanelBase < whmBase + count) {
    throw new Error(
      `${count} servers need WHM ports ${whmBase}–${whmBase + count - 1} and cPanel ports ${cpanelBase}–${cpanelBase + count - 1}, which overlap: ` +
        "set EMULATOR_CPANEL_PORT (or both to 0 for free ports)",
    );
  }
}

/** Starts `options.servers` emulators one after the other (they share the TLS certificate); a failure closes those started. */
export async function startFleet(options: FleetOptions): Promise<RunningFleet> {
  const count = options.servers;
  if (!Number.isInteger(count) || count < 1) throw new Error(`A fleet has at least one server, not ${count}`);
  const whmBase = options.whmPort ?? 2087;
  const cpanelBase = options.cpanelPort ?? 2083;
  checkPortRanges(whmBase, cpanelBase, count);
  const fleetSeed = options.seed && options.seed !== "demo" ? options.seed : undefined;
  if (fleetSeed && fleetSeed.servers !== count) throw new Error(`The seed is for ${fleetSeed.servers} servers, but ${count} are started`);
  const servers: RunningEmulator[] = [];
  try {
    for (let i = 0; i < count; i++) {
      servers.push(
        await startEmulator({
          ...options,
          whmPort: portFor(whmBase, i),
          cpanelPort: portFor(cpanelBase, i),
          db: dbPathFor(options.db ?? "./data/emulator.db", i, count),
          seed: options.seed === "demo" ? "demo" : fleetSeed ? { fleet: fleetSeed, server: i } : undefined,
        }),
      );
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  return {
    servers,
    close: async () => void (await Promise.all(servers.map((s) => s.close()))),
  };
}
