"use client";

import { PageError } from "@/components/page-error";

export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <PageError digest={error.digest} reset={reset} />
    </main>
  );
}
