import { expect, test, type Page } from "@playwright/test";
import { rememberSecret } from "./support/secrets";
import { storageState } from "./support/users";
import { expectNoViolations } from "./support/pages";

// The panel in Swedish and German: chosen on /settings (stored on the login) or by the browser's language
// (Accept-Language from the context's locale). English stays the default for every other spec (en-US browser).

/** The words this spec checks, per language: as the messages say them, so a wrong or missing translation fails. */
const words = {
  sv: {
    newPassword: "Nytt lösenord",
    confirm: "Bekräfta det nya lösenordet",
    change: "Byt lösenord",
    meter: "Lösenordets styrka",
    rules: "Lösenordsregler",
    digitRule: "En siffra",
    noPassword: "Inget lösenord än",
    forwardersTab: "Vidarebefordringar",
    forwardersHeading: (domain: string) => `Vidarebefordringar för ${domain}`,
    address: "Adress",
    forwardTo: "Vidarebefordra till",
    add: "Lägg till vidarebefordran",
    added: (source: string, to: string) =>
      `Vidarebefordran har lagts till för ${source}. E-post till ${source} sparas inte, utan blir skickad till ${to}.`,
    remove: (source: string, to: string) => `Ta bort vidarebefordran från ${source} till ${to}`,
    removed: "Vidarebefordran har tagits bort.",
    notMet: "inte uppfyllt än",
    overview: "Översikt",
    mailboxTasks: "Uppgifter för e-postlådan",
  },
  de: {
    newPassword: "Neues Passwort",
    confirm: "Neues Passwort bestätigen",
    change: "Passwort ändern",
    meter: "Passwortstärke",
    rules: "Passwortregeln",
    digitRule: "Eine Ziffer",
    noPassword: "Noch kein Passwort",
    forwardersTab: "Weiterleitungen",
    forwardersHeading: (domain: string) => `Weiterleitungen von ${domain}`,
    address: "Adresse",
    forwardTo: "Weiterleiten an",
    add: "Weiterleitung hinzufügen",
    added: (source: string, to: string) =>
      `Weiterleitung für ${source} hinzugefügt. E-Mails an ${source} werden nicht gespeichert, sondern an ${to} gesendet.`,
    remove: (source: string, to: string) => `Weiterleitung von ${source} an ${to} entfernen`,
    removed: "Weiterleitung entfernt.",
    notMet: "noch nicht erfüllt",
    overview: "Übersicht",
    mailboxTasks: "Aufgaben für das Postfach",
  },
} as const;

type Language = keyof typeof words;

/** A mailbox's page through the account list (the domain and the address are the links' names in any language). */
async function openMailboxPage(page: Page, address: string) {
  await page.goto("/accounts");
  await page.getByRole("link", { name: address.slice(address.indexOf("@") + 1), exact: true }).click();
  await page.getByRole("link", { name: address, exact: true }).click();
  await expect(page.getByRole("heading", { name: address, level: 1 })).toBeVisible();
}

async function changePassword(page: Page, language: Language, address: string) {
  const w = words[language];
  await openMailboxPage(page, address);
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  // The mailbox's hub speaks the language too: its overview, its task buttons, and the task's own heading.
  await expect(page.getByRole("heading", { name: w.overview, level: 2 })).toBeVisible();
  await page.getByRole("navigation", { name: w.mailboxTasks }).getByRole("link", { name: w.change, exact: true }).click();
  await expect(page.getByRole("heading", { name: w.change, level: 2 })).toBeVisible();
  const field = page.getByLabel(w.newPassword, { exact: true });
  await expect(page.getByRole("meter", { name: w.meter })).toHaveAttribute("aria-valuetext", w.noPassword);
  await field.fill("abc");
  await expect(page.getByRole("list", { name: w.rules }).getByText(w.digitRule)).toContainText(w.notMet);
  const password = rememberSecret(`Quartz-harbor-1984-${language}-lantern`);
  await field.fill(password);
  await page.getByLabel(w.confirm, { exact: true }).fill(password);
  await page.getByRole("button", { name: w.change, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: address })).toBeVisible();
  await expect(field).toHaveValue("");
  await expectNoViolations(page);
}

