import { join } from "node:path";
import { startChild, waitForHttp } from "./processes";

/**
 * Starts maildev, a local SMTP server that keeps every mail and shows it in a web inbox (with a JSON API the e2e
 * tests read), as a child stopped with the launcher. Answers the SMTP URL for the panel and the inbox URL.
 */
export async function startMailCatcher(root: string, ports: { smtp: number; web: number }): Promise<{ smtpUrl: string; inboxUrl: string }> {
  startChild(
    join(root, "node_modules", ".bin", "maildev"),
    ["--smtp", String(ports.smtp), "--web", String(ports.web), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"],
    process.env,
    "The mail catcher",
  );
  const inboxUrl = `http://127.0.0.1:${ports.web}`;
  await waitForHttp(`${inboxUrl}/api/healthz`, 30_000);
  return { smtpUrl: `smtp://127.0.0.1:${ports.smtp}`, inboxUrl };
}
