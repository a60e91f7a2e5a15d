import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { IntlProvider } from "@/components/intl-provider";
import { accountOr404 } from "./account-or-404";

/**
 * Decides "not yours" (a real 404 status) before anything streams: the account's pages have loading states
 * (loading.tsx), which start the answer before the page itself runs. The pages read the account again (memoized).
 */
export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ accountId: string }> }) {
  const user = await requireUser();
  await accountOr404(user, (await params).accountId);
  // The messages of the client forms shared by the account's pages (password fields, forwarding). Here rather than
  // around each form while the mailbox pages are still being converted; only the request's locale is sent.
  return <IntlProvider namespaces={["Account", "Password", "PasswordPolicy", "Forwarding", "ReasonField", "ConfirmAction", "MailboxOptions", "Devices", "SecureMailbox", "Bulk", "MailboxChips"]}>{children}</IntlProvider>;
}
