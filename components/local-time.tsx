"use client";

import { formatDateTime } from "@/lib/format";
import { useReaderDates } from "./use-reader-dates";

/**
 * A moment in the panel's one date format, in the reader's locale and time zone (UTC until the browser has said
 * which, so the server's HTML and the first browser render agree). The machine-readable instant is in `dateTime`.
 */
export function LocalTime({ ms }: { ms: number }) {
  const reader = useReaderDates();
  return <time dateTime={new Date(ms).toISOString()}>{formatDateTime(ms, reader ?? undefined)}</time>;
}
