import "server-only";
import { UpstreamError } from "@/lib/core/errors";
import { translator } from "./server";

/**
 * The sentence for a failed cPanel call in the reader's language: cPanel's own words exactly as cPanel wrote them,
 * marked as cPanel's ("cPanel says: …", only the mark translated), never half-translated; else the error's message.
 */
export async function upstreamMessage(error: UpstreamError): Promise<string> {
  if (error.cpanelSays === undefined) return error.message;
  return (await translator("Form"))("cpanelSays", { message: error.cpanelSays });
}
