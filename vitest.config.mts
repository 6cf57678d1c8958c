import ts from "typescript";
import { defineConfig, type Plugin } from "vitest/config";

// type-graphql and TypeORM read decorator metadata, which Vite's own transform does not emit:
// our TypeScript goes through the TypeScript compiler itself, with the options of tsconfig.json.
const typescriptWithDecoratorMetadata: Plugin = {
  name: "typescript-decorator-metadata",
  enforce: "pre",
  transform(code, id) {
    if (!/\.ts$/.test(id) || id.includes("/node_modules/")) return null;
    const out = ts.transpileModule(code, {
      fileName: id,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        useDefineForClassFields: false,
        esModuleInterop: true,
        sourceMap: true,
      },
    });
    return { code: out.outputText, map: out.sourceMapText };
  },
};

export default defineConfig({
  plugins: [typescriptWithDecoratorMetadata],
  oxc: false,
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
      // default, the least NODE_ENV=production accepts) are proven by the files that call
      // useProductionPasswordHashing() (test/support/server.ts) and by test/observability.test.ts.
      ARGON2_MEMORY_KIB: "1024",
      ARGON2_PASSES: "1",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
