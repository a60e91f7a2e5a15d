import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Node-only modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "ioredis", "@node-rs/argon2", "undici"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
