import { EMULATOR_WHM_PORT } from "./ports";

const control = `http://127.0.0.1:${EMULATOR_WHM_PORT}/__emulator`;

/** Injects a fault into the emulator (docs/emulator.md, control interface). */
export async function injectFault(fault: { fn: string; kind: string; status?: number; ms?: number; message?: string; times?: number }) {
  const response = await fetch(`${control}/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fault) });
  if (!response.ok) throw new Error(`Fault injection failed: HTTP ${response.status}`);
}

export async function clearFaults() {
  await fetch(`${control}/faults`, { method: "DELETE" });
}

/** The mails of client settings that UAPI Email::dispatch_client_settings recorded for a cPanel user (the emulator sends none). */
export async function dispatchedSettings(user: string): Promise<Array<{ account: string; to: string; cc: string; sentAt: number }>> {
  const response = await fetch(`${control}/dispatched/${encodeURIComponent(user)}`);
  if (!response.ok) throw new Error(`Reading the dispatched settings failed: HTTP ${response.status}`);
  return ((await response.json()) as { messages: Array<{ account: string; to: string; cc: string; sentAt: number }> }).messages;
}
