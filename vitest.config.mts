import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// SWC, not esbuild: type-graphql and TypeORM read decorator metadata, which esbuild does not emit.
export default defineConfig({
  plugins: [swc.vite({ module: { type: "es6" } })],
  resolve: {
    // type-graphql loads graphql as CommonJS; vitest must not load a second (ESM) copy of it.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
