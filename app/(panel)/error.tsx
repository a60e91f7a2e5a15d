"use client";

import { PageError } from "@/components/page-error";

// Inside the panel layout (header and <main> stay), for errors of any signed-in page.
export default function PanelErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="py-10">
      <PageError error={error} reset={reset} />
    </div>
  );
}
