import type { FleetOptions } from "./fleet";
import { parseFleetSpec, type FleetSpec } from "./seed-fleet";

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Invalid port: ${value}`);
  return n;
}

/** `--seed demo` or `--seed fleet:SxAxM` (docs/emulator.md). */
function parseSeed(arg: string | undefined): "demo" | FleetSpec | undefined {
  if (arg === undefined || arg === "demo") return arg;
  if (arg.startsWith("fleet:")) return parseFleetSpec(arg);
  throw new Error(`Unknown seed preset: ${arg} (use "demo" or "fleet:SERVERSxACCOUNTSxMAILBOXES")`);
}

/** How many servers: EMULATOR_SERVERS, else the fleet seed's count, else 1; the two must agree when both are given. */
function serverCount(value: string | undefined, seed: "demo" | FleetSpec | undefined): number {
  const fromSeed = seed && seed !== "demo" ? seed.servers : undefined;
  if (value === undefined || value === "") return fromSeed ?? 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new Error(`EMULATOR_SERVERS must be 1–500, not ${value}`);
  if (fromSeed !== undefined && fromSeed !== n) throw new Error(`EMULATOR_SERVERS=${n} but the seed is for ${fromSeed} servers`);
  return n;
}

/** Emulator options from the environment and argv (docs/emulator.md, "Starting it"). */
export function optionsFromEnv(env: NodeJS.ProcessEnv, argv: string[]): FleetOptions {
  const seedIndex = argv.indexOf("--seed");
  const seed = parseSeed(seedIndex >= 0 ? argv[seedIndex + 1] : argv.find((a) => a.startsWith("--seed="))?.slice(7));
  const strength = env.EMULATOR_MIN_PW_STRENGTH ? Number(env.EMULATOR_MIN_PW_STRENGTH) : 65;
  if (!Number.isInteger(strength) || strength < 0 || strength > 100) {
    throw new Error(`EMULATOR_MIN_PW_STRENGTH must be 0–100, not ${env.EMULATOR_MIN_PW_STRENGTH}`);
  }
  return {
    host: env.EMULATOR_HOST || "127.0.0.1",
    whmPort: port(env.EMULATOR_WHM_PORT, 2087),
    cpanelPort: port(env.EMULATOR_CPANEL_PORT, 2083),
    tls: env.EMULATOR_TLS === "1",
    certDir: env.EMULATOR_CERT_DIR || "./data/emulator-tls",
    db: env.EMULATOR_DB || "./data/emulator.db",
    whmToken: env.EMULATOR_WHM_TOKEN || "MAILROOMDEVWHMROOTTOKEN000000000",
    rootPassword: env.EMULATOR_ROOT_PASSWORD || "emulator-root-password",
    minPwStrength: strength,
    control: env.EMULATOR_CONTROL === "1",
    seed,
    servers: serverCount(env.EMULATOR_SERVERS, seed),
  };
}
