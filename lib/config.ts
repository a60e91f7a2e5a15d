import proxyaddr from "proxy-addr";
import { z } from "zod";
import type { TrustProxy } from "./http/client-address";

/**
 * Every environment variable the panel reads, parsed once. Nothing else in the app reads
 * process.env; a bad or missing value stops the process with a message naming the variable.
 */
const encryptionKey = z.string({ error: "is required (32 random bytes, base64: openssl rand -base64 32)" }).transform((value, ctx) => {
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (bytes.length !== 32) {
    ctx.addIssue({ code: "custom", message: "must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32)" });
    return z.NEVER;
  }
  return bytes;
});

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

// Next.js reads this one itself when it builds (it encrypts server-action ids and closed-over values); it is
// checked here so a deployment of several instances finds out at start that it is malformed.
const actionsKey = z
  .string()
  .refine((value) => [16, 24, 32].includes(Buffer.from(value, "base64").length) && /^[A-Za-z0-9+/]+={0,2}$/.test(value), {
    message: "must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32)",
  })
  .optional();

// Who may say who the client is (Express's `trust proxy`): unset = nobody, the socket's address is the client.
const trustProxy = z
  .string()
  .default("false")
  .transform((value, ctx): TrustProxy => {
    const text = value.trim().toLowerCase();
    if (text === "false" || text === "0") return { kind: "none" };
    if (/^\d+$/.test(text)) return { kind: "hops", hops: Number(text) };
    if (text === "true") {
      ctx.addIssue({ code: "custom", message: "true would let any client choose its address; give the proxies' addresses or CIDRs, or a hop count" });
      return z.NEVER;
    }
    const addresses = text
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    try {
      proxyaddr.compile(addresses);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message: `must be false, a hop count, or proxy addresses/CIDRs separated by commas (${(error as Error).message})`,
      });
      return z.NEVER;
    }
    return { kind: "list", addresses };
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    AUTH_SECRET: z
      .string({ error: "is required (at least 32 characters: openssl rand -base64 32)" })
      .min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    MAILROOM_ENCRYPTION_KEY: encryptionKey,
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for the embedded SQLite database)")
      .optional(),
    MAILROOM_SQLITE_PATH: z.string().min(1).default("./data/mailroom.db"),
    NEXTAUTH_URL: z.url("must be the panel's public URL, e.g. https://mail.example.net").default("http://localhost:3000"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
    CPANEL_CA_FILE: z.string().min(1).optional(),
    CPANEL_CONNECT_TIMEOUT_MS: positiveInt(5_000),
    CPANEL_REQUEST_TIMEOUT_MS: positiveInt(15_000),
    LOGIN_MAX_FAILURES: positiveInt(5),
    LOGIN_WINDOW_SECONDS: positiveInt(900),
    SESSION_IDLE_MINUTES_CUSTOMER: positiveInt(60),
    SESSION_IDLE_MINUTES_STAFF: positiveInt(30),
    SESSION_MAX_HOURS_CUSTOMER: positiveInt(24),
    SESSION_MAX_HOURS_STAFF: positiveInt(12),
    /** Seconds a cPanel read (mailbox list, forwarders, mail domains) is reused per account; 0 turns the cache off. */
    CPANEL_READ_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(15),
    /** Password changes per panel user (any mailbox) and per mailbox (anyone), per 15 minutes. */
    PASSWORD_ATTEMPTS_PER_USER: positiveInt(20),
    PASSWORD_ATTEMPTS_PER_MAILBOX: positiveInt(10),
    /** For `npm run bench`: a file the panel appends one JSON line to per measured phase of a request (lib/timings.ts); unset = nothing measured. */
    MAILROOM_TIMINGS_FILE: z.string().min(1).optional(),
    /** Bulk mailbox actions: at most this many cPanel calls at a time per cPanel server, across all jobs of one panel process. */
    BULK_CONCURRENCY_PER_SERVER: z.coerce.number().int().min(1).max(32).default(4),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey,
    /** Proxies whose X-Forwarded-For is believed: false (default), a hop count, or addresses/CIDRs (loopback, uniquelocal…). */
    TRUST_PROXY: trustProxy,
    /** Outgoing mail server, e.g. smtp://user:pass@smtp.example.net:587 or smtps://…:465; unset = mail waits in the queue and its jobs fail visibly. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    /** The sender of the panel's mail: an address, or a name and an address ("Mailroom <mailroom@example.net>"). */
    MAIL_FROM: z.string().min(3).default("Mailroom <mailroom@localhost>"),
    /** Single sign-on from the hosting company's portal (OpenID Connect): all four or none. */
    OIDC_ISSUER: z.url("must be the OpenID Connect issuer URL, e.g. https://portal.example.net/oauth").optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_LABEL: z.string().trim().min(1).max(60).optional(),
    /** 1: a verified e-mail that no panel login uses gets a new customer login (without accounts); else it is refused. */
    OIDC_CREATE_CUSTOMERS: z
      .enum(["0", "1", "true", "false"])
      .default("0")
      .transform((value) => value === "1" || value === "true"),
  })
  .superRefine((env, ctx) => {
    const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_LABEL"] as const;
    const missing = oidc.filter((name) => env[name] === undefined);
    if (missing.length > 0 && missing.length < oidc.length) {
      for (const name of missing)
        ctx.addIssue({ code: "custom", path: [name], message: `is required when any OIDC_* variable is set (${oidc.join(", ")}: all or none)` });
    }
  });

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Mailroom cannot start, the configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment (process.env by default) into a Config, or throws a ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  return result.data;
}

let cached: Config | undefined;

/** The process's configuration, parsed on first use and cached. */
export function config(): Config {
  cached ??= parseConfig();
  return cached;
}
