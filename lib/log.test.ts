import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";

// The same redaction the panel's logger uses, checked on a captured stream.
describe("log redaction", () => {
  it("removes passwords, tokens, cookies and Authorization headers at any depth", async () => {
    let out = "";
    const stream = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const { LOG_REDACTION } = await import("./log");
    const logger = pino({ redact: LOG_REDACTION }, stream);
    logger.info(
      {
        newPassword: "Hunter-2-secret",
        req: { headers: { authorization: "Bearer mr_abc", cookie: "next-auth.session-token=xyz" } },
        token: "mr_def",
        nested: { deeper: { password: "p4ss" } },
      },
      "hello",
    );
    for (const secret of ["Hunter-2-secret", "mr_abc", "session-token=xyz", "mr_def", "p4ss"]) expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
  });
});
