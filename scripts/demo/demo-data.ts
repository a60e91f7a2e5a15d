import type { Role } from "../../lib/auth/roles";

/** The panel logins of the demo (DESIGN §8). Documented in the README; never use them on a real server. */
export const demoUsers: { email: string; password: string; role: Role; name: string; owns: string[] }[] = [
  { email: "customer@example.com", password: "Demo-customer-2026", role: "customer", name: "Casey Customer", owns: ["examplecom", "shopcp"] },
  { email: "other@example.net", password: "Demo-other-2026", role: "customer", name: "Olive Other", owns: ["othernet"] },
  { email: "support@example.com", password: "Demo-support-2026", role: "support", name: "Sam Support", owns: [] },
  { email: "admin@example.com", password: "Demo-admin-2026", role: "admin", name: "Ada Admin", owns: [] },
];

/**
 * The demo's staff sign in with a second factor (required for support and admin): this TOTP key, added to
 * any authenticator app (or `npx otplib`-style tools), gives their codes. Demo only; printed by `npm run demo`.
 */
export const DEMO_STAFF_TOTP_SECRET = "MAILROOMDEMOSUPPORTTOTPSECRET234";

export const DEMO_SERVER_NAME = "demo";
/** The emulator's documented development root token (docs/emulator.md). */
export const EMULATOR_DEFAULT_WHM_TOKEN = "MAILROOMDEVWHMROOTTOKEN000000000";
