import { expect, type Page } from "@playwright/test";

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

  async signInAndLand(email: string, password: string) {
    await this.goto();
    await this.signIn(email, password);
    await expect(this.page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  }

  /** The sign-in error (Next's route announcer is an alert too, but an empty one). */
  get error() {
    return this.page.getByRole("alert").filter({ hasText: /\S/ });
  }
}
