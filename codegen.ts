// GraphQL Code Generator: typed document nodes for the tests. Every `graphql(`...`)` call in
// test/**/*.ts becomes a TypedDocumentNode whose result and variables types come from
// schema/schema.graphql. `npm run codegen` rewrites test/generated/ (committed);
// test/codegen.test.ts fails when it is stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["test/**/*.ts", "!test/generated/**"],
  ignoreNoDocuments: true,
  generates: {
    "test/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        // Enums as unions of string literals: tests compare them with plain strings.
        enumsAsTypes: true,
        useTypeImports: true,
        // Only the types that documents use (and their inputs and enums), not the whole schema.
        onlyOperationTypes: true,
        // No optional `__typename` on every object; a document that asks for it still gets it.
        skipTypename: true,
        // A nullable field is `T | null`, not optional: the server always sends the key.
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        // Every scalar of schema/schema.graphql must be mapped here.
        strictScalars: true,
        scalars: { DateTimeISO: "string", JSON: "unknown" },
      },
    },
  },
};

export default config;
