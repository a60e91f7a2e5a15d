"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a `<Link>`: says `label` from the click until the next page's first bytes arrive. Without it a click made
 * before the link's prefetch has brought the next page's loading skeleton leaves the old page frozen and silent while
 * a slow cPanel answers.
 *
 * `compact` is for links that must not change size (tabs): a dot is shown and the words go to assistive technology
 * only. The link needs `relative` positioning for the dot.
 */
export function LinkPendingStatus({ label, compact = false }: { label: string; compact?: boolean }) {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  if (compact) {
    return (
      <>
        <span aria-hidden="true" className="absolute top-0 -right-2 size-1.5 animate-pulse rounded-full bg-blue-700" />
        <span role="status" className="sr-only">
          {label}
        </span>
      </>
    );
  }
  return (
    <span role="status" className="ml-2 text-sm font-normal text-slate-600 no-underline">
      {label}
    </span>
  );
}
