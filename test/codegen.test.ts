// The generated typed documents are what GraphQL Code Generator makes today from
// schema/schema.graphql and the `graphql(...)` documents: test/generated/ for the tests' own client
// (codegen.ts, `npm run codegen`), examples/client/src/generated/ for the example client
// (examples/client/codegen.ts, `npm run example:codegen`; issue 14 item 1). Rerun the command after
// changing the schema or a document.
import fs from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { expect, test } from "vitest";
import exampleConfig from "../examples/client/codegen";
import testsConfig from "../codegen";

test.each([
  { dir: "test/generated", config: testsConfig, command: "npm run codegen" },
  { dir: "examples/client/src/generated", config: exampleConfig, command: "npm run example:codegen" },
])(
  "$dir is up to date with the schema and its documents ($command)",
  async ({ dir, config, command }) => {
    // generate() is typed `any` (its watch mode never resolves); without saving, it returns the files.
    const files = (await generate({ ...config, silent: true, cwd: process.cwd() }, false)) as {
      filename: string;
      content: string;
    }[];
    const generated = new Map(files.map((f) => [path.relative(process.cwd(), path.resolve(f.filename)), f.content]));
    const committed = fs.readdirSync(dir).map((name) => path.join(dir, name));
    expect([...generated.keys()].sort(), `run ${command}`).toEqual(committed.sort());
    for (const [file, content] of generated) {
      expect(fs.readFileSync(file, "utf8") === content, `${file} is stale: run ${command}`).toBe(true);
    }
  },
  60_000,
);
