import { beforeAll, describe, expect, it } from "vitest";
import {
  assignAccountOwner,
  findHostingAccount,
  findHostingAccountsByCpanelUser,
  listAccountsOwnedBy,
  searchAccounts,
  upsertHostingAccount,
} from "@/lib/db/hosting-accounts";
import { createServer, type Server } from "@/lib/db/servers";
import { createUser, type User } from "@/lib/db/users";
import { ENGINES, setTestEnv, withTestDatabase } from "./engines";

setTestEnv();

describe.each(ENGINES)("hosting accounts on %s", (engine) => {
  withTestDatabase(engine);
  let web1: Server;
  let web2: Server;
  let customer: User;
  let other: User;

  beforeAll(async () => {
    web1 = await createServer({ name: "web1", baseUrl: "https://web1:2087", authMode: "whm", username: "root", token: "T" });
    web2 = await createServer({ name: "web2", baseUrl: "https://web2:2087", authMode: "whm", username: "root", token: "T" });
    customer = await createUser({ email: "Customer@Example.com", role: "customer", password: "Demo-customer-2026" });
    other = await createUser({ email: "other@example.net", role: "customer", password: "Demo-other-2026" });
  });

  it("upserts idempotently on (server, cPanel user), keeping id and owner", async () => {
    const first = await upsertHostingAccount({
      serverId: web1.id,
      cpanelUser: "ExampleCom",
      primaryDomain: "Example.com",
      contactEmail: "customer@example.com",
    });
    expect(first).toMatchObject({
      serverId: web1.id,
      serverName: "web1",
      cpanelUser: "examplecom",
      primaryDomain: "example.com",
      contactEmail: "customer@example.com",
      ownerUserId: null,
      ownerEmail: null,
    });
    expect(first.id).toMatch(/^acct_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(await assignAccountOwner(first.id, customer.id)).toBe(true);

    const again = await upsertHostingAccount({
      serverId: web1.id,
      cpanelUser: "examplecom",
      primaryDomain: "example.com",
      contactEmail: "new@example.com",
    });
    expect(again).toMatchObject({ id: first.id, contactEmail: "new@example.com", ownerUserId: customer.id, ownerEmail: "customer@example.com" });

    // The same cPanel user on another server is another account.
    const elsewhere = await upsertHostingAccount({ serverId: web2.id, cpanelUser: "examplecom", primaryDomain: "example.org" });
    expect(elsewhere.id).not.toBe(first.id);
    expect((await findHostingAccountsByCpanelUser("EXAMPLECOM")).map((a) => a.serverName)).toEqual(["web1", "web2"]);
    expect((await findHostingAccountsByCpanelUser("examplecom", web2.id)).map((a) => a.id)).toEqual([elsewhere.id]);
  });

  it("finds an account by id with its server name and owner email", async () => {
    const [account] = await findHostingAccountsByCpanelUser("examplecom", web1.id);
    expect(await findHostingAccount(account!.id)).toEqual(account);
    expect(await findHostingAccount("acct_missing")).toBeNull();
  });

  it("assigns, reassigns and clears owners; lists what a user owns by domain", async () => {
    const shop = await upsertHostingAccount({
      serverId: web1.id,
      cpanelUser: "shopcp",
      primaryDomain: "shop.example",
      contactEmail: "customer@example.com",
    });
    const net = await upsertHostingAccount({
      serverId: web1.id,
      cpanelUser: "othernet",
      primaryDomain: "example.net",
      contactEmail: "other@example.net",
    });
    await assignAccountOwner(shop.id, customer.id);
    await assignAccountOwner(net.id, other.id);
    expect((await listAccountsOwnedBy(customer.id)).map((a) => a.primaryDomain)).toEqual(["example.com", "shop.example"]);
    expect((await listAccountsOwnedBy(other.id)).map((a) => a.cpanelUser)).toEqual(["othernet"]);

    await assignAccountOwner(net.id, null);
    expect(await listAccountsOwnedBy(other.id)).toEqual([]);
    expect((await findHostingAccount(net.id))?.ownerEmail).toBeNull();
    await assignAccountOwner(net.id, other.id);
    expect(await assignAccountOwner("acct_missing", other.id)).toBe(false);
  });

  it("refuses an owner that is not a user", async () => {
    const [account] = await findHostingAccountsByCpanelUser("othernet");
    await expect(assignAccountOwner(account!.id, "usr_missing")).rejects.toThrow();
  });

  it("searches by domain, cPanel user or owner email, case-insensitive substring, ordered by domain", async () => {
    const all = await searchAccounts({ limit: 10 });
    expect(all.total).toBe(4);
    expect(all.accounts.map((a) => a.primaryDomain)).toEqual(["example.com", "example.net", "example.org", "shop.example"]);

    expect((await searchAccounts({ query: "EXAMPLE.N", limit: 10 })).accounts.map((a) => a.cpanelUser)).toEqual(["othernet"]);
    expect((await searchAccounts({ query: "shopC", limit: 10 })).accounts.map((a) => a.primaryDomain)).toEqual(["shop.example"]);
    // Owner email: the web1 examplecom and shopcp accounts belong to customer@example.com.
    const byOwner = await searchAccounts({ query: "CUSTOMER@", limit: 10 });
    expect(byOwner.accounts.map((a) => a.primaryDomain)).toEqual(["example.com", "shop.example"]);
    expect(byOwner.total).toBe(2);
    expect((await searchAccounts({ query: "nothing-like-this", limit: 10 })).total).toBe(0);
  });

  it("treats % and _ in the query as plain characters", async () => {
    expect((await searchAccounts({ query: "%", limit: 10 })).total).toBe(0);
    expect((await searchAccounts({ query: "_", limit: 10 })).total).toBe(0);
    await upsertHostingAccount({ serverId: web2.id, cpanelUser: "under_score", primaryDomain: "under-score.example" });
    expect((await searchAccounts({ query: "r_s", limit: 10 })).accounts.map((a) => a.cpanelUser)).toEqual(["under_score"]);
  });

  it("pages with limit and offset, and reports the total", async () => {
    const page1 = await searchAccounts({ query: "example", limit: 2, offset: 0 });
    const page2 = await searchAccounts({ query: "example", limit: 2, offset: 2 });
    const page3 = await searchAccounts({ query: "example", limit: 2, offset: 4 });
    expect(page1.total).toBe(5);
    expect([...page1.accounts, ...page2.accounts, ...page3.accounts].map((a) => a.primaryDomain)).toEqual([
      "example.com",
      "example.net",
      "example.org",
      "shop.example",
      "under-score.example",
    ]);
  });
});
