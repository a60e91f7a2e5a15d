type Flags = { suspendLogin: boolean; suspendIncoming: boolean; suspendOutgoing: boolean; holdOutgoing: boolean };

const labels: [keyof Flags, string][] = [
  ["suspendLogin", "Login suspended"],
  ["suspendIncoming", "Incoming suspended"],
  ["suspendOutgoing", "Outgoing suspended"],
  ["holdOutgoing", "Outgoing held"],
];

/** The mailbox's restrictions as words; nothing is shown when there are none. */
export function MailboxBadges(flags: Flags) {
  const active = labels.filter(([key]) => flags[key]);
  if (active.length === 0) return <span className="text-sm text-slate-700">Active</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Restrictions">
      {active.map(([key, label]) => (
        <li key={key} className="rounded border border-amber-400 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
          {label}
        </li>
      ))}
    </ul>
  );
}
