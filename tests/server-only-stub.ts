// vitest runs lib/ code outside React's server bundle, where the real "server-only" throws.
export {};
