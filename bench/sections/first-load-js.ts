import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../support/stack";

/** `overBareKb`: how much more than the bare page the route ships; `overBareBudgetKb`: what bench/budgets.json allows it. */
export type RouteJs = {
  route: string;
  gzipBytes: number;
  files: number;
  budgetKb: number | null;
  overBareKb: number;
  overBareBudgetKb: number | null;
  over: boolean;
};

type BudgetFile = {
  firstLoadJsKb: Record<string, number>;
  /** The page every other is compared with: one with no client code of its own (the root layout and boundaries only). */
  bareRoute: string;
  /** Gzip kB a route may ship beyond the bare page, measured in the same build. */
  overBareKb: Record<string, number>;
};

function budgetFile(): BudgetFile {
  return JSON.parse(readFileSync(join(ROOT, "bench", "budgets.json"), "utf8")) as BudgetFile;
}

function manifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? manifests(join(dir, entry.name)) : entry.name === "page_client-reference-manifest.js" ? [join(dir, entry.name)] : [],
  );
}

/** The first-load JS budgets (gzip kB per route; `*` is the default) from bench/budgets.json. */
export function jsBudgets(): Map<string, number> {
  return new Map(Object.entries(budgetFile().firstLoadJsKb));
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
  const { bareRoute, overBareKb } = budgetFile();
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
      rows.push({ route, gzipBytes, files: files.size, budgetKb, overBareKb: 0, overBareBudgetKb: overBareKb[route] ?? null, over: false });
    }
  }
  const bare = rows.find((r) => r.route === bareRoute);
  if (!bare) throw new Error(`bench/budgets.json names ${bareRoute} as the bare page, but the build has no such route`);
  for (const row of rows) {
    row.overBareKb = (row.gzipBytes - bare.gzipBytes) / 1024;
    row.over =
      (row.budgetKb !== null && row.gzipBytes / 1024 > row.budgetKb) || (row.overBareBudgetKb !== null && row.overBareKb > row.overBareBudgetKb);
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}
