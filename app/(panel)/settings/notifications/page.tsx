import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getNotificationSettings } from "@/lib/notify/preferences";
import { NotificationsForm } from "@/components/settings/notifications-form";
import { saveNotifications } from "./actions";

export const metadata: Metadata = { title: "E-mail notifications" };

export default async function NotificationsPage() {
  const user = await requireUser();
  const settings = await getNotificationSettings(user);
  return (
    <>
      <h1 className="text-2xl font-bold">E-mail notifications</h1>
      <p className="mt-1 text-sm text-slate-700">Mailroom writes to {user.email}.</p>
      <section aria-labelledby="security-mail-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
        <h2 id="security-mail-heading" className="text-lg font-semibold">
          Security notices (always sent)
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          So that you notice a change you did not make, these cannot be turned off. Each says who made the change, when, and what to do if it was not
          you; never a password or a token.
        </p>
        <ul className="mt-2 list-disc pl-6 text-sm">
          {settings.security.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-label="Optional e-mails" className="mt-4 rounded-md bg-white p-4 shadow-sm">
        <NotificationsForm options={settings.optional} action={saveNotifications} />
      </section>
    </>
  );
}
