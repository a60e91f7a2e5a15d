import { AUTH_DIR } from "./ports";

/** The demo logins (DESIGN §8), as a person would type them. */
export const customer = { email: "customer@example.com", password: "Demo-customer-2026" };
export const otherCustomer = { email: "other@example.net", password: "Demo-other-2026" };
/** Staff sign in with a second factor; the demo's key (scripts/demo/demo-data.ts) gives their codes. */
export const DEMO_STAFF_TOTP_SECRET = "MAILROOMDEMOSUPPORTTOTPSECRET234";
export const support = { email: "support@example.com", password: "Demo-support-2026", totpSecret: DEMO_STAFF_TOTP_SECRET };
export const admin = { email: "admin@example.com", password: "Demo-admin-2026", totpSecret: DEMO_STAFF_TOTP_SECRET };

export const storageState = {
  customer: `${AUTH_DIR}/customer.json`,
  support: `${AUTH_DIR}/support.json`,
  admin: `${AUTH_DIR}/admin.json`,
  other: `${AUTH_DIR}/other.json`,
};
