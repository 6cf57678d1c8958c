// Writes schema/schema.graphql: the API as reviewers read it. `npm run schema`.
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { parseCommandLine } from "../cli";
import { createSchema } from "./schema";

const USAGE = `usage: node dist/src/graphql/emit-schema.js   (npm run schema)
Rewrites schema/schema.graphql from the code (a test fails when it is stale). Takes no arguments.`;

export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}

if (require.main === module) {
  parseCommandLine({ usage: USAGE });
  printedSchema().then(
    (text) => {
      const file = path.resolve("schema", "schema.graphql");
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${file}`);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
