import "server-only";

// The database layer's public surface. Import from here, or from the module (e.g. "@/lib/db/users").
export { closeDb, createDatabase, getDb, getDbEngine, migrateToLatest, installDatabase } from "./client";
export type { DatabaseHandle, DatabaseOptions, Engine } from "./client";
export type { Database } from "./schema";
export * from "./users";
export * from "./servers";
export * from "./hosting-accounts";
export * from "./api-tokens";
