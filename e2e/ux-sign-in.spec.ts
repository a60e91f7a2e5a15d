import { expect, test } from "@playwright/test";
import { generateSync } from "otplib";
import { LoginPage } from "./support/login-page";
import { customer, support } from "./support/users";

for (const viewport of [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`sign-in on a ${viewport.name}`, () => {
    test.use({ viewport });

    test("an empty submit is checked in the browser: field errors, and nothing is sent", async ({ page }) => {
      const sent: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST") sent.push(request.url());
      });
      await page.goto("/login");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Enter your email address." })).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: "Enter your password." })).toBeVisible();
      await expect(page.getByLabel("Email")).toBeFocused();
      await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText("not correct")).toHaveCount(0);

      await page.getByLabel("Email").fill("customer.example.com");
      await expect(page.getByRole("alert").filter({ hasText: "Enter your email address." })).toHaveCount(0);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "like name@example.com" })).toBeVisible();
      expect(sent).toEqual([]);
    });

    test("after signing out the page says so", async ({ page }) => {
      await new LoginPage(page).signInAndLand(customer.email, customer.password);
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("status").filter({ hasText: "You are signed out." })).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    });
  });
}

test("the signed-out note is a fixed sentence: nothing from the address is shown", async ({ page }) => {
  await page.goto("/login?signedOut=%3Cb%3EPwned%3C%2Fb%3E");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("You are signed out.")).toHaveCount(0);
  await expect(page.getByText("Pwned")).toHaveCount(0);
});

test("the second factor is a normal step, not an error", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(support.email, support.password);
  await expect(page.getByRole("heading", { name: "Step 2 of 2: your authentication code" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Enter the 6-digit code" })).toBeVisible();
  await expect(login.error).toHaveCount(0);
  await expect(page.getByLabel("Authentication code")).toBeFocused();
  await page.getByLabel("Authentication code").fill(generateSync({ secret: support.totpSecret }));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
});
