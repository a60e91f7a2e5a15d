"use client";

import { PageError } from "@/components/page-error";

export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <PageError error={error} reset={reset} />
    </main>
  );
}
