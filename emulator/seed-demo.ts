import { createAccount, type AccountSpec } from "./accounts";
import type { NewLogRow } from "./state/outgoing";
import { now, type Store } from "./state/store";

/** The demo data of docs/emulator.md. */
export const DEMO_MAILBOX_PASSWORD = "Demo-mailbox-2026!";
const MB = 1024 * 1024;
const GB = 1024 * MB;
// Fixed times so the demo is the same on every run: 2026-01-01 … 2027-01-01.
const START = 1767225600;
const STOP = 1798761600;

const pw = DEMO_MAILBOX_PASSWORD;

const ACCOUNTS: AccountSpec[] = [
  {
    user: "examplecom",
    domain: "example.com",
    extraDomains: ["example.org"],
    contactEmail: "customer@example.com",
    password: "Demo-cpanel-examplecom-2026",
    token: "EXAMPLECOMDEMOTOKEN0000000000000",
    plan: "Business",
    mailboxes: [
      { email: "info@example.com", password: pw, quotaMb: 1024, diskUsedBytes: 350 * MB, sessions: 2 },
      { email: "sales@example.com", password: pw, quotaMb: 2048, diskUsedBytes: Math.round(1.9 * GB) },
      { email: "support@example.com", password: pw, quotaMb: null, diskUsedBytes: Math.round(5.2 * GB), flags: { hold_outgoing: 1 } },
      { email: "jane@example.com", password: pw, quotaMb: 500, diskUsedBytes: 12 * 1024, flags: { suspended_login: 1 } },
      { email: "old@example.com", password: pw, quotaMb: 250, diskUsedBytes: 0, flags: { suspended_incoming: 1 } },
      { email: "newsletter@example.org", password: pw, quotaMb: 1024, diskUsedBytes: 80 * MB, flags: { suspended_outgoing: 1 } },
      { email: "contact@example.org", password: pw, quotaMb: null, diskUsedBytes: 483, sessions: 1 },
    ],
  },
  {
    user: "shopcp",
    domain: "shop.example",
    contactEmail: "customer@example.com",
    password: "Demo-cpanel-shopcp-2026",
    token: "SHOPCPDEMOTOKEN00000000000000000",
    plan: "Starter",
    mailboxes: [
      { email: "info@shop.example", password: pw, quotaMb: 1024, diskUsedBytes: 200 * MB, sessions: 1 },
      { email: "orders@shop.example", password: pw, quotaMb: 2048, diskUsedBytes: Math.round(1.5 * GB) },
      { email: "returns@shop.example", password: pw, quotaMb: 512, diskUsedBytes: 0, flags: { suspended_login: 1 } },
      { email: "marketing@shop.example", password: pw, quotaMb: 1024, diskUsedBytes: 30 * MB, flags: { suspended_outgoing: 1, hold_outgoing: 1 } },
      { email: "dev@shop.example", password: pw, quotaMb: 100, diskUsedBytes: 99 * MB, flags: { suspended_incoming: 1 } },
      { email: "archive@shop.example", password: pw, quotaMb: null, diskUsedBytes: 3 * GB },
    ],
  },
  {
    user: "othernet",
    domain: "example.net",
    contactEmail: "other@example.net",
    password: "Demo-cpanel-othernet-2026",
    token: "OTHERNETDEMOTOKEN000000000000000",
    plan: "Starter",
    mailboxes: [
      { email: "info@example.net", password: pw, quotaMb: 1024, diskUsedBytes: 10 * MB },
      { email: "admin@example.net", password: pw, quotaMb: null, diskUsedBytes: 700 * MB, flags: { hold_outgoing: 1 } },
      { email: "alice@example.net", password: pw, quotaMb: 2048, diskUsedBytes: 2000 * MB, flags: { suspended_login: 1 } },
      { email: "bob@example.net", password: pw, quotaMb: 250, diskUsedBytes: 5 * MB, flags: { suspended_incoming: 1 } },
      { email: "backup@example.net", password: pw, quotaMb: 4096, diskUsedBytes: 0, flags: { suspended_outgoing: 1 } },
    ],
  },
];

interface Extras {
  forwarders: Array<[address: string, kind: string, forward: string]>;
  domainForwarder: [domain: string, destdomain: string];
  autoresponder: { address: string; subject: string; body: string; from: string };
}

