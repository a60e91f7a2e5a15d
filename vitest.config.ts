import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // The real package throws outside React's server bundle; tests run lib/ code directly.
      "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "emulator/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One more fork than cores (vitest's default is one fewer): most files spend their time waiting on sockets, the
    // emulator and timers, not on the CPU. Measured on 2 cores: 1 fork 273 s, 3 forks 155 s, 4 forks 193 s.
    maxWorkers: availableParallelism() + 1,
    // Request logs would drown the test output; errors still show. Tests change cPanel behind the panel's back
    // (faults, control calls), so the cPanel read cache is off unless a test turns it on (tests/mail/read-cache.test.ts).
    env: { LOG_LEVEL: "error", CPANEL_READ_CACHE_SECONDS: "0" },
  },
});
