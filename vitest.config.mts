import { availableParallelism } from "node:os";
import { defineConfig, type Plugin } from "vitest/config";

// type-graphql and TypeORM read decorator metadata. Vite's own transform (OXC) emits it like the
// TypeScript compiler's transpileModule (legacy decorators, design:type and design:paramtypes, class
// fields as with useDefineForClassFields: false), about 20 times faster than the compiler (whole
// seconds of every run's start). Its helpers are tslib's: the same functions tsc emits.
const TSLIB_HELPERS: Record<string, string> = {
  decorate: "__decorate",
  decorateMetadata: "__metadata",
  decorateParam: "__param",
};
const decoratorHelpersFromTslib: Plugin = {
  name: "decorator-helpers-from-tslib",
  enforce: "pre",
  resolveId(id) {
    const helper = /^@oxc-project\/runtime\/helpers\/(\w+)$/.exec(id)?.[1];
    return helper && helper in TSLIB_HELPERS ? `\0tslib-helper:${helper}` : null;
  },
  load(id) {
    if (!id.startsWith("\0tslib-helper:")) return null;
    return `export { ${TSLIB_HELPERS[id.slice("\0tslib-helper:".length)]} as default } from "tslib";`;
  },
};

export default defineConfig({
  plugins: [decoratorHelpersFromTslib],
  oxc: {
    include: /\.ts$/,
    exclude: /\/node_modules\//,
    decorator: { legacy: true, emitDecoratorMetadata: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
    assumptions: { setPublicClassFields: true },
  },
  resolve: {
    // type-graphql loads graphql as CommonJS; vitest must not load a second (ESM) copy of it.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The migrations run once per run, into the template every migrated test database is copied from.
    globalSetup: ["test/support/global-setup.ts"],
    env: {
      // Real argon2id, at a cost the suite can afford: it hashes every fixture user's password (some
      // fixtures have hundreds) and verifies every sign-in. Production's parameters (OWASP's, the
      // default, the least NODE_ENV=production accepts) are proven by the specs that call
      // useProductionPasswordHashing() (test/support/server.ts) and by test/observability.test.ts.
      ARGON2_MEMORY_KIB: "1024",
      ARGON2_PASSES: "1",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two files at a time (vitest's default is one less than the CPUs: one on a 2-CPU machine). Each
    // file still has a process of its own; much of a file's time is spent waiting (on Latchkey
    // processes it started, on PostgreSQL, on the password hashing threads), which the other uses.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
