import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { config } from "@/lib/config";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { sessionLimits } from "@/lib/auth/session-limits";
import { clientAddressFrom } from "@/lib/http/client-address";
import { deleteSession } from "@/lib/db/sessions";
import {
  completeOidcSecondFactor,
  completeOidcSignIn,
  OIDC_CODE_PROVIDER_ID,
  OIDC_PROVIDER_ID,
  oidcProvider,
  oidcSettings,
  SECOND_FACTOR_COOKIE,
  SECOND_FACTOR_COOKIE_PATH,
  type OidcSettings,
} from "@/lib/auth/oidc";
import type { OidcClaims } from "@/lib/auth/oidc-link";

/** The client-side sign-in form maps these codes (the error next-auth passes back) to sentences. */
export const signInErrorCodes = [
  "invalid_credentials",
  "rate_limited",
  "locked",
  "totp_required",
  "totp_invalid",
  // Single sign-on (lib/auth/oidc.ts): refusals of the portal's sign-in, and an expired code step.
  "sso_no_email",
  "sso_unverified",
  "sso_unknown",
  "sso_locked",
  "sso_expired",
] as const;

/** The address the per-IP sign-in limit counts: resolved from the socket at the server (TRUST_PROXY), never a client's header. */
function clientIp(headers: Record<string, unknown> | undefined): string {
  return clientAddressFrom(headers);
}

/**
 * Single sign-on from the hosting company's portal: the OpenID Connect provider, and the code step that a
 * login with two-factor sign-in still owes afterwards (a credentials provider that reads the signed ticket the
 * portal's callback left in a cookie; lib/auth/oidc.ts).
 */
function singleSignOnProviders(settings: OidcSettings | null): AuthOptions["providers"] {
  if (!settings) return [];
  return [
    oidcProvider(settings),
    CredentialsProvider({
      id: OIDC_CODE_PROVIDER_ID,
      name: `${settings.label} and authentication code`,
      credentials: { code: { label: "Authentication code", type: "text" } },
      async authorize(credentials) {
        const jar = await cookies();
        const outcome = await completeOidcSecondFactor(jar.get(SECOND_FACTOR_COOKIE)?.value, credentials?.code ?? "");
        if (!outcome.ok) throw new Error(outcome.code === "rate_limited" ? `rate_limited:${outcome.retryAfterSeconds}` : outcome.code);
        jar.delete({ name: SECOND_FACTOR_COOKIE, path: SECOND_FACTOR_COOKIE_PATH });
        return outcome.user;
      },
    }),
  ];
}

let cached: AuthOptions | undefined;

/** next-auth options, built on first use so that `next build` needs no runtime secrets. */
export function authOptions(): AuthOptions {
  if (cached) return cached;
  const { AUTH_SECRET, SESSION_IDLE_MINUTES_CUSTOMER, SESSION_IDLE_MINUTES_STAFF, NEXTAUTH_URL } = config();
  const sso = oidcSettings();
  cached = {
    secret: AUTH_SECRET,
    // Credentials sign-in means JWT sessions. Each names its row in the sessions table, which sign-out deletes;
    // "sign out everywhere" works through the session version (both checked in lib/auth/session.ts).
    session: { strategy: "jwt", maxAge: Math.max(SESSION_IDLE_MINUTES_CUSTOMER, SESSION_IDLE_MINUTES_STAFF) * 60, updateAge: 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Authentication code", type: "text" },
        },
        async authorize(credentials, req) {
          const outcome = await attemptSignIn(credentials?.email ?? "", credentials?.password ?? "", clientIp(req.headers), credentials?.code ?? "");
          if (!outcome.ok) {
            throw new Error(outcome.code === "rate_limited" ? `rate_limited:${outcome.retryAfterSeconds}` : outcome.code);
          }
          const { user } = outcome;
          return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sessionId: user.sessionId };
        },
      }),
      ...singleSignOnProviders(sso),
    ],
    callbacks: {
      // The portal's sign-in decides who this is in the panel here (lib/auth/oidc.ts); refusals and the code
      // step are redirects to the sign-in page. Without an adapter, next-auth hands this same `user` to jwt().
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const login = `${NEXTAUTH_URL.replace(/\/+$/, "")}/login`;
        const outcome = await completeOidcSignIn((profile ?? {}) as OidcClaims);
        if (outcome.ok === true) {
          Object.assign(user, outcome.user);
          return true;
        }
        if (outcome.ok === "second_factor") {
          (await cookies()).set(SECOND_FACTOR_COOKIE, outcome.ticket, {
            httpOnly: true,
            sameSite: "lax",
            secure: login.startsWith("https:"),
            path: SECOND_FACTOR_COOKIE_PATH,
            maxAge: outcome.maxAgeSeconds,
          });
          return `${login}?step=code`;
        }
        return `${login}?error=${outcome.code}`;
      },
      async jwt({ token, user }) {
        const now = Math.floor(Date.now() / 1000);
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.sid = user.sessionId;
          token.authTime = now;
        } else if (token.role && token.seen && now - token.seen > sessionLimits(token.role).idleSeconds) {
          // Idle too long: keep the stale "seen" so every check rejects this token.
          return token;
        }
        token.seen = now;
        return token;
      },
      async session({ session, token }) {
        if (token.uid && token.role) {
          session.user = { id: token.uid, email: token.email ?? "", name: token.name, role: token.role };
          session.meta = { sessionVersion: token.sv ?? -1, sessionId: token.sid ?? "", authTime: token.authTime ?? 0, seen: token.seen ?? 0 };
        }
        return session;
      },
    },
    events: {
      // next-auth only clears the browser's cookie; ending the session here makes a copy of it worthless too.
      async signOut({ token }) {
        if (token?.sid) await deleteSession(token.sid);
      },
    },
  };
  return cached;
}
