import pg from "pg";

/**
 * Makes sure the cluster's PostgreSQL schema exists (the one named by `options=-c search_path=…` in the URL,
 * if any); with `fresh`, drops it first. Migrations run when the first instance (or the provisioning) opens it.
 */
export async function prepareClusterDatabase(databaseUrl: string, options: { fresh: boolean }): Promise<void> {
  const schema = /search_path(?:%3D|=)([a-z_][a-z0-9_]*)/i.exec(decodeURIComponent(databaseUrl))?.[1] ?? null;
  if (!schema) {
    if (options.fresh) throw new Error("--fresh needs a DATABASE_URL with its own schema (…?options=-c%20search_path%3Dname): it drops that schema");
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (options.fresh) await client.query(`drop schema if exists ${schema} cascade`);
    await client.query(`create schema if not exists ${schema}`);
  } finally {
    await client.end();
  }
}
