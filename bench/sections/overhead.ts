import { cpanelClient, closeCpanelTransports } from "../../lib/cpanel";
import { call } from "../support/http";
import { MAILBOX_PASSWORD, type Panel, type Stack } from "../support/stack";
import { time, type Timing } from "../support/stats";
import { readTimings, resetTimings, type Breakdown } from "../support/timings";

export type OverheadRow = {
  operation: string;
  via: string;
  panel: string;
  timing: Timing;
  cpanelCallsPerOp: number;
  reference: string;
  referenceTiming: Timing;
  /** Where the panel's time went (lib/timings.ts), mean ms and calls per operation. */
  breakdown: Breakdown;
};

/**
 * The panel's overhead: a password change (REST PUT) and the mailbox list (REST GET and the server-rendered page)
 * through each panel instance, beside the bare emulator calls the operation needs, timed in the same run, with the
 * panel's own breakdown of where the time went.
 */
export async function benchOverhead(stack: Stack, cookies: string[], n: number): Promise<OverheadRow[]> {
  const user = stack.users[0]!;
  const cpUser = stack.load[0]!.cpanelUser;
  const api = cpanelClient({
    serverId: "bench-bare",
    baseUrl: stack.emulator.whmUrl,
    authMode: "whm",
    username: "root",
    token: stack.emulator.whmToken,
  }).account(cpUser);
  const mailbox = (i: number) => `box${Math.abs(i) % 50}@load0.test`;

  const barePassword = await time(n, (i) => api.changeMailboxPassword(mailbox(i), MAILBOX_PASSWORD));
  // Without the read cache a change first reads the list live: the mailbox must be on the account before anything is sent.
  const bareCheckedPassword = await time(n, async (i) => {
    await api.listMailboxes();
    await api.changeMailboxPassword(mailbox(i), MAILBOX_PASSWORD);
  });
  const bareList = await time(n, () => api.listMailboxes());
  // The list page also fills the create form: the account's mail domains and its maximum quota (WHM), asked in parallel.
  const whm = cpanelClient({
    serverId: "bench-bare",
    baseUrl: stack.emulator.whmUrl,
    authMode: "whm",
    username: "root",
    token: stack.emulator.whmToken,
  }).whm;
  const barePage = await time(n, () => Promise.all([api.listMailboxes(), api.listMailDomains(), whm.accountSummary(cpUser)]));
  await closeCpanelTransports();

  const rows: OverheadRow[] = [];
  for (const panel of [stack.cached, stack.uncached] satisfies Panel[]) {
    const counted = async (run: () => Promise<Timing>): Promise<[Timing, number, Breakdown]> => {
      await stack.emulator.control.clearRequestCounts();
      resetTimings(panel);
      const timing = await run();
      const counts = await stack.emulator.control.requestCounts();
      const total = Object.values(counts).reduce((s, v) => s + v, 0);
      return [timing, total / (timing.n + 5), readTimings(panel, timing.n + 5)]; // + the warm-up calls
    };
    const cookie = cookies[0]!;
    const base = panel.base;
    const [put, putCalls, putBreakdown] = await counted(() =>
      time(n, (i) =>
        call(base, cookie, `/api/v2/shared-hosting/${user.accountId}/email-accounts/${encodeURIComponent(mailbox(i))}/password`, {
          method: "PUT",
          json: { newPassword: MAILBOX_PASSWORD },
        }),
      ),
    );
    rows.push({
      operation: "password change",
      via: "REST PUT",
      panel: panel.name,
      timing: put,
      cpanelCallsPerOp: putCalls,
      reference: panel.cacheSeconds > 0 ? "bare passwd_pop" : "bare list, then passwd_pop",
      referenceTiming: panel.cacheSeconds > 0 ? barePassword : bareCheckedPassword,
      breakdown: putBreakdown,
    });
    const [get, getCalls, getBreakdown] = await counted(() =>
      time(n, () => call(base, cookie, `/api/v2/shared-hosting/${user.accountId}/email-accounts`)),
    );
    rows.push({
      operation: "mailbox list (50)",
      via: "REST GET",
      panel: panel.name,
      timing: get,
      cpanelCallsPerOp: getCalls,
      reference: "bare list_pops_with_disk",
      referenceTiming: bareList,
      breakdown: getBreakdown,
    });
    const [page, pageCalls, pageBreakdown] = await counted(() => time(n, () => call(base, cookie, `/accounts/${user.accountId}/email`)));
    rows.push({
      operation: "mailbox list (50)",
      via: "page (SSR)",
      panel: panel.name,
      timing: page,
      cpanelCallsPerOp: pageCalls,
      reference: "bare list ‖ domains ‖ quota",
      referenceTiming: barePage,
      breakdown: pageBreakdown,
    });
  }
  return rows;
}
