import { getTranslations } from "next-intl/server";
import { upstreamMessage } from "@/lib/i18n/upstream";
import type { Actor } from "@/lib/core/actor";
import { isStaff } from "@/lib/auth/roles";
import { passwordPolicyContext } from "@/lib/mail/passwords";
import { UpstreamError } from "@/lib/core/errors";
import { ErrorPanel } from "@/components/error-panel";
import { ChangePasswordForm } from "@/components/password/change-password-form";
import { changePassword } from "../actions";

type Props = { user: Actor; account: { id: string; serverId: string; serverName: string; cpanelUser: string }; email: string };

/** The "Password" section: the form, with cPanel's required strength read first so the meter agrees with cPanel. */
export async function PasswordSection({ user, account, email }: Props) {
  let policy;
  try {
    policy = await passwordPolicyContext(account, email);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return (
      <ErrorPanel title={(await getTranslations("MailboxSections"))("password.unavailable")}>
        <p>{await upstreamMessage(error)}</p>
      </ErrorPanel>
    );
  }
  return <ChangePasswordForm accountId={account.id} address={email} policy={policy} requireReason={isStaff(user.role)} action={changePassword} />;
}
