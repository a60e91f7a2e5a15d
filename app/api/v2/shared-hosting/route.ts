import { apiRoute } from "@/lib/api/route";
import { hostingAccountsRoute } from "@/lib/api/routes/hosting-accounts";
import { listVisibleAccounts } from "@/lib/mail/accounts";

/** GET /api/v2/shared-hosting — the hosting accounts the caller may manage. */
export const GET = apiRoute(hostingAccountsRoute.GET, async ({ caller }) => {
  const accounts = [];
  for (let page = 1; ; page++) {
    const result = await listVisibleAccounts(caller.actor, { page });
    accounts.push(...result.accounts);
    if (page >= result.pageCount) break;
  }
  return {
    body: {
      data: accounts.map((a) => ({ id: a.id, domain: a.primaryDomain, cpanelUser: a.cpanelUser, server: a.serverName, ownerEmail: a.ownerEmail })),
    },
  };
});
