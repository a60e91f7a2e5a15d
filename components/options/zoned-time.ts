import { useSyncExternalStore } from "react";
import { dateTimeFormat } from "@/lib/format";

const subscribe = () => () => {};

/** The browser's IANA time zone; null while rendering on the server and hydrating (the server cannot know it). */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    () => null,
  );
}

/** An instant as a datetime-local value (`2026-07-01T09:00`) in `timeZone`. */
export function toWallTime(epochMs: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A datetime-local value as people read it, in the panel's one date format and the reader's locale ("1 Jul 2026, 09:00"). */
export function readableWallTime(wallTime: string, locale = "en-GB"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wallTime);
  if (!match) return wallTime;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  // The digits as typed: formatted as a UTC instant so no zone shifts them.
  return dateTimeFormat({ locale, timeZone: "UTC" }).format(Date.UTC(y, mo - 1, d, h, mi));
}
