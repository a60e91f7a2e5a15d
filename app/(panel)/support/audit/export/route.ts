import { currentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { auditLogCsv, type AuditLogQuery } from "@/lib/mail/activity";

/** The filtered audit log as a CSV download (staff only; everyone else gets a 404). */
export async function GET(request: Request) {
  const actor = await currentUser();
  if (!actor || !isStaff(actor.role)) return new Response("Not found", { status: 404 });
  const params = new URL(request.url).searchParams;
  const query: AuditLogQuery = {};
  for (const key of ["actor", "account", "action", "outcome", "from", "to"] as const) {
    const value = params.get(key)?.trim().slice(0, 200);
    if (value) query[key] = value;
  }
  const lines = auditLogCsv(actor, query);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="mailroom-audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
