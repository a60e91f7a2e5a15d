import "server-only";
import {
  CpanelApiError,
  CpanelAuthError,
  CpanelConfigError,
  CpanelProtocolError,
  CpanelTimeoutError,
  CpanelUnavailableError,
} from "@/lib/cpanel";
import { AccountNotEligibleError, UpstreamError } from "@/lib/mail/errors";

/** Turns the cPanel client's typed errors into one domain error with a sentence a customer can act on. */
export function toUpstreamError(error: unknown, serverName: string): unknown {
  if (error instanceof CpanelTimeoutError) {
    return new UpstreamError("timeout", `The cPanel server “${serverName}” did not answer in time. Nothing was shown as done; try again in a moment.`, { cause: error });
  }
  if (error instanceof CpanelUnavailableError) {
    return new UpstreamError("unavailable", `The cPanel server “${serverName}” cannot be reached right now. Try again in a moment.`, { cause: error });
  }
  if (error instanceof CpanelAuthError) {
    return new UpstreamError("auth", `The panel's access to the cPanel server “${serverName}” was refused. Support has to renew the server's API token.`, { cause: error });
  }
  if (error instanceof CpanelApiError) {
    const reason = error.messages.join(" ").trim() || "no reason given";
    return new UpstreamError("rejected", `cPanel refused the request: ${reason}`, { cause: error });
  }
  if (error instanceof CpanelConfigError) {
    return new AccountNotEligibleError(`The panel is not set up to manage this account on “${serverName}” (for example, the server's token is for another cPanel user).`);
  }
  if (error instanceof CpanelProtocolError) {
    return new UpstreamError("protocol", `The cPanel server “${serverName}” sent an answer the panel does not understand.`, { cause: error });
  }
  return error;
}

/** Runs a cPanel call and rethrows its failure as an UpstreamError. */
export async function fromCpanel<T>(serverName: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toUpstreamError(error, serverName);
  }
}
