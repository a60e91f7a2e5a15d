import { join } from "node:path";
import { emulatorReady, startChild } from "./processes";

/**
 * Starts the seeded emulator (a child stopped with the launcher) and makes the panel database match the demo.
 * `env` is the launcher's environment, already applied to process.env; a TLS emulator's CA is added to both.
 */
export async function startEmulatorAndProvision(root: string, env: NodeJS.ProcessEnv, whmToken: string) {
  const emulator = startChild(join(root, "node_modules", ".bin", "tsx"), ["emulator/main.ts", "--seed", "demo"], env, "The emulator");
  const ready = await emulatorReady(emulator);
  const scheme = ready.tls ? "https" : "http";
  const whmUrl = `${scheme}://127.0.0.1:${ready.whmPort}`;
  if (ready.caFile) process.env.CPANEL_CA_FILE = env.CPANEL_CA_FILE = ready.caFile;

  const { provisionDemo } = await import("./provision");
  await provisionDemo(whmUrl, whmToken);
  const { closeDb } = await import("../../lib/db/client");
  await closeDb();
  return { whmUrl, cpanelUrl: `${scheme}://127.0.0.1:${ready.cpanelPort}` };
}
