import Link from "next/link";
import { isStaff } from "@/lib/auth/roles";
import { OneClickForm } from "@/components/secure/one-click-form";
import { SecureMailboxForm } from "@/components/secure/secure-mailbox-form";
import { removeForwarder } from "../../../forwarders/address-actions";
import { secureMailboxForm, turnOffAutoresponderForm, unsuspendLoginForm } from "./secure-actions";
import type { MailboxSectionProps } from "./section-props";
import { mailboxPath } from "../tasks";

/** "Secure this mailbox", then the Restore checklist (with what is in effect now). */
export function SecureSection({ user, account, mailbox }: MailboxSectionProps) {
  const staff = isStaff(user.role);
  return (
    <>
      <SecureMailboxForm
        accountId={account.id}
        address={mailbox.email}
        requireReason={staff}
        action={secureMailboxForm}
        removeForwarder={removeForwarder}
        turnOffAutoresponder={turnOffAutoresponderForm}
      />
      {/* Always rendered, so a step's status message stays after its own success changes the state. */}
      <section aria-labelledby="restore-heading" className="mt-4 space-y-2 text-sm">
        <h3 id="restore-heading" className="font-semibold">
          Restore checklist
        </h3>
        <p>After securing the mailbox, when it is safe again (a new password, forwarding reviewed), undo the lock-down:</p>
        <ol className="list-decimal space-y-3 pl-6">
          <li>
            Set a new password with the{" "}
            <Link href={mailboxPath(account.id, mailbox.email, "password")} className="text-blue-800 underline underline-offset-2">
              password form
            </Link>
            , and update it in the owner&apos;s mail apps.
          </li>
          <li>
            {mailbox.holdOutgoing ? (
              <>
                Outgoing mail is held: delete the held messages (spam) or release them in{" "}
                <Link
                  href={`${mailboxPath(account.id, mailbox.email, "options")}#outgoing-heading`}
                  className="text-blue-800 underline underline-offset-2"
                >
                  Outgoing mail
                </Link>
                .
              </>
            ) : (
              <>Outgoing mail is not held.</>
            )}
          </li>
          <li>
            <div className="space-y-1">
              <p>{mailbox.suspendLogin ? "Login is suspended: allow it again." : "Login is allowed."}</p>
              <OneClickForm
                fields={{ accountId: account.id, address: mailbox.email }}
                idPrefix="restore-login"
                label="Unsuspend login"
                pendingLabel="Unsuspending login…"
                requireReason={staff}
                action={unsuspendLoginForm}
              />
            </div>
          </li>
        </ol>
      </section>
    </>
  );
}
