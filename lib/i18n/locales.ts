/**
 * The panel's languages. Isomorphic and dependency-free: the request config, the settings form, the REST layer
 * and the mail jobs all read it. A locale listed here must have messages/<code>.json (tests/i18n checks both ways).
 */
export const LOCALES = ["en", "sv", "de"] as const;

export type Locale = (typeof LOCALES)[number];

/** English: the language of a request that names none we have, and of the messages every other file is checked against. */
export const DEFAULT_LOCALE: Locale = "en";

/** Whether a string is one of the panel's locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our locales for an Accept-Language header (RFC 9110: q-values, `sv-SE` matches `sv`, `*` and q=0 are
 * ignored), or null when it names none of them.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0 && range.language !== "*")
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranges.map((range) => range.language).find(isLocale) ?? null;
}

/** The locale a person gets: their own setting, else their browser's, else English. */
export function resolveLocale(setting: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(setting)) return setting;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
