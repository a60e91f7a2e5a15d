import { test as setup } from "@playwright/test";
import { LoginPage } from "./support/login-page";
import { admin, customer, storageState, support } from "./support/users";

setup("sign in as the demo customer", async ({ page }) => {
  await new LoginPage(page).signInAndLand(customer.email, customer.password);
  await page.context().storageState({ path: storageState.customer });
});

setup("sign in as support", async ({ page }) => {
  await new LoginPage(page).signInAndLand(support.email, support.password);
  await page.context().storageState({ path: storageState.support });
});

setup("sign in as admin", async ({ page }) => {
  await new LoginPage(page).signInAndLand(admin.email, admin.password);
  await page.context().storageState({ path: storageState.admin });
});
