/**
 * A hosting company's portal as an OpenID Connect provider, for the e2e run (playwright.config.ts starts it)
 * and for trying single sign-on by hand:
 *
 *   npx tsx e2e/support/oidc-provider.ts            # http://127.0.0.1:12090, redirect URIs on :3000 and :3100
 *
 * It is the real `oidc-provider` package (discovery, authorization code + PKCE, signed ID tokens, userinfo);
 * only the portal's login page is ours: a person types a portal login (no password) and is signed in as them.
 * Env: OIDC_PROVIDER_PORT, OIDC_PANEL_URLS (comma-separated panel base URLs allowed to receive the code).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_LABEL, OIDC_PROVIDER_PORT, portalUsers } from "./oidc-portal";

const port = Number(process.env.OIDC_PROVIDER_PORT ?? OIDC_PROVIDER_PORT);
const issuer = `http://127.0.0.1:${port}`;
const panels = (process.env.OIDC_PANEL_URLS ?? "http://localhost:3000,http://localhost:3100").split(",").map((url) => url.trim().replace(/\/+$/, ""));
const users = Object.values(portalUsers);

const configuration: Configuration = {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      redirect_uris: panels.map((panel) => `${panel}/api/auth/callback/oidc`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(_ctx, sub) {
    const user = users.find((u) => u.sub === sub);
    if (!user) return undefined;
    return { accountId: sub, claims: () => ({ sub, email: user.email, email_verified: user.email_verified, name: user.name }) };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  // The panel is the portal's own first-party client: no consent screen, as portals do for their own tools.
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const { client, session } = ctx.oidc;
    if (!client || !session?.accountId) return undefined;
    const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  cookies: { keys: ["e2e-portal-cookie-key-not-secret"] },
};

const provider = new Provider(issuer, configuration);
const oidc = provider.callback();

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(OIDC_LABEL)} – sign in</title></head>
<body><main><h1>${escapeHtml(OIDC_LABEL)} client area</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Portal login</label> <input id="login" name="login" type="email" autocomplete="username" required autofocus>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<button type="submit">Sign in to the portal</button>
</form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error("interaction mismatch");
  if (req.method === "POST" && action === "login") {
    const login = (await readForm(req)).get("login")?.trim().toLowerCase() ?? "";
    const user = users.find((u) => u.login === login);
    if (!user) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(uid, "No portal login with that address."));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(uid));
}

const server = createServer((req, res) => {
  const match = /^\/interaction\/([^/?]+)(?:\/([a-z]+))?/.exec(req.url ?? "");
  if (!match) {
    oidc(req, res);
    return;
  }
  interaction(req, res, match[1] ?? "", match[2]).catch((error: unknown) => {
    console.error("interaction failed:", error instanceof Error ? error.message : error);
    if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" }).end("This sign-in expired. Start again from the panel.");
  });
});

server.listen(port, "127.0.0.1", () => {
  console.log(`OpenID Connect provider "${OIDC_LABEL}" at ${issuer} (client ${OIDC_CLIENT_ID}; redirect URIs on ${panels.join(", ")})`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
