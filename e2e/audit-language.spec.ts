import { expect, test } from "@playwright/test";
import { storageState } from "./support/users";
import { expectNoViolations } from "./support/pages";

// The customer's Activity in Swedish and support's audit log in German, by the browser's language (Accept-Language from
// the context's locale): the action names, what happened and the filter's warnings come from the AuditDescriptions and
// ActivityTexts messages. English is checked by activity.spec.ts and support.spec.ts.

const ADDRESS = "returns@shop.example";

test("a refused change reads in the reader's language: Activity in Swedish, the audit log and its filter warnings in German", async ({
  browser,
  baseURL,
}) => {
  test.slow(); // two signed-in contexts and two axe scans
  // A customer asking for a pipe forwarder is refused (support only) and audited on the account: changes nothing.
  const customer = await browser.newContext({ baseURL, locale: "sv-SE", storageState: storageState.customer });
  const page = await customer.newPage();
  await page.goto("/accounts");
  await page.getByRole("link", { name: "shop.example", exact: true }).click();
  await expect(page).toHaveURL(/\/accounts\/[^/?]+/);
  const accountId = /^\/accounts\/([^/]+)/.exec(new URL(page.url()).pathname)![1]!;
  const refused = await page.request.post(`/api/v2/shared-hosting/${accountId}/email-accounts/${encodeURIComponent(ADDRESS)}/forwarders`, {
    data: { kind: "pipe", command: "/bin/true" },
  });
  expect(refused.status()).toBe(403);

  await page.goto(`/accounts/${accountId}/activity`);
  const mine = page.getByRole("row").filter({ hasText: ADDRESS }).filter({ hasText: "Lade till en vidarebefordran" }).first();
  await expect(mine).toContainText("Nekades: bara supporten får göra detta.");
  await expect(mine).toContainText("Du");
  await expectNoViolations(page);
  await customer.close();

  const support = await browser.newContext({ baseURL, locale: "de-DE", storageState: storageState.support });
  const log = await support.newPage();
  await log.goto("/support/audit");
  await log.getByLabel("Aktion", { exact: true }).selectOption({ label: "Weiterleitung hinzugefügt" });
  await log.getByRole("button", { name: "Filtern" }).click();
  await expect(log).toHaveURL(/action=mailbox\.forwarder\.add/);
  const row = log
    .getByRole("table", { name: "Audit-Ereignisse" })
    .getByRole("row")
    .filter({ hasText: ADDRESS })
    .filter({ hasText: "Abgelehnt" })
    .first();
  await expect(row).toContainText("Weiterleitung hinzugefügt");
  await expect(row).toContainText("Abgelehnt: das darf nur der Support.");
  await expectNoViolations(log);

  await log.goto("/support/audit?action=Weiterleitung&from=gestern");
  await expect(log.getByText("„Weiterleitung“ passt auf mehrere Aktionen; wählen Sie eine aus der Liste „Aktion“.")).toBeVisible();
  await expect(log.getByText("Das Datum bei „Von“ ist kein gültiges Datum und wurde ignoriert.")).toBeVisible();
  await support.close();
});
