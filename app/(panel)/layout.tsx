import Link from "next/link";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { SignOutButton } from "@/components/sign-out-button";
import { SessionKeepAlive } from "@/components/session-keep-alive";

export default async function PanelLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-300 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <nav aria-label="Main" className="flex flex-wrap items-center gap-x-6 gap-y-2">
            <Link href="/accounts" className="text-lg font-bold text-slate-900">
              Mailroom
            </Link>
            <Link href="/accounts" className="text-sm font-medium text-blue-800 underline-offset-4 hover:underline">
              Accounts
            </Link>
            {isStaff(user.role) ? (
              <Link href="/support" className="text-sm font-medium text-blue-800 underline-offset-4 hover:underline">
                Support
              </Link>
            ) : null}
            {user.role === "admin" ? (
              <>
                <Link href="/admin/users" className="text-sm font-medium text-blue-800 underline-offset-4 hover:underline">
                  Users
                </Link>
                <Link href="/admin/servers" className="text-sm font-medium text-blue-800 underline-offset-4 hover:underline">
                  Servers
                </Link>
                <Link href="/admin/jobs" className="text-sm font-medium text-blue-800 underline-offset-4 hover:underline">
                  Jobs
                </Link>
              </>
            ) : null}
          </nav>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <nav aria-label="Your settings" className="flex items-center gap-3">
              <Link href="/settings/api-tokens" className="font-medium text-blue-800 underline-offset-4 hover:underline">
                API tokens
              </Link>
              <Link href="/security/two-factor" className="font-medium text-blue-800 underline-offset-4 hover:underline">
                Two-factor sign-in
              </Link>
              <Link href="/settings/notifications" className="font-medium text-blue-800 underline-offset-4 hover:underline">
                E-mails
              </Link>
            </nav>
            <span>
              {user.email}
              {isStaff(user.role) ? (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                  {user.role === "admin" ? "Admin" : "Support"}
                </span>
              ) : null}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <SessionKeepAlive />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
