import "server-only";
import type { Actor } from "@/lib/core/actor";
import { createApiToken, listApiTokens, revokeApiToken, type ApiToken } from "@/lib/db/api-tokens";
import { confirmPanelPassword } from "@/lib/auth/panel-password";
import { auditWrite } from "@/lib/audit/write";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import type { WriteContext } from "@/lib/core/write-context";
import { apiScopes, type ApiScope } from "@/lib/auth/scopes";
import { notifyUser } from "@/lib/notify/notify-owners";
import { translator } from "@/lib/i18n/server";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The actor's own API tokens (never the secrets, which are not stored). */
export async function listMyApiTokens(actor: Actor): Promise<ApiToken[]> {
  return listApiTokens(actor.id);
}

/**
 * Creates an API token for the actor after they re-enter their panel password (a stolen session alone
 * cannot mint long-lived credentials, nor guess the password faster than sign-in allows). Returns the secret, which is shown once and never stored.
 */
export async function createMyApiToken(
  context: WriteContext,
  input: { name: string; scopes: ApiScope[]; expiresInDays: number | null; currentPassword: string },
): Promise<{ token: string; apiToken: ApiToken }> {
  const scopes = input.scopes.filter((s) => (apiScopes as readonly string[]).includes(s));
  if (scopes.length === 0) throw new ValidationError({ scopes: [(await translator("Fields"))("chooseScope")] });
  await confirmPanelPassword(context, input.currentPassword, { action: "api_token.create", target: input.name });
  const created = await createApiToken({
    userId: context.actor.id,
    name: input.name,
    scopes,
    expiresAt: input.expiresInDays === null ? null : Date.now() + input.expiresInDays * DAY_MS,
  });
  await auditWrite(context, {
    accountId: null,
    action: "api_token.create",
    target: created.apiToken.name,
    outcome: "success",
    detail: { tokenId: created.apiToken.id, scopes, expiresAt: created.apiToken.expiresAt },
  });
  await notifyUser(context, context.actor.id, { kind: "api_token.created", tokenName: created.apiToken.name, scopes });
  return created;
}

/** Revokes one of the actor's tokens at once; someone else's token id is a NotFoundError. */
export async function revokeMyApiToken(context: WriteContext, tokenId: string): Promise<void> {
  if (!(await revokeApiToken(tokenId, context.actor.id))) throw new NotFoundError("No such token");
  await auditWrite(context, { accountId: null, action: "api_token.revoke", target: tokenId, outcome: "success" });
}
