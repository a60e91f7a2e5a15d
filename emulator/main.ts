import { optionsFromEnv } from "./config";
import { startFleet } from "./fleet";

// `npm run emulator [-- --seed demo|fleet:SxAxM]`: prints one JSON "ready" line on stdout, logs go to stderr.
async function main(): Promise<void> {
  const started = performance.now();
  const fleet = await startFleet(optionsFromEnv(process.env, process.argv.slice(2)));
  const [first] = fleet.servers;
  process.stdout.write(
    `${JSON.stringify({
      event: "ready",
      whmPort: first!.whmPort,
      cpanelPort: first!.cpanelPort,
      tls: first!.tls,
      caFile: first!.caFile,
      // Every server of EMULATOR_SERVERS (the first is the one above), and how long starting and seeding took.
      servers: fleet.servers.map((s) => ({ whmPort: s.whmPort, cpanelPort: s.cpanelPort })),
      startMs: Math.round(performance.now() - started),
    })}\n`,
  );
  const stop = () => {
    fleet.close().then(
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
