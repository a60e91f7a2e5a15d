import type { Store } from "./state/store";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const PRODUCT: Record<string, string> = { cpaneld: "cPanel", webmaild: "Webmail", whostmgrd: "WHM" };

/**
 * The page behind a create_user_session URL: single use, like cPanel's one-time login sessions.
 * `whostmgrd` sessions open on the WHM port, `cpaneld`/`webmaild` on the cPanel port.
 */
export function loginPage(store: Store, port: "whm" | "cpanel", cpsess: string, session: string) {
  const row = store.consumeLoginSession(session, cpsess, port === "whm" ? ["whostmgrd"] : ["cpaneld", "webmaild"]);
  if (!row) {
    return {
      status: 401,
      html: "<!doctype html><title>Login expired</title><h1>This login link is invalid, expired or already used.</h1>",
    };
  }
  const product = PRODUCT[row.service] ?? row.service;
  return {
    status: 200,
    html: `<!doctype html><title>${product} — ${escape(row.user)}</title><h1>${product}</h1><p data-service="${row.service}" data-user="${escape(row.user)}">Signed in to ${product} as <strong>${escape(row.user)}</strong> (cPanel &amp; WHM emulator, one-time session).</p>`,
  };
}
