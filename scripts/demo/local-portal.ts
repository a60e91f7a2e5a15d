import { join } from "node:path";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_LABEL } from "../../e2e/support/oidc-portal";
import { startChild, waitForHttp } from "./processes";

/**
 * `npm run demo -- --oidc`: starts the e2e run's stand-in for the hosting company's portal (a real OpenID Connect
 * provider, e2e/support/oidc-provider.ts) and returns the OIDC_* variables that point the panel at it.
 */
export async function startLocalPortal(root: string, env: NodeJS.ProcessEnv, panelPort: number, portalPort: number): Promise<Record<string, string>> {
  const issuer = `http://127.0.0.1:${portalPort}`;
  startChild(
    join(root, "node_modules", ".bin", "tsx"),
    ["e2e/support/oidc-provider.ts"],
    { ...env, OIDC_PROVIDER_PORT: String(portalPort), OIDC_PANEL_URLS: `http://localhost:${panelPort}` },
    "The portal",
  );
  await waitForHttp(`${issuer}/.well-known/openid-configuration`, 30_000);
  return { OIDC_ISSUER: issuer, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_LABEL };
}
