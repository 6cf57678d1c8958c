// GraphQL Code Generator for the example client: every `graphql(`...`)` document in
// examples/client/src/ becomes a typed document whose result and variables types come from the
// server's schema (schema/schema.graphql). Run from the repository's root:
// `npm run example:codegen` rewrites examples/client/src/generated/ (committed; a test fails when
// it is stale).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["examples/client/src/**/*.ts", "!examples/client/src/generated/**"],
  generates: {
    "examples/client/src/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as typed strings (`TypedDocumentString`): what fetch sends, no GraphQL
        // library needed at run time.
        documentMode: "string",
        useTypeImports: true,
        // Enums as unions of string literals; only the types the documents use.
        enumsAsTypes: true,
        onlyOperationTypes: true,
        // No optional `__typename` on every object.
        skipTypename: true,
        // A nullable field is `T | null`: the server always sends the key.
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        // The schema's custom scalars, as JSON carries them; an unmapped scalar fails the build.
        strictScalars: true,
        scalars: { DateTimeISO: "string", JSON: "unknown" },
      },
    },
  },
};

export default config;
