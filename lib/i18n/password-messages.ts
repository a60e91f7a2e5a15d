import "server-only";
import type { PasswordViolation } from "@/lib/password/policy";
import type { Locale } from "./locales";
import { translator } from "./server";

/** The password policy's refusals as sentences that say what to do, in the request's language (or `locale`). */
export async function passwordViolationMessages(violations: readonly PasswordViolation[], locale?: Locale): Promise<string[]> {
  const t = await translator("PasswordPolicy", locale);
  return violations.map((violation) => t(`messages.${violation.code}`, violation.values));
}
