"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a `<Link>`: says `label` from the click until the next page's first bytes arrive. Without it a click made
 * before the link's prefetch has brought the next page's loading skeleton leaves the old page frozen and silent while
 * a slow cPanel answers.
 */
export function LinkPendingStatus({ label }: { label: string }) {
  const { pending } = useLinkStatus();
  return pending ? (
    <span role="status" className="ml-2 text-sm font-normal text-slate-600 no-underline">
      {label}
    </span>
  ) : null;
}
