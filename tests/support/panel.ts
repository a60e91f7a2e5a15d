// Test harness: a migrated SQLite panel database provisioned like the demo, against the emulator process.
import { afterAll, beforeAll } from "vitest";
import { setTestEnv, withTestDatabase } from "../db/engines";
import { startEmulatorProcess, type EmulatorProcess } from "./emulator";
import { provisionDemo } from "@/scripts/demo/provision";
import { findUserByEmail } from "@/lib/db/users";
import { findHostingAccountsByCpanelUser } from "@/lib/db/hosting-accounts";
import { closeCpanelTransports } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";

export type DemoPanel = {
  emulator: EmulatorProcess;
  customer: Actor;
  other: Actor;
  support: Actor;
  /** Panel account id by cPanel user (examplecom, shopcp, othernet). */
  accountId: Record<"examplecom" | "shopcp" | "othernet", string>;
};

export async function actorFor(email: string): Promise<Actor> {
  const user = await findUserByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Registers hooks for a demo-provisioned panel; read the returned getter inside tests. */
export function withDemoPanel(options: { requestTimeoutMs?: number } = {}): () => DemoPanel {
  setTestEnv();
  process.env.CPANEL_REQUEST_TIMEOUT_MS = String(options.requestTimeoutMs ?? 1500);
  withTestDatabase("sqlite");
  let panel: DemoPanel | undefined;
  beforeAll(async () => {
    const emulator = await startEmulatorProcess({ seed: "demo" });
    await provisionDemo(emulator.whmUrl, emulator.whmToken);
    const accountId = {} as DemoPanel["accountId"];
    for (const user of ["examplecom", "shopcp", "othernet"] as const) {
      const [account] = await findHostingAccountsByCpanelUser(user);
      accountId[user] = account!.id;
    }
    panel = {
      emulator,
      customer: await actorFor("customer@example.com"),
      other: await actorFor("other@example.net"),
      support: await actorFor("support@example.com"),
      accountId,
    };
  }, 60_000);
  afterAll(async () => {
    await closeCpanelTransports();
    await panel?.emulator.stop();
  });
  return () => {
    if (!panel) throw new Error("The demo panel is not ready yet");
    return panel;
  };
}