const EXTRAS: Record<string, Extras> = {
  examplecom: {
    forwarders: [
      ["hello@example.com", "fwd", "info@example.com"],
      ["hello@example.com", "fwd", "sales@example.com"],
      ["billing@example.com", "fwd", "accountant@example.net"],
      ["nobody@example.com", "fail", ":fail: No such person at this address"],
      ["spam@example.com", "blackhole", ":blackhole:"],
      ["tickets@example.com", "pipe", "|/home/examplecom/bin/ticket-pipe.php"],
      ["postmaster@example.com", "system", "examplecom"],
    ],
    domainForwarder: ["example.org", "example.com"],
    autoresponder: {
      address: "support@example.com",
      subject: "We received your message",
      body: "Thank you for writing to Example support. We answer within one working day.",
      from: "Example Support",
    },
  },
  shopcp: {
    forwarders: [
      ["shop@shop.example", "fwd", "orders@shop.example"],
      ["gone@shop.example", "fail", ":fail: This address is no longer in use"],
      ["noreply@shop.example", "blackhole", ":blackhole:"],
      ["hooks@shop.example", "pipe", "|/home/shopcp/bin/order-hook.sh"],
      ["root@shop.example", "system", "shopcp"],
    ],
    domainForwarder: ["shop.example", "example.com"],
    autoresponder: {
      address: "returns@shop.example",
      subject: "Returns are handled by orders@shop.example",
      body: "Please send return requests to orders@shop.example.",
      from: "Shop Returns",
    },
  },
  othernet: {
    forwarders: [
      ["team@example.net", "fwd", "alice@example.net"],
      ["team@example.net", "fwd", "bob@example.net"],
      ["old@example.net", "fail", ":fail: No such person at this address"],
      ["junk@example.net", "blackhole", ":blackhole:"],
      ["bounce@example.net", "pipe", "|/home/othernet/bounce.pl"],
      ["abuse@example.net", "system", "othernet"],
    ],
    domainForwarder: ["example.net", "example.org"],
    autoresponder: {
      address: "info@example.net",
      subject: "Out of office",
      body: "I am away until Monday.",
      from: "Example.net Info",
    },
  },
};

// Demo passwords are hashed once per process: seeding runs before many tests.
const demoHashes = new Map<string, string>();

/** Loads the demo accounts; existing rows are kept, so seeding twice changes nothing. */
export function seedDemo(store: Store): void {
  store.db.transaction(() => {
    for (const spec of ACCOUNTS) {
      createAccount(store, spec, true, demoHashes);
      const extras = EXTRAS[spec.user]!;
      for (const [address, kind, forward] of extras.forwarders) {
        store.addForwarder(spec.user, address, address.split("@")[1]!, kind, forward);
      }
      const [domain, destdomain] = extras.domainForwarder;
      if (!store.domainForwardersOf(spec.user).some((f) => f.domain === domain)) {
        store.setDomainForwarder(spec.user, domain, destdomain);
      }
      const r = extras.autoresponder;
      if (!store.autoresponder(r.address)) {
        store.setAutoresponder({
          address: r.address,
          user: spec.user,
          domain: r.address.split("@")[1]!,
          from_name: r.from,
          subject: r.subject,
          body: r.body,
          is_html: 0,
          interval: 24,
          start: START,
          stop: STOP,
          charset: "utf-8",
        });
      }
    }
    seedOutgoing(store);
  })();
}

/**
 * The demo's outgoing mail, relative to now so "the last hour" always has something: marketing@shop.example is the
 * spamming mailbox (thousands sent in the last hour, many failed or deferred, a queue of held mail), two others send
 * normally. Seeding again adds nothing for a sender that already has log rows.
 */
function seedOutgoing(store: Store): void {
  const t = now();
  const spamDomains = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "mail.ru", "gmx.de", "aol.com", "web.de"];
  const plan: Array<{
    user: string;
    sender: string;
    rows: Array<[count: number, type: NewLogRow["type"], from: number, to: number]>;
    domains: string[];
    held?: number;
  }> = [
    {
      user: "shopcp",
      sender: "marketing@shop.example",
      rows: [
        [1800, "success", 3600, 0],
        [240, "failure", 3600, 0],
        [160, "defer", 3600, 0],
        [400, "success", 86400, 3600],
        [30, "failure", 86400, 3600],
      ],
      domains: spamDomains,
      held: 60,
    },
    {
      user: "shopcp",
      sender: "orders@shop.example",
      rows: [
        [4, "success", 3600, 0],
        [22, "success", 86400, 3600],
        [1, "defer", 86400, 3600],
      ],
      domains: ["gmail.com", "example.net", "outlook.com"],
    },
    {
      user: "examplecom",
      sender: "info@example.com",
      rows: [
        [2, "success", 3600, 0],
        [11, "success", 86400, 3600],
        [1, "failure", 86400, 3600],
      ],
      domains: ["example.net", "gmail.com"],
    },
  ];
  let n = 0;
  for (const p of plan) {
    if (store.outgoing.logCount(p.sender) > 0) continue;
    const rows: NewLogRow[] = [];
    for (const [count, type, from, to] of p.rows) {
      for (let i = 0; i < count; i++) {
        n += 1;
        // Spread evenly over the window; recipients cycle through the domains, the first domain most often.
        const domain = p.domains[(n * 7) % 11 < 4 ? 0 : n % p.domains.length]!;
        rows.push({
          user: p.user,
          sender: p.sender,
          recipient: `user${n % 997}@${domain}`,
          type,
          sendunixtime: t - from + Math.floor(((from - to) * (i + 0.5)) / count),
          message: type === "failure" ? "550 5.7.1 Message rejected as spam" : type === "defer" ? "451 4.7.1 Try again later" : "",
        });
      }
    }
    store.outgoing.addLogRows(rows);
    if (p.held && store.outgoing.heldCount(p.sender) === 0) {
      store.outgoing.hold(
        p.user,
        p.sender,
        Array.from({ length: p.held }, (_, i) => `lead${i}@${p.domains[i % p.domains.length]}`),
        t - 600,
      );
    }
  }
}
