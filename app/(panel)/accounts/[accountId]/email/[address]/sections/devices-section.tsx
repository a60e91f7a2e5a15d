import { getTranslations } from "next-intl/server";
import { upstreamMessage } from "@/lib/i18n/upstream";
import { UpstreamError } from "@/lib/core/errors";
import { getDeviceSetup, type DeviceSetup } from "@/lib/mail/device-setup";
import { isStaff } from "@/lib/auth/roles";
import { DeviceSettings } from "@/components/devices/device-settings";
import { EmailSettingsForm } from "@/components/devices/email-settings-form";
import { emailSettingsForm } from "./devices-actions";
import type { MailboxSectionProps } from "./section-props";

/** "Set up devices": cPanel's mail client settings as a table, a QR code of them and an Apple profile to download. */
export async function DevicesSection({ user, account, mailbox }: MailboxSectionProps) {
  let setup: DeviceSetup;
  try {
    setup = await getDeviceSetup(user, account.id, mailbox.email);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return (
      <p role="alert" className="mt-2 text-sm text-red-800">
        {(await getTranslations("MailboxSections"))("devices.unavailable", { error: await upstreamMessage(error) })}
      </p>
    );
  }
  return (
    <>
      <DeviceSettings
        settings={setup.settings}
        text={setup.text}
        qrSvg={setup.qrSvg}
        profileHref={`/accounts/${account.id}/email/${encodeURIComponent(mailbox.email)}/mobileconfig`}
      />
      <div className="mt-6 border-t border-slate-200 pt-4">
        <EmailSettingsForm accountId={account.id} address={mailbox.email} requireReason={isStaff(user.role)} action={emailSettingsForm} />
      </div>
    </>
  );
}
