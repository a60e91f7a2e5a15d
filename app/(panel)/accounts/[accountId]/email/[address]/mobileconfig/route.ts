import { currentUser } from "@/lib/auth/session";
import { NotFoundError, UpstreamError } from "@/lib/core/errors";
import { getClientSettings, mobileConfig } from "@/lib/mail/device-setup";

type Context = { params: Promise<{ accountId: string; address: string }> };

/**
 * The mailbox as an Apple configuration profile (iPhone, iPad, macOS Mail), from cPanel's client settings. No password
 * inside. Whoever may see the mailbox may download it; everyone else gets a 404.
 */
export async function GET(_request: Request, { params }: Context) {
  const actor = await currentUser();
  if (!actor) return new Response("Not found", { status: 404 });
  const { accountId, address } = await params;
  let settings;
  try {
    settings = await getClientSettings(actor, accountId, decodeURIComponent(address));
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    if (error instanceof UpstreamError) return new Response(error.message, { status: 502, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
  const filename = `${settings.email.replace(/[^A-Za-z0-9@._-]/g, "_")}.mobileconfig`;
  return new Response(mobileConfig(settings), {
    headers: {
      "content-type": "application/x-apple-aspen-config",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
