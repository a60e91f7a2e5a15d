import "server-only";
import type { Actor } from "@/lib/core/actor";
import { notificationPreferencesOf, setNotificationPreference } from "@/lib/db/notification-preferences";

/** Mails a user may turn off; a kind added here (and worded in Notifications.kinds.<kind>) appears on /settings/notifications. */
export const OPTIONAL_NOTIFICATIONS = [{ kind: "weekly_summary", defaultEnabled: false }] as const;

export type OptionalNotificationKind = (typeof OPTIONAL_NOTIFICATIONS)[number]["kind"];

/** Security notices: always sent, listed on the settings page (worded in Notifications.security.<key>) so people know what to expect. */
export const SECURITY_NOTIFICATIONS = [
  "passwordChanged",
  "forwarder",
  "mailbox",
  "autoresponder",
  "twoFactorOff",
  "apiToken",
  "supportSession",
  "secured",
] as const;

export type NotificationSettings = {
  optional: { kind: OptionalNotificationKind; enabled: boolean }[];
  security: typeof SECURITY_NOTIFICATIONS;
};

/** The signed-in user's notification settings. */
export async function getNotificationSettings(actor: Actor): Promise<NotificationSettings> {
  const stored = await notificationPreferencesOf(actor.id);
  return {
    optional: OPTIONAL_NOTIFICATIONS.map((n) => ({ kind: n.kind, enabled: stored[n.kind] ?? n.defaultEnabled })),
    security: SECURITY_NOTIFICATIONS,
  };
}

/** Saves the signed-in user's choices for the optional mails (kinds not given are turned off, as an unticked box). */
export async function saveNotificationSettings(actor: Actor, enabled: ReadonlySet<string>): Promise<void> {
  for (const n of OPTIONAL_NOTIFICATIONS) await setNotificationPreference(actor.id, n.kind, enabled.has(n.kind));
}

/** Whether the user wants an optional kind of mail (for the jobs that send them). */
export async function wantsNotification(userId: string, kind: OptionalNotificationKind): Promise<boolean> {
  const stored = await notificationPreferencesOf(userId);
  return stored[kind] ?? OPTIONAL_NOTIFICATIONS.find((n) => n.kind === kind)!.defaultEnabled;
}
