import { expect, test, type Page } from "@playwright/test";
import { LoginPage } from "./support/login-page";
import { EMULATOR_WHM_PORT } from "./support/ports";
import { storageState } from "./support/users";
import { createUserAsAdmin } from "./support/admin";
import { goToMailboxTask } from "./support/pages";

/** A page of another site that the signed-in person happens to visit. */
const FOREIGN = "https://evil.example";
// This spec's own mailbox (no other spec touches it).
const ADDRESS = "returns@shop.example";

type EmulatorState = { forwarders: { address: string; forward: string }[] };

async function emulatorState(user: string): Promise<EmulatorState> {
  const response = await fetch(`http://127.0.0.1:${EMULATOR_WHM_PORT}/__emulator/state/${user}`);
  return (await response.json()) as EmulatorState;
}

const forwardsTo = async (destination: string) =>
  (await emulatorState("shopcp")).forwarders.some((f) => f.address === ADDRESS && f.forward === destination);

async function openMailbox(page: Page): Promise<string> {
  await page.goto("/accounts");
  await page.getByRole("link", { name: "shop.example", exact: true }).click();
  await page.getByRole("link", { name: ADDRESS, exact: true }).click();
  await expect(page.getByRole("heading", { name: ADDRESS, level: 1 })).toBeVisible();
  await goToMailboxTask(page, "Forwarding");
  return /\/accounts\/([^/]+)/.exec(new URL(page.url()).pathname)![1]!;
}

test.describe("a signed-in customer", () => {
  test.use({ storageState: storageState.customer });

  test("the session cookie is HttpOnly and SameSite=Lax; pages are no-store, with a nonce CSP and no framing", async ({ page, context }) => {
    const response = await page.goto("/accounts");
    const headers = response!.headers();
    expect(headers["cache-control"]).toContain("no-store");
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc =
      csp
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith("script-src")) ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
    expect(nonce, `script-src has a nonce: ${scriptSrc}`).toBeTruthy();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    // Next.js put this request's nonce on its scripts: a fresh one per answer.
    expect(await response!.text()).toContain(`nonce="${nonce}"`);
    const again = (await page.request.get("/accounts")).headers()["content-security-policy"];
    expect(again).not.toContain(`'nonce-${nonce}'`);

    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session, "the session cookie").toBeTruthy();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
  });

  test("a server action replayed from a foreign Origin is refused and changes nothing", async ({ page }) => {
    await openMailbox(page);
    const destination = "csrf-action@example.net";
    // Capture the form's real server-action request (and stop it), to send it again from elsewhere.
    let captured: { url: string; headers: Record<string, string>; body: Buffer | null } | null = null;
    await page.route("**/*", async (route) => {
      const request = route.request();
      if (request.method() === "POST" && request.headers()["next-action"]) {
        captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() };
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await page.getByLabel("Forward to", { exact: true }).fill(destination);
    await page.getByRole("button", { name: "Add forwarder" }).click();
    await expect.poll(() => captured !== null).toBe(true);
    await page.unroute("**/*");
    const { url, headers, body } = captured!;
    const replay = (origin: string) => {
      const sent = Object.fromEntries(Object.entries(headers).filter(([name]) => !["cookie", "content-length", "host", "origin"].includes(name)));
      return page.request.post(url, { headers: { ...sent, origin }, data: body ?? undefined, maxRedirects: 0 });
    };

    const foreign = await replay(FOREIGN);
    expect(foreign.status()).toBeGreaterThanOrEqual(400);
    expect(await foreign.text()).not.toContain("Forwarder added");
    expect(await forwardsTo(destination)).toBe(false);

    // The same request from the panel's own origin goes through: the refusal above was the Origin, nothing else.
    const own = await replay(new URL(page.url()).origin);
    expect(own.status()).toBe(200);
    await expect.poll(() => forwardsTo(destination)).toBe(true);
  });

  test("a REST API write on the session cookie from a foreign Origin is refused and changes nothing", async ({ page }) => {
    const accountId = await openMailbox(page);
    const destination = "csrf-api@example.net";
    const path = `/api/v2/shared-hosting/${accountId}/email-accounts/${encodeURIComponent(ADDRESS)}/forwarders`;

    const foreign = await page.request.post(path, { headers: { origin: FOREIGN }, data: { destinations: [destination] } });
    expect(foreign.status()).toBe(401);
    expect(foreign.headers()["content-type"]).toBe("application/problem+json");
    const crossSite = await page.request.post(path, { headers: { "sec-fetch-site": "cross-site" }, data: { destinations: [destination] } });
    expect(crossSite.status()).toBe(401);
    expect(await forwardsTo(destination)).toBe(false);

    const own = await page.request.post(path, { headers: { origin: new URL(page.url()).origin }, data: { destinations: [destination] } });
    expect(own.status()).toBe(201);
    expect(await forwardsTo(destination)).toBe(true);
  });
});

test.describe("next-auth's own endpoints", () => {
  test("answer anonymous callers without a session, and refuse a sign-in post without their CSRF token", async ({ request }) => {
    expect((await request.get("/api/auth/providers")).status()).toBe(200);
    const session = await request.get("/api/auth/session");
    expect(session.status()).toBe(200);
    expect(await session.json()).not.toHaveProperty("user");
    const signIn = await request.post("/api/auth/callback/credentials", {
      headers: { origin: FOREIGN },
      form: { email: "customer@example.com", password: "Demo-customer-2026" },
      maxRedirects: 0,
    });
    expect(signIn.headers()["set-cookie"] ?? "").not.toContain("session-token");
  });
});

test.describe("a support user without two-factor sign-in", () => {
  test("lands on the two-factor setup after signing in and cannot open the support pages", async ({ browser }) => {
    const { email, password } = await createUserAsAdmin(browser, "support", "Ticket #8008: new support hire, 2FA check");

    const context = await browser.newContext();
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(email, password);
    await expect(page).toHaveURL(/\/security\/two-factor/);
    for (const path of ["/support", "/accounts", "/admin/users"]) {
      await page.goto(path);
      await expect(page, `${path} sends them to the setup`).toHaveURL(/\/security\/two-factor/);
    }
    expect((await page.request.get("/support/audit/export")).status()).toBe(404);
    expect((await page.request.get("/api/v2/shared-hosting")).status()).toBe(401);
    await context.close();
  });
});
