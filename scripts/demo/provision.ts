import { createServer, findServerByName, setServerToken } from "../../lib/db/servers";
import { createUser, findUserByEmail } from "../../lib/db/users";
import { assignAccountOwner, upsertHostingAccount } from "../../lib/db/hosting-accounts";
import { getDb } from "../../lib/db/client";
import { clientForServer } from "../../lib/mail/cpanel-access";
import { DEMO_SERVER_NAME, DEMO_STAFF_TOTP_SECRET, demoUsers } from "./demo-data";
import { enableTotp } from "../../lib/db/two-factor";
import { isStaff } from "../../lib/auth/roles";

/**
 * Makes the panel database match the demo: the emulator as server "demo", its accounts imported from
 * WHM listaccts, the demo logins, and each account's owner. Safe to run on every start.
 */
export async function provisionDemo(whmUrl: string, whmToken: string): Promise<void> {
  await getDb();
  let server = await findServerByName(DEMO_SERVER_NAME);
  if (server && server.baseUrl !== whmUrl) {
    throw new Error(`The demo database points server "${DEMO_SERVER_NAME}" at ${server.baseUrl}, not ${whmUrl}. Start with --fresh to rebuild it.`);
  }
  if (!server) {
    server = await createServer({ name: DEMO_SERVER_NAME, baseUrl: whmUrl, authMode: "whm", username: "root", token: whmToken });
  } else {
    await setServerToken(server.id, whmToken);
  }

  const whmAccounts = await (await clientForServer(server.id)).whm.listAccounts();
  const accountIds = new Map<string, string>();
  for (const acct of whmAccounts) {
    const account = await upsertHostingAccount({
      serverId: server.id,
      cpanelUser: acct.user,
      primaryDomain: acct.domain,
      contactEmail: acct.contactEmail || null,
    });
    accountIds.set(acct.user, account.id);
  }

  for (const demoUser of demoUsers) {
    const user =
      (await findUserByEmail(demoUser.email)) ??
      (await createUser({ email: demoUser.email, name: demoUser.name, role: demoUser.role, password: demoUser.password }));
    if (isStaff(user.role) && !user.twoFactorEnabled) await enableTotp(user.id, DEMO_STAFF_TOTP_SECRET, 0, []);
    for (const cpanelUser of demoUser.owns) {
      const accountId = accountIds.get(cpanelUser);
      if (accountId) await assignAccountOwner(accountId, user.id);
    }
  }
}
