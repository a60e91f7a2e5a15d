import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken, findApiTokenBySecret, listApiTokens, revokeApiToken, touchApiToken } from "@/lib/db/api-tokens";
import { createUser, type User } from "@/lib/db/users";
import { ENGINES, setTestEnv, withTestDatabase } from "./engines";

setTestEnv();

describe.each(ENGINES)("API tokens on %s", (engine) => {
  const database = withTestDatabase(engine);
  let user: User;
  let other: User;

  beforeAll(async () => {
    user = await createUser({ email: "api@example.com", role: "customer", password: "Api-user-2026" });
    other = await createUser({ email: "api2@example.com", role: "customer", password: "Api-user-2026" });
  });

  it("creates a token shown once and stores only its hash", async () => {
    const { token, apiToken } = await createApiToken({
      userId: user.id,
      name: "backup script",
      scopes: ["write:hostingconsole:services", "read:hostingconsole:services"],
    });
    expect(token).toMatch(/^mr_[\w-]{43}$/);
    expect(apiToken).toMatchObject({
      userId: user.id,
      name: "backup script",
      scopes: ["read:hostingconsole:services", "write:hostingconsole:services"],
      lastUsedAt: null,
    });
    const rows = await database.current().handle.db.selectFrom("api_tokens").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);

    const found = await findApiTokenBySecret(token);
    expect(found?.apiToken).toEqual(apiToken);
    expect(found?.user.email).toBe("api@example.com");
    expect(await findApiTokenBySecret(token.slice(0, -1) + "x")).toBeNull();
    expect(await findApiTokenBySecret("not-a-token")).toBeNull();
  });

  it("ignores expired tokens", async () => {
    const { token } = await createApiToken({ userId: user.id, name: "short", scopes: ["read:x"], expiresAt: Date.now() + 1_000 });
    expect(await findApiTokenBySecret(token)).not.toBeNull();
    expect(await findApiTokenBySecret(token, Date.now() + 2_000)).toBeNull();
  });

  it("records last use at most once a minute", async () => {
    const { token, apiToken } = await createApiToken({ userId: user.id, name: "touch", scopes: ["read:x"] });
    await touchApiToken(apiToken.id, 1_000_000);
    await touchApiToken(apiToken.id, 1_030_000);
    expect((await findApiTokenBySecret(token))?.apiToken.lastUsedAt).toBe(1_000_000);
    await touchApiToken(apiToken.id, 1_070_000);
    expect((await findApiTokenBySecret(token))?.apiToken.lastUsedAt).toBe(1_070_000);
  });

  it("lists a user's tokens and revokes only the user's own", async () => {
    const tokens = await listApiTokens(user.id);
    expect(tokens.map((t) => t.name)).toEqual(["touch", "short", "backup script"]);
    expect(await listApiTokens(other.id)).toEqual([]);
    expect(await revokeApiToken(tokens[0]!.id, other.id)).toBe(false);
    expect(await revokeApiToken(tokens[0]!.id, user.id)).toBe(true);
    expect((await listApiTokens(user.id)).map((t) => t.name)).toEqual(["short", "backup script"]);
  });

  it("refuses a token without a name or scopes", async () => {
    await expect(createApiToken({ userId: user.id, name: " ", scopes: ["read:x"] })).rejects.toThrow(/name/);
    await expect(createApiToken({ userId: user.id, name: "n", scopes: [] })).rejects.toThrow(/scope/);
  });
});
