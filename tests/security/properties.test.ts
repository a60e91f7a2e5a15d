// Property-based tests (issue 8): the password policy, address and forwarder validation, and every REST write
// route with arbitrary JSON bodies and path parameters. No input crashes or yields a 500; each gets a typed answer.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { evaluatePassword } from "@/lib/password/policy";
import { checkPasswordRules, MAX_LENGTH, MIN_LENGTH, type PasswordRuleCode } from "@/lib/password/rules";
import { checkDestinations, normalizeAddress, normalizeDomain, splitDestinations, MAX_DESTINATIONS_PER_ADDRESS } from "@/lib/forwarding/address";
import { classifyForwardDestination } from "@/lib/cpanel";
import { createApiToken } from "@/lib/db/api-tokens";
import { WRITE_SCOPE } from "@/lib/auth/scopes";
import { problemSchema } from "@/lib/api/schemas";
import { createMailbox } from "@/lib/mail/mailbox-lifecycle";
import { writeContext } from "@/lib/core/write-context";
import { POST as createMailboxRoute } from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/route";
import { PATCH as patchMailboxRoute, DELETE as deleteMailboxRoute } from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/[address]/route";
import { PUT as putPasswordRoute } from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/[address]/password/route";
import { POST as addForwardersRoute } from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/[address]/forwarders/route";
import { DELETE as removeForwarderRoute } from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/[address]/forwarders/[destination]/route";
import { POST as addDomainForwarderRoute } from "@/app/api/v2/shared-hosting/[accountId]/domain-forwarders/route";
import { DELETE as removeDomainForwarderRoute } from "@/app/api/v2/shared-hosting/[accountId]/domain-forwarders/[domain]/route";
import { POST as bulkActionsRoute } from "@/app/api/v2/shared-hosting/[accountId]/bulk-actions/route";
import { POST as cancelJobRoute } from "@/app/api/v2/jobs/[jobId]/cancel/route";

const panel = withDemoPanel();

const RULE_CODES: PasswordRuleCode[] = [
  "too_short",
  "too_long",
  "needs_uppercase",
  "needs_lowercase",
  "needs_digit",
  "contains_mailbox_name",
  "contains_domain",
  "too_guessable",
  "below_cpanel_strength",
];

/** Passwords as people and attackers type them: any Unicode, lengths around and beyond the limits. */
const anyPassword = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 140 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.stringMatching(/^[A-Za-z0-9!-/]{6,20}$/),
);
const anyContext = fc.record({
  email: fc.oneof(fc.constant("info@example.com"), fc.emailAddress(), fc.string({ maxLength: 40 })),
  cpanelUser: fc.option(fc.stringMatching(/^[a-z]{1,16}$/), { nil: undefined }),
  requiredCpanelStrength: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
});

describe("password policy", () => {
  it("never throws; a verdict is ok exactly when it lists no violation, each with a known code and words", () => {
    fc.assert(
      fc.property(anyPassword, anyContext, (password, context) => {
        const verdict = evaluatePassword(password, context);
        expect(verdict.ok).toBe(verdict.violations.length === 0);
        for (const v of verdict.violations) {
          expect(RULE_CODES).toContain(v.code);
          // A violation carries only numbers for its sentence: never the password or a piece of it.
          expect(Object.values(v.values).every((value) => typeof value === "number")).toBe(true);
        }
        expect(verdict.level).toBeGreaterThanOrEqual(0);
        expect(verdict.level).toBeLessThanOrEqual(4);
        if (!verdict.ok) expect(verdict.level).toBeLessThanOrEqual(2);
      }),
      { numRuns: 150 },
    );
  });

  it("the length rules count characters as people see them", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", minLength: 0, maxLength: 200 }), (password) => {
        const failed = new Set(
          checkPasswordRules(password, { email: "info@example.com" })
            .filter((c) => !c.ok)
            .map((c) => c.code),
        );
        expect(failed.has("too_short")).toBe(password.length < MIN_LENGTH);
        expect(failed.has("too_long")).toBe(password.length > MAX_LENGTH);
      }),
      { numRuns: 200 },
    );
  });

  it("a password containing the mailbox's name or domain is refused", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{4,10}$/), fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (local, before, after) => {
        const verdict = evaluatePassword(`${before}${local}${after}Aa1`, { email: `${local}@example.com` });
        expect(verdict.violations.map((v) => v.code)).toContain("contains_mailbox_name");
      }),
      { numRuns: 60 },
    );
  });
});

