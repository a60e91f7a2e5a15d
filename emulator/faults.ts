/** Fault injection and request counting for the control interface (in memory; not part of the state). */

export type FaultKind = "delay" | "http" | "drop" | "malformed" | "status0";

export interface Fault {
  fn: string;
  kind: FaultKind;
  ms?: number;
  status?: number;
  message?: string;
  /** Calls left to hit; undefined = until cleared. */
  times?: number;
}

export const FAULT_KINDS: FaultKind[] = ["delay", "http", "drop", "malformed", "status0"];

/**
 * The whole server's health, for a fleet bench: `slow` answers every API call `ms` late; `down` accepts the connection
 * and never answers (a host gone dark behind a firewall: only the client's own deadline ends the wait).
 */
export type Health = { state: "up" } | { state: "slow"; ms: number } | { state: "down" };

export class Faults {
  private faults: Fault[] = [];
  private counts = new Map<string, number>();
  health: Health = { state: "up" };

  /** A later fault for the same `fn` replaces the earlier one. */
  add(fault: Fault): void {
    this.faults = this.faults.filter((f) => f.fn !== fault.fn);
    this.faults.push(fault);
  }
  /** Clears every fault, the server's health included. */
  clear(): void {
    this.faults = [];
    this.health = { state: "up" };
  }
  /** The fault that hits a call to one of `names` (a function's names, most specific first), if any. */
  take(names: string[]): Fault | undefined {
    const fault = names.map((n) => this.faults.find((f) => f.fn === n)).find(Boolean) ?? this.faults.find((f) => f.fn === "*");
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return fault;
  }

  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
  requestCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
  clearCounts(): void {
    this.counts.clear();
  }
}
