import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browser = () => `${navigator.language}|${Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"}`;

/**
 * The reader's locale and time zone, for dates the browser writes; null while rendering on the server and
 * hydrating (the server knows neither), so the first paint says the same on both sides.
 */
export function useReaderDates(): { locale: string; timeZone: string } | null {
  const key = useSyncExternalStore(subscribe, browser, () => null);
  if (key === null) return null;
  const [locale, timeZone] = key.split("|") as [string, string];
  return { locale, timeZone };
}
