import { apiRoute } from "@/lib/api/route";
import { bulkActionsRoute } from "@/lib/api/routes/bulk-actions";
import { previewBulkAction, startBulkAction, type BulkAction } from "@/lib/mail/bulk-mailboxes";

/** POST …/bulk-actions — previews (dryRun) or queues an action on many mailboxes of the account. */
export const POST = apiRoute(bulkActionsRoute.POST, async ({ context, params, body }) => {
  const action: BulkAction = body.action === "set_quota" ? { kind: "set_quota", quotaMb: body.quotaMb ?? null } : { kind: body.action };
  if (body.dryRun) {
    const plan = await previewBulkAction(context.actor, params.accountId, body.addresses, action);
    return { status: 200, body: { accountId: plan.accountId, dryRun: true as const, items: plan.items, accountCalls: plan.accountCalls } };
  }
  const { jobId } = await startBulkAction(context, params.accountId, body.addresses, action);
  const href = `/api/v2/jobs/${jobId}`;
  return { body: { jobId, href }, headers: { location: href } };
});
