import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "types", "public", "i18n", "messages"];

/** Everything the production build reads: the source folders and every config or entry file at the top level. */
function sources(root: string): string[] {
  const topLevel = readdirSync(root).filter((name) => /\.(ts|tsx|mjs|js|json)$/.test(name) && !name.endsWith(".tsbuildinfo"));
  return [...SOURCE_DIRS, ...topLevel];
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

/**
 * True when there is no production build, or a source file changed after it was made. DEMO_NO_BUILD=1 keeps the
 * build there is, however old: the e2e runner builds once and then starts several stacks, which must not rebuild
 * under each other's feet when a source file is saved meanwhile.
 */
export function buildIsStale(root: string): boolean {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  if (process.env.DEMO_NO_BUILD === "1") return false;
  const built = statSync(buildId).mtimeMs;
  return sources(root).some((source) => newestMtime(join(root, source)) > built);
}

/** Runs `next build`, showing its output; throws when it fails. */
export function buildPanel(root: string, env: NodeJS.ProcessEnv): void {
  console.log("Building the panel (next build)…");
  const result = spawnSync(join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}
