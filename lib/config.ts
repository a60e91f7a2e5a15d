import { z } from "zod";

/**
 * Every environment variable the panel reads, parsed once. Nothing else in the app reads
 * process.env; a bad or missing value stops the process with a message naming the variable.
 */
const encryptionKey = z
  .string({ error: "is required (32 random bytes, base64: openssl rand -base64 32)" })
  .transform((value, ctx) => {
    const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
    if (bytes.length !== 32) {
      ctx.addIssue({ code: "custom", message: "must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32)" });
      return z.NEVER;
    }
    return bytes;
  });

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
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
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional(),
  CPANEL_CA_FILE: z.string().min(1).optional(),
  CPANEL_CONNECT_TIMEOUT_MS: positiveInt(5_000),
  CPANEL_REQUEST_TIMEOUT_MS: positiveInt(15_000),
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_WINDOW_SECONDS: positiveInt(900),
  SESSION_IDLE_MINUTES_CUSTOMER: positiveInt(60),
  SESSION_IDLE_MINUTES_STAFF: positiveInt(30),
  SESSION_MAX_HOURS_CUSTOMER: positiveInt(24),
  SESSION_MAX_HOURS_STAFF: positiveInt(12),
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
