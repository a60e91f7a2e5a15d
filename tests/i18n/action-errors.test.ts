import { describe, expect, it, vi } from "vitest";
import { ForbiddenError, NotFoundError, RateLimitedError, ReasonRequiredError, UpstreamError, ValidationError } from "@/lib/core/errors";
import type { Locale } from "@/lib/i18n/locales";

// The reader's language, as lib/i18n/server would find it in a request (the user's setting or Accept-Language).
let reader: Locale = "en";
vi.mock("@/lib/i18n/server", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/i18n/server")>();
  return { ...real, requestLocale: async () => reader };
});
// The unknown error below is logged by design; the test needs no log line.
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  requestLog: () => ({ error: () => {} }),
}));
const { actionErrorState, localizedActionErrorState } = await import("@/lib/actions/action-errors");

const errors = [
  new ValidationError({ source: ["x"] }),
  new NotFoundError("No such forwarder"),
  new RateLimitedError(90),
  new UpstreamError("unavailable", "The cPanel server “cp1” cannot be reached right now. Try again in a moment."),
  new ForbiddenError("Nur der Support kann das."),
  new Error("internal detail"),
];

describe("a form's error in the reader's language", () => {
  it("English: exactly the domain's own sentences, as before", async () => {
    reader = "en";
    for (const error of errors) {
      const { message, fieldErrors } = await localizedActionErrorState(error, "req-1");
      expect({ message, fieldErrors }).toEqual({
        message: actionErrorState(error, "req-1").message,
        fieldErrors: actionErrorState(error, "req-1").fieldErrors,
      });
    }
  });

  it("German: the general sentences, a refusal already worded by the domain kept, field errors untouched", async () => {
    reader = "de";
    const messages = await Promise.all(errors.map(async (error) => (await localizedActionErrorState(error, "req-1")).message));
    expect(messages).toEqual([
      "Einige Felder müssen noch korrigiert werden.",
      "Das gibt es hier nicht: Es wurde vielleicht schon entfernt, oder Sie können es nicht sehen.",
      "Zu viele Versuche. Versuchen Sie es in 2 Minuten erneut.",
      "Der cPanel-Server ist gerade nicht erreichbar. Versuchen Sie es gleich noch einmal.",
      "Nur der Support kann das.",
      "Etwas ist schiefgelaufen, und nichts wurde bestätigt. Referenz req-1.",
    ]);
    expect((await localizedActionErrorState(errors[0], "req-1")).fieldErrors).toEqual({ source: ["x"] });
  });

  it("a staff change without a reason: the field's message and the form's, in Swedish", async () => {
    reader = "sv";
    const { message, fieldErrors } = await localizedActionErrorState(new ReasonRequiredError(10), "req-1");
    expect({ message, fieldErrors }).toEqual({
      message: "Ändringar som supporten gör kräver en anledning.",
      fieldErrors: { reason: ["Ange en anledning på minst 10 tecken (ett ärendenummer hjälper); den sparas i granskningsloggen"] },
    });
    reader = "en";
    expect((await localizedActionErrorState(new ReasonRequiredError(10), "req-1")).fieldErrors).toEqual({
      reason: ["Give a reason of at least 10 characters (a ticket number helps); it goes to the audit log"],
    });
  });

  it("cPanel's own words stay as cPanel wrote them, marked as cPanel's", async () => {
    reader = "en";
    const refused = new UpstreamError("rejected", "cPanel refused the request: Quota exceeded", { cpanelSays: "Quota exceeded" });
    expect((await localizedActionErrorState(refused, "req-1")).message).toBe("cPanel says: Quota exceeded");
  });
});
