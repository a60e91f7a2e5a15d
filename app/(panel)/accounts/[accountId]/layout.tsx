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
  // The messages of the client components of the account's pages (password fields, forwarding, the mailbox list's and
  // the mailbox hub's forms, the summary chips and quota bar), in the request's locale only. Here once rather than
  // around each form: a provider nested inside would replace these messages, not add to them.
  return (
    <IntlProvider
      namespaces={[
        "Account",
        "Password",
        "PasswordPolicy",
        "Forwarding",
        "ReasonField",
        "ConfirmAction",
        "MailboxOptions",
        "Devices",
        "SecureMailbox",
        "Bulk",
        "MailboxChips",
      ]}
    >
      {children}
    </IntlProvider>
  );
}
