import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/sign-out-button";

/** Who the header is for: the signed-in login, or nobody (a public page such as a 404 for a visitor). */
export type ShellUser = { email: string; role: "customer" | "support" | "admin" };

type Props = {
  user: ShellUser | null;
  /**
   * `full`: every link the role has. `minimal`: only the name and Sign out, for a login that may not use the panel
   * yet (support or admin before their second factor is set up): links it could not follow would only bounce back.
   */
  nav?: "full" | "minimal";
  /** Rendered between the header and the main content (e.g. the session keep-alive). */
  aside?: ReactNode;
  children: ReactNode;
};

const link = "text-sm font-medium text-blue-800 underline-offset-4 hover:underline";

/** The one page shell of the panel: skip link, header (brand, navigation, the login and Sign out) and `<main>`. */
export async function PageShell({ user, nav = "full", aside, children }: Props) {
  const t = await getTranslations("Shell");
  const staff = user?.role === "support" || user?.role === "admin";
  const full = user !== null && nav === "full";
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="border-b border-slate-300 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <nav aria-label={t("mainNav")} className="flex flex-wrap items-center gap-x-6 gap-y-2">
            <Link href={user ? "/accounts" : "/login"} className="text-lg font-bold text-slate-900">
              Mailroom
            </Link>
            {full ? (
              <>
                <Link href="/accounts" className={link}>
                  {t("accounts")}
                </Link>
                {staff ? (
                  <Link href="/support" className={link}>
                    {t("support")}
                  </Link>
                ) : null}
                {user.role === "admin" ? (
                  <>
                    <Link href="/admin/users" className={link}>
                      {t("users")}
                    </Link>
                    <Link href="/admin/servers" className={link}>
                      {t("servers")}
                    </Link>
                    <Link href="/admin/jobs" className={link}>
                      {t("jobs")}
                    </Link>
                  </>
                ) : null}
              </>
            ) : null}
          </nav>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {full ? (
              <nav aria-label={t("yourSettings")} className="flex items-center gap-3">
                <Link href="/settings/api-tokens" className={link}>
                  {t("apiTokens")}
                </Link>
                <Link href="/security/two-factor" className={link}>
                  {t("twoFactor")}
                </Link>
                <Link href="/settings/notifications" className={link}>
                  {t("emails")}
                </Link>
                <Link href="/settings" className={link}>
                  {t("language")}
                </Link>
              </nav>
            ) : null}
            {user ? (
              <>
                <span>
                  {user.email}
                  {staff ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                      {user.role === "admin" ? t("roleAdmin") : t("roleSupport")}
                    </span>
                  ) : null}
                </span>
                <SignOutButton label={t("signOut")} pendingLabel={t("signingOut")} />
              </>
            ) : (
              <Link href="/login" className={link}>
                {t("signIn")}
              </Link>
            )}
          </div>
        </div>
      </header>
      {aside}
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
