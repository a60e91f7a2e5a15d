import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isStaff } from "@/lib/auth/roles";
import { OneClickForm } from "@/components/secure/one-click-form";
import { SecureMailboxForm } from "@/components/secure/secure-mailbox-form";
import { removeForwarder } from "../../../forwarders/address-actions";
import { secureMailboxForm, turnOffAutoresponderForm, unsuspendLoginForm } from "./secure-actions";
import type { MailboxSectionProps } from "./section-props";
import { mailboxPath } from "../tasks";

/** "Secure this mailbox", then the Restore checklist (with what is in effect now). */
export async function SecureSection({ user, account, mailbox }: MailboxSectionProps) {
  const t = await getTranslations("MailboxSections");
  const staff = isStaff(user.role);
  const linkClass = "text-blue-800 underline underline-offset-2";
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
          {t("secure.restoreChecklist")}
        </h3>
        <p>{t("secure.restoreIntro")}</p>
        <ol className="list-decimal space-y-3 pl-6">
          <li>
            {t.rich("secure.newPassword", {
              link: (chunks) => (
                <Link href={mailboxPath(account.id, mailbox.email, "password")} className={linkClass}>
                  {chunks}
                </Link>
              ),
            })}
          </li>
          <li>
            {mailbox.holdOutgoing
              ? t.rich("secure.outgoingHeld", {
                  link: (chunks) => (
                    <Link href={`${mailboxPath(account.id, mailbox.email, "options")}#outgoing-heading`} className={linkClass}>
                      {chunks}
                    </Link>
                  ),
                })
              : t("secure.outgoingNotHeld")}
          </li>
          <li>
            <div className="space-y-1">
              <p>{mailbox.suspendLogin ? t("secure.loginSuspended") : t("secure.loginAllowed")}</p>
              <OneClickForm
                fields={{ accountId: account.id, address: mailbox.email }}
                idPrefix="restore-login"
                label={t("secure.unsuspendLogin")}
                pendingLabel={t("secure.unsuspendingLogin")}
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
