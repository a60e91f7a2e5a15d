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

  get error() {
    return this.page.getByRole("alert");
  }
}
