import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/core/actor";
import { NotFoundError } from "@/lib/core/errors";
import { bulkJobFor, type BulkJobView } from "@/lib/mail/bulk-jobs";

/** The bulk job for a page if the user may see it (its account is theirs, or they are staff); else a real 404. */
export async function jobOr404(user: Actor, jobId: string): Promise<BulkJobView> {
  try {
    return await bulkJobFor(user, jobId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
