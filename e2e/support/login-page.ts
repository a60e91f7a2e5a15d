import { expect, type Page } from "@playwright/test";
import { generateSync } from "otplib";

/** The sign-in page, driven by its labels. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/login");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  /** Signs in and waits for the accounts page; with a TOTP key, answers the code step as an authenticator app would. */
  async signInAndLand(email: string, password: string, totpSecret?: string) {
    await this.goto();
    await this.signIn(email, password);
    if (totpSecret) {
      await this.page.getByLabel("Authentication code").fill(generateSync({ secret: totpSecret }));
      await this.page.getByRole("button", { name: "Sign in" }).click();
    }
    await expect(this.page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  }

  /** The sign-in error (Next's route announcer is an alert too, but an empty one). */
  get error() {
    return this.page.getByRole("alert").filter({ hasText: /\S/ });
  }
}
