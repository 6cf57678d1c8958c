// test/generated/ (the typed documents of the tests) is what GraphQL Code Generator makes today
// from schema/schema.graphql and the `graphql(...)` documents of test/: run `npm run codegen`
// after changing either.
import fs from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { expect, test } from "vitest";
import config from "../codegen";

test("test/generated is up to date with the schema and the test documents (npm run codegen)", async () => {
  // generate() is typed `any` (its watch mode never resolves); without saving, it returns the files.
  const files = (await generate({ ...config, silent: true, cwd: process.cwd() }, false)) as {
    filename: string;
    content: string;
  }[];
  const generated = new Map(files.map((f) => [path.relative(process.cwd(), path.resolve(f.filename)), f.content]));
  const committed = fs.readdirSync("test/generated").map((name) => path.join("test/generated", name));
  expect([...generated.keys()].sort(), "run npm run codegen").toEqual(committed.sort());
  for (const [file, content] of generated) {
    expect(fs.readFileSync(file, "utf8") === content, `${file} is stale: run npm run codegen`).toBe(true);
  }
}, 60_000);
