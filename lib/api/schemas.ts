import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";

/** Path and body schemas of the REST API: validation and the OpenAPI document come from the same objects. */

export const accountIdSchema = z
  .string()
  .regex(/^acct_[A-Za-z0-9]{1,64}$/)
  .describe("A hosting account's id (acct_…)");
export const mailboxRefSchema = z
  .string()
  .min(1)
  .max(320)
  .transform((value) => {
    // A stray "%" (`…/email-accounts/100%`) is not an encoding: look it up as it is (then "not found").
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  })
  .describe("The mailbox's address (user@example.com) or its public id (mbx_…)");

export const accountParams = z.object({ accountId: accountIdSchema });
export const mailboxParams = z.object({ accountId: accountIdSchema, address: mailboxRefSchema });

export const reasonSchema = singleLine("The reason")
  .max(500)
  .optional()
  .describe("Why (support and admin must give at least 10 characters; it goes to the audit log)");

export const changePasswordBody = z
  .object({
    newPassword: z
      .string({ error: "newPassword is required" })
      .min(1, "newPassword is required")
      .max(1024, "Use at most 128 characters")
      .describe("8–128 characters, upper and lower case and a digit, not the mailbox or domain name, hard to guess"),
    reason: reasonSchema,
  })
  .strict();

export const hostingAccountSchema = z.object({
  id: z.string(),
  domain: z.string(),
  cpanelUser: z.string(),
  server: z.string(),
  ownerEmail: z.string().nullable(),
});

export const emailAccountSchema = z.object({
  id: z.string().describe("Public id (mbx_…), usable in place of the address"),
  email: z.string(),
  domain: z.string(),
  quotaMb: z.number().nullable().describe("null = unlimited"),
  diskUsedBytes: z.number(),
  suspendLogin: z.boolean(),
  suspendIncoming: z.boolean(),
  suspendOutgoing: z.boolean(),
  holdOutgoing: z.boolean(),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.enum([
    "invalid_request",
    "password_too_weak",
    "unauthorized",
    "forbidden",
    "not_found",
    "conflict",
    "payload_too_large",
    "rate_limited",
    "upstream_unavailable",
    "account_not_eligible_cpanel",
    "internal_error",
  ]),
  instance: z.string(),
  requestId: z.string(),
  timestamp: z.string(),
  errors: z.array(z.object({ pointer: z.string(), detail: z.string(), code: z.string().optional() })).optional(),
  rules: z.array(z.string()).optional().describe("password_too_weak: the policy rules the password broke"),
  upstream: z
    .enum(["unavailable", "timeout", "auth", "rejected", "protocol", "unknown_outcome"])
    .optional()
    .describe("upstream_unavailable: how cPanel failed; unknown_outcome = the change may or may not have been made"),
  rollback: z
    .object({ undone: z.array(z.string()), stillApplied: z.array(z.string()), notSent: z.array(z.string()), lasting: z.array(z.string()) })
    .optional()
    .describe("A save that failed part-way: what was undone, what is still in effect, what was never sent"),
});
