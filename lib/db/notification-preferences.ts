import "server-only";
import { getDb } from "./client";

/** The user's stored choices (kind → on/off); kinds without a row keep their default. */
export async function notificationPreferencesOf(userId: string): Promise<Record<string, boolean>> {
  const db = await getDb();
  const rows = await db.selectFrom("notification_preferences").select(["kind", "enabled"]).where("user_id", "=", userId).execute();
  return Object.fromEntries(rows.map((row) => [row.kind, row.enabled === 1]));
}

/** Stores the user's choice for one kind of mail. */
export async function setNotificationPreference(userId: string, kind: string, enabled: boolean, now = Date.now()): Promise<void> {
  const db = await getDb();
  await db
    .insertInto("notification_preferences")
    .values({ user_id: userId, kind, enabled: enabled ? 1 : 0, updated_at: now })
    .onConflict((oc) => oc.columns(["user_id", "kind"]).doUpdateSet({ enabled: enabled ? 1 : 0, updated_at: now }))
    .execute();
}
