import { currentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { openAccountSession } from "@/lib/mail/support";
import { NotFoundError, UpstreamError, ValidationError, AccountNotEligibleError } from "@/lib/mail/errors";
import { writeContext } from "@/lib/mail/write-context";

function page(status: number, title: string, text: string): Response {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body style="font-family:system-ui;margin:2rem"><main><h1>${escape(title)}</h1><p>${escape(text)}</p><p>Close this tab and try again from the Support page.</p></main></body></html>`;
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

/**
 * Opens cPanel or Webmail as the account: creates a one-time session (WHM create_user_session) and sends
 * this tab there. The link exists only in this response's Location header: never logged, stored or shown.
 */
export async function POST(request: Request, { params }: { params: Promise<{ accountId: string }> }) {
  // Server actions check the origin themselves; a plain POST route has to.
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin) return page(403, "Refused", "This request did not come from the panel.");
  const actor = await currentUser();
  if (!actor) return page(401, "Signed out", "Your panel session has ended. Sign in again.");
  if (!isStaff(actor.role)) return page(404, "Page not found", "There is no such page.");

  const { accountId } = await params;
  const form = await request.formData();
  const service = form.get("service") === "webmaild" ? "webmaild" : "cpaneld";
  const reason = typeof form.get("reason") === "string" ? String(form.get("reason")) : undefined;
  const context = writeContext(actor, "web", reason);
  try {
    const { url } = await openAccountSession(context, accountId, service);
    return new Response(null, { status: 303, headers: { location: url, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
  } catch (error) {
    if (error instanceof NotFoundError) return page(404, "Page not found", "There is no such page.");
    if (error instanceof ValidationError) return page(400, "A reason is needed", Object.values(error.fieldErrors).flat().join(" "));
    if (error instanceof UpstreamError || error instanceof AccountNotEligibleError) return page(502, "cPanel could not open a session", error.message);
    console.error(`[${context.requestId}] opening a cPanel session failed:`, error instanceof Error ? error.name : typeof error);
    return page(500, "Something went wrong", `Nothing was opened. Reference ${context.requestId}.`);
  }
}
