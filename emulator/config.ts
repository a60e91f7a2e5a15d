import type { EmulatorOptions } from "./server";

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Invalid port: ${value}`);
  return n;
}

/** Emulator options from the environment and argv (docs/emulator.md, "Starting it"). */
export function optionsFromEnv(env: NodeJS.ProcessEnv, argv: string[]): EmulatorOptions {
  const seedIndex = argv.indexOf("--seed");
  const seedArg = seedIndex >= 0 ? argv[seedIndex + 1] : argv.find((a) => a.startsWith("--seed="))?.slice(7);
  if (seedArg !== undefined && seedArg !== "demo") throw new Error(`Unknown seed preset: ${seedArg} (only "demo")`);
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
    seed: seedArg === "demo" ? "demo" : undefined,
  };
}
