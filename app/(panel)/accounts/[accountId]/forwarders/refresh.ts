import "server-only";
import { revalidatePath } from "next/cache";
import { singleLine } from "@/lib/validation/single-line";

/** The staff reason every forwarding form may carry (DESIGN §2). */
export const reasonField = singleLine("The reason").max(500, "Keep the reason under 500 characters").optional();

/** Both pages that show forwarders re-read them from cPanel, so the list is what cPanel reports afterwards. */
export function refreshForwardingPages() {
  // The layout too: a mailbox's summary says how many destinations it forwards to.
  revalidatePath("/accounts/[accountId]/email/[address]", "layout");
  revalidatePath("/accounts/[accountId]/forwarders", "page");
}
