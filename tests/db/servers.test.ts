import { describe, expect, it } from "vitest";
import {
  createServer,
  DuplicateServerError,
  findServerById,
  findServerByName,
  getServerConnection,
  listServers,
  normalizeBaseUrl,
  setServerToken,
} from "@/lib/db/servers";
import { ENGINES, setTestEnv, withTestDatabase } from "./engines";

setTestEnv();

const TOKEN = "MAILROOMDEVWHMROOTTOKEN000000000";

describe.each(ENGINES)("servers on %s", (engine) => {
  const database = withTestDatabase(engine);

  it("stores a server with its token encrypted, and hands the token back decrypted only in the connection", async () => {
    const server = await createServer({ name: "web1", baseUrl: "https://web1.example:2087/", authMode: "whm", username: "root", token: TOKEN });
    expect(server).toMatchObject({ name: "web1", baseUrl: "https://web1.example:2087", authMode: "whm", username: "root", caFile: null });
    expect(server.id).toMatch(/^srv_/);
    expect(JSON.stringify(server)).not.toContain(TOKEN);
    expect(await findServerById(server.id)).toEqual(server);
    expect(await findServerByName("web1")).toEqual(server);

    expect(await getServerConnection(server.id)).toEqual({
      serverId: server.id,
      baseUrl: "https://web1.example:2087",
      authMode: "whm",
      username: "root",
      token: TOKEN,
      disabledAt: null,
    });

    const rows = await database.current().handle.db.selectFrom("servers").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(rows[0]!.token_encrypted).toMatch(/^v1\./);
  });

  it("keeps the CA file, lists servers by name and refuses a duplicate name", async () => {
    await createServer({
      name: "alpha",
      baseUrl: "http://127.0.0.1:2083",
      authMode: "cpanel",
      username: "examplecom",
      token: "T1",
      caFile: "/tmp/ca.pem",
    });
    expect((await listServers()).map((s) => s.name)).toEqual(["alpha", "web1"]);
    const alpha = (await findServerByName("alpha"))!;
    expect(await getServerConnection(alpha.id)).toMatchObject({ authMode: "cpanel", caFile: "/tmp/ca.pem", token: "T1" });
    await expect(createServer({ name: "alpha", baseUrl: "https://x", authMode: "whm", username: "root", token: "T" })).rejects.toBeInstanceOf(
      DuplicateServerError,
    );
  });

  it("rotates a token", async () => {
    const alpha = (await findServerByName("alpha"))!;
    expect(await setServerToken(alpha.id, "T2")).toBe(true);
    expect((await getServerConnection(alpha.id)).token).toBe("T2");
    expect(await setServerToken("srv_missing", "T")).toBe(false);
  });

  it("will not decrypt a token moved onto another server's row", async () => {
    const db = database.current().handle.db;
    const web1 = (await findServerByName("web1"))!;
    const alpha = (await findServerByName("alpha"))!;
    const { token_encrypted } = await db.selectFrom("servers").select("token_encrypted").where("id", "=", web1.id).executeTakeFirstOrThrow();
    await db.updateTable("servers").set({ token_encrypted }).where("id", "=", alpha.id).execute();
    await expect(getServerConnection(alpha.id)).rejects.toThrow(/Cannot decrypt/);
  });

  it("rejects bad input and unknown ids", async () => {
    await expect(getServerConnection("srv_missing")).rejects.toThrow(/No server/);
    expect(await findServerById("srv_missing")).toBeNull();
    await expect(createServer({ name: "b", baseUrl: "ftp://x", authMode: "whm", username: "root", token: "T" })).rejects.toThrow(/https/);
    await expect(createServer({ name: "b", baseUrl: "https://x", authMode: "ssh" as never, username: "root", token: "T" })).rejects.toThrow(
      /auth mode/,
    );
    await expect(createServer({ name: "b", baseUrl: "https://x", authMode: "whm", username: "root", token: " " })).rejects.toThrow(/token/);
  });
});

describe("normalizeBaseUrl", () => {
  it("trims slashes and refuses credentials and queries", () => {
    expect(normalizeBaseUrl(" https://Host.Example:2087// ")).toBe("https://host.example:2087");
    expect(normalizeBaseUrl("https://host/whm/")).toBe("https://host/whm");
    expect(() => normalizeBaseUrl("https://root:pw@host")).toThrow(/credentials/);
    expect(() => normalizeBaseUrl("https://host/?a=1")).toThrow(/query/);
    expect(() => normalizeBaseUrl("host:2087")).toThrow();
  });
});
