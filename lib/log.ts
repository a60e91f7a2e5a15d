import "server-only";
import pino from "pino";
import { config } from "@/lib/config";

// Secrets are removed by path before a line is written, wherever they appear in the logged object.
const REDACTED_PATHS = ["password", "newPassword", "currentPassword", "token", "secret", "cookie", "authorization", "url"].flatMap((key) => [
  key,
  `*.${key}`,
  `*.*.${key}`,
]);

/** The redaction options (exported so a test proves them on a captured stream). */
export const LOG_REDACTION = { paths: REDACTED_PATHS, censor: "[redacted]" };

let instance: pino.Logger | undefined;

function level(): string {
  try {
    return config().LOG_LEVEL;
  } catch {
    return "info"; // a bad configuration is reported at start; logging still works meanwhile
  }
}

/** The panel's structured log (JSON lines on stdout), created on first use. */
export function log(): pino.Logger {
  instance ??= pino({ level: level(), base: { service: "mailroom" }, redact: LOG_REDACTION });
  return instance;
}

/** A logger whose every line carries the request id (also sent in X-Request-Id and in problem+json answers). */
export function requestLog(requestId: string): pino.Logger {
  return log().child({ requestId });
}

/** An error as a log field: its class, message and stack (cPanel errors are already redacted), never its cause chain. */
export function errorField(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: typeof error, message: "non-error thrown" };
}
