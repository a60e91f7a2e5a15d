import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { accountOr404 } from "./account-or-404";

/**
 * Decides "not yours" (a real 404 status) before anything streams: the account's pages have loading states
 * (loading.tsx), which start the answer before the page itself runs. The pages read the account again (memoized).
 */
export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ accountId: string }> }) {
  const user = await requireUser();
  await accountOr404(user, (await params).accountId);
  return children;
}