/** Spellings that cPanel's /etc/valiases reads as something other than an address (Exim redirect items). */
const NON_ADDRESS_PREFIXES = ["|", '"|', " |", "\t|", "/", '"/', ":fail:", ":fail: ", ":blackhole:", ":include:", ":defer:", "\\", '"'];
const LOCAL_CHARS = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{0,24}$/;
/** What an attacker would send as a destination: any text, and addresses that start with (or hide) a pipe, file or special. */
const hostileDestination = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.emailAddress(),
  fc.tuple(fc.constantFrom(...NON_ADDRESS_PREFIXES), fc.emailAddress()).map(([prefix, email]) => `${prefix}${email}`),
  fc
    .tuple(
      fc.constantFrom(...NON_ADDRESS_PREFIXES),
      fc.stringMatching(LOCAL_CHARS),
      fc.constantFrom("@example.com", "@Bücher.example", '"@example.com', "", "@"),
    )
    .map(([prefix, local, domain]) => `${prefix}${local}${domain}`),
  fc
    .tuple(fc.stringMatching(LOCAL_CHARS), fc.constantFrom("|", "/", "|/", '"|'), fc.stringMatching(LOCAL_CHARS))
    .map(([before, mark, after]) => `${before}${mark}${after}@example.com`),
);

describe("address and forwarder validation", () => {
  it("normalizeAddress never throws; what it accepts is lower-case, has one @, fits cPanel, and is stable", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.emailAddress(), fc.string({ unit: "grapheme", maxLength: 80 })), (raw) => {
        const checked = normalizeAddress(raw);
        if (!checked.ok) {
          expect(checked.message.length).toBeGreaterThan(5);
          return;
        }
        expect(checked.address).toBe(checked.address.toLowerCase());
        expect(checked.address.split("@")).toHaveLength(2);
        expect(checked.address.length).toBeLessThanOrEqual(254);
        expect(checked.address).not.toMatch(/[\s,;:"<>]/);
        expect(normalizeAddress(checked.address)).toEqual(checked);
      }),
      { numRuns: 400 },
    );
  });

  it("every valid address is accepted (fast-check's RFC addresses without quoted local parts)", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const checked = normalizeAddress(email);
        // cPanel refuses a few RFC-valid forms (e.g. a local part starting or ending in a symbol it rejects), and cPanel would read
        // a | or a leading / as a program or a file (issue 13); those get words.
        if (!checked.ok) expect(checked.message).toMatch(/before the @|not a valid|at most|domain|a program|a file/);
        else
          expect(checked.address).toBe(
            email
              .toLowerCase()
              .replace(/@(.*)$/, (_m, d: string) => `@${normalizeDomain(d).ok ? (normalizeDomain(d) as { domain: string }).domain : d}`),
          );
      }),
      { numRuns: 200 },
    );
  });

  it("normalizeDomain never throws, and what it accepts is stable", () => {
    fc.assert(
      fc.property(fc.oneof(fc.domain(), fc.string({ maxLength: 260 }), fc.webUrl()), (raw) => {
        const checked = normalizeDomain(raw);
        if (checked.ok) expect(normalizeDomain(checked.domain)).toEqual(checked);
        else expect(checked.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 300 },
    );
  });

  it("checkDestinations: accepted lists are valid, unique, not the source, and within the maximum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.emailAddress(), fc.string({ maxLength: 40 }), fc.constant("info@example.com")), { maxLength: 25 }),
        fc.array(fc.emailAddress(), { maxLength: 20 }),
        (raw, existing) => {
          const result = checkDestinations(raw, { source: "info@example.com", existing });
          if (!result.ok) {
            expect(result.messages.length).toBeGreaterThan(0);
            return;
          }
          expect(new Set(result.destinations).size).toBe(result.destinations.length);
          expect(result.destinations).not.toContain("info@example.com");
          expect(existing.length + result.destinations.length).toBeLessThanOrEqual(MAX_DESTINATIONS_PER_ADDRESS);
          for (const d of result.destinations) expect(normalizeAddress(d)).toEqual({ ok: true, address: d });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("no destination a customer can get accepted is read by cPanel as a program, a file, a bounce or a system user (issue 13)", () => {
    const asAddressOnly = (destination: string) => {
      expect(classifyForwardDestination(destination).kind).toBe("address");
      // Exim's valiases: `|…` is a pipe, `/…` a file, `"…` a quoted pipe or file, `:…:` a special, `\…` a local user.
      expect(destination).not.toMatch(/^[|/":\\]/);
      expect(destination).not.toContain("|");
    };
    fc.assert(
      fc.property(hostileDestination, (raw) => {
        const checked = normalizeAddress(raw);
        if (checked.ok) asAddressOnly(checked.address);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.array(hostileDestination, { minLength: 1, maxLength: 8 }), (raw) => {
        const result = checkDestinations(raw, { source: "info@example.com", existing: [] });
        if (result.ok) result.destinations.forEach(asAddressOnly);
      }),
      { numRuns: 300 },
    );
  });

  it("splitDestinations never yields an empty or padded entry", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        for (const entry of splitDestinations(raw)) {
          expect(entry.length).toBeGreaterThan(0);
          expect(entry).toBe(entry.trim());
        }
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Every REST write route: arbitrary bodies and params, through the real handler with a real token.

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
type WriteRoute = { name: string; method: string; handler: Handler; params: string[] };

const writeRoutes: WriteRoute[] = [
  { name: "POST …/email-accounts", method: "POST", handler: createMailboxRoute, params: ["accountId"] },
  { name: "PATCH …/email-accounts/{address}", method: "PATCH", handler: patchMailboxRoute, params: ["accountId", "address"] },
  { name: "DELETE …/email-accounts/{address}", method: "DELETE", handler: deleteMailboxRoute, params: ["accountId", "address"] },
  { name: "PUT …/password", method: "PUT", handler: putPasswordRoute, params: ["accountId", "address"] },
  { name: "POST …/forwarders", method: "POST", handler: addForwardersRoute, params: ["accountId", "address"] },
  { name: "DELETE …/forwarders/{destination}", method: "DELETE", handler: removeForwarderRoute, params: ["accountId", "address", "destination"] },
  { name: "POST …/domain-forwarders", method: "POST", handler: addDomainForwarderRoute, params: ["accountId"] },
  { name: "DELETE …/domain-forwarders/{domain}", method: "DELETE", handler: removeDomainForwarderRoute, params: ["accountId", "domain"] },
  { name: "POST …/bulk-actions", method: "POST", handler: bulkActionsRoute, params: ["accountId"] },
  { name: "POST /api/v2/jobs/{jobId}/cancel", method: "POST", handler: cancelJobRoute, params: ["jobId"] },
];

let token: string;
beforeAll(async () => {
  token = (await createApiToken({ userId: panel().customer.id, name: "fuzz", scopes: [WRITE_SCOPE] })).token;
  await createMailbox(writeContext(panel().customer, "api"), panel().accountId.examplecom, {
    localPart: "fuzz",
    domain: "example.com",
    password: "Harbor-quince-2026-lark",
    quotaMb: 100,
  });
});

/** Field names the schemas know, so that arbitrary objects often get past the first check. */
const KNOWN_KEYS = [
  "newPassword",
  "reason",
  "email",
  "password",
  "quota",
  "kind",
  "destinations",
  "failMessage",
  "command",
  "sourceDomain",
  "destinationDomain",
  "suspendLogin",
  "holdOutgoing",
  "autoresponder",
  "forwards",
  "enabled",
  "start",
  "end",
  "intervalHours",
  "addresses",
  "action",
  "quotaMb",
  "dryRun",
];
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const body = fc.oneof(
  jsonValue.map((v) => JSON.stringify(v)),
  fc.dictionary(fc.constantFrom(...KNOWN_KEYS), jsonValue, { maxKeys: 5 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 60 }), // not JSON at all
);
/** Segments as a router would hand them over: usually URL-encoded, sometimes raw or broken (`%E0%A4%A`). */
const segment = (real: () => string) =>
  fc.oneof(
    fc.constant(null).map(() => real()),
    fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s)),
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc.constantFrom("%", "%E0%A4%A", "..%2F..", "acct_", `acct_${"x".repeat(70)}`, "mbx_000000000000000000000000"),
  );

// Real values: the fuzzing customer's own account and a mailbox of its own, so valid input reaches lib/mail and cPanel.
const realParam: Record<string, () => string> = {
  accountId: () => panel().accountId.examplecom,
  address: () => encodeURIComponent("fuzz@example.com"),
  destination: () => encodeURIComponent("someone@example.net"),
  domain: () => "example.org",
  jobId: () => "job_01M8AAAAAAAAAAAAAAAAAAAAAA",
};

describe("REST write routes under arbitrary input", () => {
  it.each(writeRoutes)("$name: never a 500 or a crash; always a typed problem+json or success", async (route) => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(Object.fromEntries(route.params.map((p) => [p, segment(realParam[p]!)]))),
        body,
        fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
        fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-8"),
        async (params, text, reasonQuery, contentType) => {
          const path = route.params.map((p) => String(params[p])).join("/");
          let url: URL;
          try {
            url = new URL(`http://localhost:3000/api/v2/fuzz/${path}`);
          } catch {
            url = new URL("http://localhost:3000/api/v2/fuzz");
          }
          if (reasonQuery !== undefined) url.searchParams.set("reason", reasonQuery);
          const request = new Request(url, {
            method: route.method,
            headers: { authorization: `Bearer ${token}`, "content-type": contentType },
            body: route.method === "DELETE" ? undefined : text,
          });
          const response = await route.handler(request, { params: Promise.resolve(params) });
          expect(response.status, await response.clone().text()).not.toBe(500);
          expect(response.status).toBeLessThan(600);
          if (response.status >= 400) {
            expect(response.headers.get("content-type")).toBe("application/problem+json");
            const problem = problemSchema.safeParse(await response.json());
            expect(problem.success).toBe(true);
            expect(problem.data!.code).not.toBe("internal_error");
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
