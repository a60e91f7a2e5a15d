// Test helper: a real maildev process (SMTP + its JSON API) that a test can stop and start again on the same ports.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

export type CaughtMail = { subject: string; text: string; html: string; to: { address: string }[] };

export class MailCatcher {
  private child: ChildProcess | undefined;
  readonly smtpPort: number;
  readonly webPort: number;

  constructor() {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    this.smtpPort = base;
    this.webPort = base + 1;
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.smtpPort}`;
  }

  async start(): Promise<void> {
    const bin = join(process.cwd(), "node_modules", ".bin", "maildev");
    this.child = spawn(
      bin,
      ["--smtp", String(this.smtpPort), "--web", String(this.webPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"],
      { stdio: "ignore" },
    );
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`http://127.0.0.1:${this.webPort}/api/healthz`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("maildev did not start");
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }

  async mails(): Promise<CaughtMail[]> {
    return (await (await fetch(`http://127.0.0.1:${this.webPort}/api/email`)).json()) as CaughtMail[];
  }
}
