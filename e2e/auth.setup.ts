import { test as setup } from "@playwright/test";
import { LoginPage } from "./support/login-page";
import { admin, customer, otherCustomer, storageState, support } from "./support/users";

setup("sign in as the demo customer", async ({ page }) => {
  await new LoginPage(page).signInAndLand(customer.email, customer.password);
  await page.context().storageState({ path: storageState.customer });
});

setup("sign in as support", async ({ page }) => {
  await new LoginPage(page).signInAndLand(support.email, support.password, support.totpSecret);
  await page.context().storageState({ path: storageState.support });
});

setup("sign in as admin", async ({ page }) => {
  await new LoginPage(page).signInAndLand(admin.email, admin.password, admin.totpSecret);
  await page.context().storageState({ path: storageState.admin });
});

// Saved before e2e/sign-in.spec.ts locks this login out on purpose.
setup("sign in as the other customer", async ({ page }) => {
  await new LoginPage(page).signInAndLand(otherCustomer.email, otherCustomer.password);
  await page.context().storageState({ path: storageState.other });
});
