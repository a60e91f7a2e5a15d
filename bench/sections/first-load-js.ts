import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../support/stack";

export type RouteJs = { route: string; gzipBytes: number; files: number; budgetKb: number | null; over: boolean };

function manifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? manifests(join(dir, entry.name)) : entry.name === "page_client-reference-manifest.js" ? [join(dir, entry.name)] : [],
  );
}

/** The first-load JS budgets (gzip kB per route; `*` is the default) from bench/budgets.json. */
export function jsBudgets(): Map<string, number> {
  const file = JSON.parse(readFileSync(join(ROOT, "bench", "budgets.json"), "utf8")) as { firstLoadJsKb: Record<string, number> };
  return new Map(Object.entries(file.firstLoadJsKb));
}

/**
 * First-load JS per page route of the production build, gzip: the root main files every page loads plus each
 * chunk the route's client reference manifest lists for its layouts, error and not-found boundaries and page.
 */
export function firstLoadJs(): RouteJs[] {
  const next = join(ROOT, ".next");
  const build = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const routesByPage = JSON.parse(readFileSync(join(next, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const budgets = jsBudgets();
  const gz = new Map<string, number>();
  const size = (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(next, file)), { level: 9 }).length);
    return gz.get(file)!;
  };
  const rows: RouteJs[] = [];
  for (const file of manifests(join(next, "server", "app"))) {
    const sandbox = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles?: Record<string, string[]> }> };
    new Function("globalThis", "self", readFileSync(file, "utf8"))(sandbox, sandbox);
    for (const [page, manifest] of Object.entries(sandbox.__RSC_MANIFEST)) {
      const route = routesByPage[page] ?? `/${relative(join(next, "server", "app"), file)}`;
      if (route.startsWith("/_")) continue;
      const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()]);
      const gzipBytes = [...files].reduce((sum, f) => sum + size(f), 0);
      const budgetKb = budgets.get(route) ?? budgets.get("*") ?? null;
      rows.push({ route, gzipBytes, files: files.size, budgetKb, over: budgetKb !== null && gzipBytes / 1024 > budgetKb });
    }
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}
