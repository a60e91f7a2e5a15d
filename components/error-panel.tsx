import type { ReactNode } from "react";

/** A failure shown for what it is: a heading, the reason, and what the person can do. */
export function ErrorPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
      <h2 className="font-semibold">{title}</h2>
      <div className="mt-1 text-sm">{children}</div>
    </div>
  );
}
