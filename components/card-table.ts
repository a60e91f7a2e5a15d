/**
 * Tailwind classes that turn a table into one card per row below the `sm` breakpoint, so nothing scrolls sideways
 * on a phone. Each cell names its column through `data-label` (shown before the value on a card); the header row
 * stays for screen readers.
 */
export const cardTable = {
  table: "w-full border-collapse text-left text-sm max-sm:block",
  head: "bg-slate-100 max-sm:sr-only",
  body: "max-sm:block max-sm:space-y-2",
  row: "border-t border-slate-200 align-top max-sm:block max-sm:rounded-md max-sm:border max-sm:border-slate-300 max-sm:bg-white max-sm:py-1 max-sm:shadow-sm",
  cell: "px-3 py-2 max-sm:block max-sm:py-1 max-sm:break-words max-sm:before:block max-sm:before:text-xs max-sm:before:font-semibold max-sm:before:text-slate-700 max-sm:before:content-[attr(data-label)]",
} as const;
