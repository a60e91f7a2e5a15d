import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import de from "@/messages/de.json";
import { checkWordsFrom, ENGLISH_CHECKS, englishCheckWords } from "./check-words";
import { normalizeAddress } from "./address";

describe("the forwarding checks' words", () => {
  it("the English default is the English of messages/en.json, word for word", () => {
    expect(ENGLISH_CHECKS).toEqual(en.Forwarding.checks);
    const t = checkWordsFrom(createTranslator({ locale: "en", messages: en, namespace: "Forwarding" }));
    expect(t("fullAddMore", { max: 20, source: "a@example.com", count: 19, room: 1 })).toBe(
      englishCheckWords("fullAddMore", { max: 20, source: "a@example.com", count: 19, room: 1 }),
    );
  });

  it("words a refusal in the language it is given", () => {
    const german = checkWordsFrom(createTranslator({ locale: "de", messages: de, namespace: "Forwarding" }));
    expect(normalizeAddress("info", german)).toEqual({
      ok: false,
      message: "„info“ ist keine vollständige E-Mail-Adresse; ergänzen Sie das @ und die Domain, etwa name@example.com",
    });
    expect(normalizeAddress("info")).toEqual({
      ok: false,
      message: "“info” is not a full email address; add the @ and the domain, like name@example.com",
    });
  });
});
