import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { localeFromAcceptLanguage, resolveLocale } from "@/lib/i18n/locales";
import { problemResponse } from "@/lib/api/problem";
import { passwordViolationMessages } from "@/lib/i18n/password-messages";
import { evaluatePassword } from "@/lib/password/policy";
import sv from "@/messages/sv.json";

describe("choosing the locale", () => {
  it("reads Accept-Language by quality, matches regional tags to our languages, and ignores the rest", () => {
    expect(localeFromAcceptLanguage("sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("sv");
    expect(localeFromAcceptLanguage("fr-FR, de;q=0.5, en;q=0.4")).toBe("de");
    expect(localeFromAcceptLanguage("en;q=0.2, de-AT;q=0.9")).toBe("de");
    expect(localeFromAcceptLanguage("fr, it;q=0.8")).toBeNull();
    expect(localeFromAcceptLanguage("de;q=0, *")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });

  it("prefers the user's setting, then the browser, then English", () => {
    expect(resolveLocale("de", "sv")).toBe("de");
    expect(resolveLocale(null, "sv-FI")).toBe("sv");
    expect(resolveLocale("xx", "fr")).toBe("en");
  });
});

describe("words outside pages", () => {
  it("problem+json: the title and the REST layer's own detail in the caller's language, the code unchanged", async () => {
    const words = createTranslator({ locale: "sv", messages: sv, namespace: "Problems" });
    const body = await problemResponse({ code: "not_found", detail: { key: "notFound" }, instance: "/x", requestId: "r" }, words).json();
    expect(body).toMatchObject({
      code: "not_found",
      type: "urn:mailroom:problem:not_found",
      title: "Hittades inte",
      detail: "Resursen finns inte, eller så är den inte din.",
    });
    const english = await problemResponse({ code: "not_found", detail: "A domain's own words", instance: "/x", requestId: "r" }).json();
    expect(english).toMatchObject({ title: "Not found", detail: "A domain's own words" });
  });

  it("the password policy's refusals, from its codes, in each language", async () => {
    const { violations } = evaluatePassword("abc", { email: "info@example.com" });
    expect(await passwordViolationMessages(violations, "en")).toEqual(expect.arrayContaining(["Use at least 8 characters", "Add a digit"]));
    expect(await passwordViolationMessages(violations, "sv")).toEqual(expect.arrayContaining(["Använd minst 8 tecken", "Lägg till en siffra"]));
    expect(await passwordViolationMessages(violations, "de")).toEqual(
      expect.arrayContaining(["Verwenden Sie mindestens 8 Zeichen", "Fügen Sie eine Ziffer hinzu"]),
    );
  });
});
