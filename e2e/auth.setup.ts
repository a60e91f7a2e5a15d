import { test as setup } from "@playwright/test";
import { LoginPage } from "./support/login-page";
import { customer, storageState, support } from "./support/users";

setup("sign in as the demo customer", async ({ page }) => {
  await new LoginPage(page).signInAndLand(customer.email, customer.password);
  await page.context().storageState({ path: storageState.customer });
});

setup("sign in as support", async ({ page }) => {
  await new LoginPage(page).signInAndLand(support.email, support.password);
  await page.context().storageState({ path: storageState.support });
});
