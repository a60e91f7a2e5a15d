import "server-only";
import { CpanelApiError, CpanelAuthError, CpanelConfigError, CpanelProtocolError, CpanelTimeoutError, CpanelUnavailableError } from "@/lib/cpanel";
import { AccountNotEligibleError, NotFoundError, UpstreamError } from "@/lib/core/errors";
import { timed } from "@/lib/timings";

/** Turns the cPanel client's typed errors into one domain error with a sentence a customer can act on. */
export function toUpstreamError(error: unknown, serverName: string): unknown {
  if (error instanceof CpanelTimeoutError) {
    return new UpstreamError(
      "timeout",
      `The cPanel server “${serverName}” did not answer in time. Nothing was shown as done; try again in a moment.`,
      { cause: error },
    );
  }
  if (error instanceof CpanelUnavailableError) {
    return new UpstreamError("unavailable", `The cPanel server “${serverName}” cannot be reached right now. Try again in a moment.`, {
      cause: error,
    });
  }
  if (error instanceof CpanelAuthError) {
    // WHM answers a revoked token and a call the token lacks the ACL for alike (403, "Access denied").
    return new UpstreamError(
      "auth",
      `The panel's access to the cPanel server “${serverName}” was refused. Either its API token was revoked, or it lacks a ` +
        `privilege: without the “cpanel-api” ACL the panel cannot read or change any ` +
        `mailboxes, forwarders or autoresponders. Support has to renew the token or grant the privilege.`,
      { cause: error },
    );
  }
  if (error instanceof CpanelApiError && error.kind === "account-not-found") {
    return new NotFoundError(`The cPanel account is not on the server “${serverName}” any more.`);
  }
  if (error instanceof CpanelApiError && error.kind === "not-owner") {
    return new UpstreamError(
      "auth",
      `The server “${serverName}” is connected with a reseller's token, and this account belongs to another reseller: the panel may not manage it.`,
      { cause: error },
    );
  }
  if (error instanceof CpanelApiError) {
    const reason = error.messages.join(" ").trim() || "no reason given";
    return new UpstreamError("rejected", `cPanel refused the request: ${reason}`, { cause: error, cpanelSays: reason });
  }
  if (error instanceof CpanelConfigError) {
    return new AccountNotEligibleError(
      `The panel is not set up to manage this account on “${serverName}” (for example, the server's token is for another cPanel user).`,
    );
  }
  if (error instanceof CpanelProtocolError) {
    return new UpstreamError("protocol", `The cPanel server “${serverName}” sent an answer the panel does not understand.`, { cause: error });
  }
  return error;
}

/** Runs a cPanel call and rethrows its failure as an UpstreamError. */
export async function fromCpanel<T>(serverName: string, call: () => Promise<T>): Promise<T> {
  try {
    return await timed("cpanel", call);
  } catch (error) {
    throw toUpstreamError(error, serverName);
  }
}
