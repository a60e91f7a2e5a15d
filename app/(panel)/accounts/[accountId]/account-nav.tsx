import Link from "next/link";

/** The account's pages; `current` is marked for assistive technology too. Each feature adds its page here. */
const pages = [
  { key: "email", label: "Mailboxes", path: "email" },
  { key: "forwarders", label: "Forwarders", path: "forwarders" },
  { key: "activity", label: "Activity", path: "activity" },
] as const;

export type AccountPageKey = (typeof pages)[number]["key"];

export function AccountNav({ accountId, current }: { accountId: string; current: AccountPageKey }) {
  return (
    <nav aria-label="Account" className="mt-3 flex gap-4 border-b border-slate-300 text-sm">
      {pages.map((page) => (
        <Link
          key={page.key}
          href={`/accounts/${accountId}/${page.path}`}
          aria-current={page.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-1 pb-2 ${page.key === current ? "border-blue-700 font-semibold text-slate-900" : "border-transparent text-blue-800 hover:border-slate-400"}`}
        >
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
