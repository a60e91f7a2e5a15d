import { join } from "node:path";
import { emulatorReadyLine, startChild } from "./processes";

/**
 * Starts the seeded emulator (a child stopped with the launcher) and makes the panel database match the demo.
 * `env` is the launcher's environment, already applied to process.env; a TLS emulator's CA is added to both.
 */
export async function startEmulatorAndProvision(root: string, env: NodeJS.ProcessEnv, whmToken: string) {
  const watcher = emulatorReadyLine();
  const emulator = startChild(join(root, "node_modules", ".bin", "tsx"), ["emulator/main.ts", "--seed", "demo"], env, "The emulator", watcher.onLine);
  const ready = await Promise.race([
    watcher.ready,
    new Promise<never>((_, reject) => emulator.once("exit", () => reject(new Error("The emulator exited before it was ready")))),
  ]);
  const scheme = ready.tls ? "https" : "http";
  const whmUrl = `${scheme}://127.0.0.1:${ready.whmPort}`;
  if (ready.caFile) process.env.CPANEL_CA_FILE = env.CPANEL_CA_FILE = ready.caFile;

  const { provisionDemo } = await import("./provision");
  await provisionDemo(whmUrl, whmToken);
  const { closeDb } = await import("../../lib/db/client");
  await closeDb();
  return { whmUrl, cpanelUrl: `${scheme}://127.0.0.1:${ready.cpanelPort}` };
}
