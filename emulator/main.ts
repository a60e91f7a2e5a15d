import { optionsFromEnv } from "./config";
import { startEmulator } from "./server";

// `npm run emulator [-- --seed demo]`: prints one JSON "ready" line on stdout, logs go to stderr.
async function main(): Promise<void> {
  const emulator = await startEmulator(optionsFromEnv(process.env, process.argv.slice(2)));
  process.stdout.write(
    `${JSON.stringify({
      event: "ready",
      whmPort: emulator.whmPort,
      cpanelPort: emulator.cpanelPort,
      tls: emulator.tls,
      caFile: emulator.caFile,
    })}\n`,
  );
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[emulator] close failed", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("[emulator]", error instanceof Error ? error.message : error);
  process.exit(1);
});
