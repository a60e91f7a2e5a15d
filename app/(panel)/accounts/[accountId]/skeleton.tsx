"use client";

import { useParams } from "next/navigation";
import type { ReactNode } from "react";
import { AccountNav, type AccountPageKey } from "./account-nav";

/**
 * Loading states of the account's pages: the same elements, classes and line heights as the final page, with grey
 * bars in place of the text, so nothing moves when the page arrives. Announced once as a status.
 */
export function Bar({ text, className = "" }: { text: string; className?: string }) {
  return <span className={`rounded bg-slate-200 text-transparent select-none ${className}`}>{text}</span>;
}

export function SkeletonPage({ label, header, children }: { label: string; header?: ReactNode; children: ReactNode }) {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        {label}
      </p>
      {header}
      <div aria-hidden="true" className="animate-pulse motion-reduce:animate-none">
        {children}
      </div>
    </div>
  );
}

/** AccountHeader's shape: breadcrumb, title, the line under it, and the real account tabs (they work meanwhile). */
export function AccountHeaderSkeleton({ title, current }: { title: string; current: AccountPageKey }) {
  const { accountId } = useParams<{ accountId: string }>();
  return (
    <>
      <div aria-hidden="true" className="animate-pulse motion-reduce:animate-none">
        <p className="text-sm">
          <Bar text="Hosting accounts / example.com" />
        </p>
        <p className="mt-2 text-2xl font-bold">
          <Bar text={title} />
        </p>
        <p className="mt-1 text-sm text-slate-700">
          <Bar text="cPanel user example on server" />
        </p>
      </div>
      <AccountNav accountId={accountId} current={current} />
    </>
  );
}

/** A white section with a heading and `lines` lines of text, as the pages' sections are. */
export function SectionSkeleton({ title, lines, height }: { title: string; lines?: number; height?: string }) {
  return (
    <section className={`mt-4 rounded-md bg-white p-4 shadow-sm ${height ?? ""}`}>
      <p className="text-lg font-semibold">
        <Bar text={title} />
      </p>
      {Array.from({ length: lines ?? 0 }, (_, i) => (
        <p key={i} className="mt-2 text-sm">
          <Bar text="Loading the details of this section from cPanel" />
        </p>
      ))}
    </section>
  );
}