async function addAndRemoveForwarder(page: Page, language: Language, accountDomain: string, address: string) {
  const w = words[language];
  // A retry of the full run (scripts/e2e.ts) starts on a new address: the first try may have left its forwarder.
  const retry = test.info().retry;
  const source = retry ? address.replace("@", `-retry${retry}@`) : address;
  const destination = `i18n-${language}@example.net`;
  await page.goto("/accounts");
  await page.getByRole("link", { name: accountDomain, exact: true }).click();
  await page.getByRole("link", { name: w.forwardersTab, exact: true }).click();
  // The mailbox list being left has an "Address" field too (its new-mailbox form): wait for the forwarders page.
  await expect(page.getByRole("heading", { name: w.forwardersHeading(accountDomain), level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  await page.getByLabel(w.address, { exact: true }).fill(source);
  await page.getByLabel(w.forwardTo, { exact: true }).fill(destination);
  await page.getByRole("button", { name: w.add, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: w.added(source, destination) })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole("button", { name: w.remove(source, destination), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: w.removed })).toBeVisible();
  await expect(page.getByRole("button", { name: w.remove(source, destination) })).toHaveCount(0);
}

/** Chooses a language on /settings as a person does; "browser" goes back to the default. Labels are each language's own name. */
async function chooseLanguage(page: Page, choice: "Svenska" | "Deutsch" | "browser") {
  await page.goto("/settings");
  const radios = page.getByRole("radio");
  if (choice === "browser") await radios.first().check();
  else await page.getByRole("radio", { name: choice, exact: true }).check();
  // The button speaks the page's language, which is what is being changed.
  await page.getByRole("button", { name: /^(Save language|Spara språk|Sprache speichern)$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved|sparat|gespeichert/ })).toBeVisible();
}

test.describe("with the language chosen on /settings", () => {
  // other@example.net: its setting cannot change what the customer's specs read.
  test.use({ storageState: storageState.other });
  test.afterEach(async ({ page }) => chooseLanguage(page, "browser"));

  test("Swedish: the settings page, a password change and a forwarder", async ({ page }) => {
    await chooseLanguage(page, "Svenska");
    await expect(page.getByRole("status")).toHaveText(/Ditt språk är sparat\./);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { name: "Inställningar", level: 1 })).toBeVisible();
    await expectNoViolations(page);
    await changePassword(page, "sv", "info@example.net");
    await addAndRemoveForwarder(page, "sv", "example.net", "i18n-fwd-sv@example.net");
  });

  test("German: a password change and a forwarder", async ({ page }) => {
    await chooseLanguage(page, "Deutsch");
    await expect(page.getByRole("status")).toHaveText(/Ihre Sprache ist gespeichert\./);
    await changePassword(page, "de", "info@example.net");
    await addAndRemoveForwarder(page, "de", "example.net", "i18n-fwd-de@example.net");
  });
});

test.describe("with the browser's language (Accept-Language)", () => {
  test.use({ storageState: storageState.customer, locale: "de-DE" });

  // The forwarder flow in each language runs with the language chosen on /settings (above); here the browser's language
  // reaches the password change, the forwarders page's checks (below) and the sign-in page.
  test("German from the browser: sign-in page and password change", async ({ page, browser }) => {
    await changePassword(page, "de", "info@example.com");
    // The sign-in page follows Accept-Language too (a visitor has no setting).
    const visitor = await browser.newContext({ locale: "sv-SE", storageState: { cookies: [], origins: [] } });
    const login = await visitor.newPage();
    await login.goto("/login");
    await expect(login.locator("html")).toHaveAttribute("lang", "sv");
    await expect(login.getByRole("heading", { name: "Logga in på Mailroom" })).toBeVisible();
    await expect(login.getByRole("button", { name: "Logga in" })).toBeVisible();
    await expectNoViolations(login);
    await visitor.close();
  });

  test("German from the browser: the forwarding checks' refusals, in the browser and from the server", async ({ page }) => {
    const w = words.de;
    await page.goto("/accounts");
    await page.getByRole("link", { name: "example.com", exact: true }).click();
    await page.getByRole("link", { name: w.forwardersTab, exact: true }).click();
    // The whole page, not its skeleton: the browser's check needs the form it belongs to.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const address = page.getByLabel(w.address, { exact: true });
    // The browser's check (lib/forwarding/address.ts) before anything is sent.
    await address.fill("niemand");
    await page.getByLabel(w.forwardTo, { exact: true }).fill("i18n-check-de@example.org");
    await page.getByRole("button", { name: w.add, exact: true }).click();
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "„niemand“ ist keine vollständige E-Mail-Adresse; ergänzen Sie das @ und die Domain, etwa name@example.com" }),
    ).toBeVisible();
    await expect(address).toHaveAttribute("aria-invalid", "true");
    // Only the server knows the account's forwarders: hello@example.com already forwards to info@example.com (demo data).
    await address.fill("info@example.com");
    await page.getByLabel(w.forwardTo, { exact: true }).fill("hello@example.com");
    await page.getByRole("button", { name: w.add, exact: true }).click();
    await expect(
      page.getByRole("alert").filter({
        hasText: "Eine Weiterleitung an hello@example.com würde E-Mails im Kreis schicken: info@example.com → hello@example.com → info@example.com",
      }),
    ).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Einige Felder müssen noch korrigiert werden." })).toBeVisible();
  });

  test.describe("in Swedish", () => {
    test.use({ locale: "sv-SE" });
    test("Swedish from the browser: password change", async ({ page }) => {
      await changePassword(page, "sv", "info@example.com");
    });
  });
});
