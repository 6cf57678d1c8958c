// Writes schema/schema.graphql: the API as reviewers read it. `npm run schema`.
import fs from "node:fs";
import path from "node:path";
import { parseCommandLine } from "../cli";

const USAGE = `usage: node dist/src/graphql/emit-schema.js   (npm run schema)
Rewrites schema/schema.graphql from the code (a test fails when it is stale). Takes no arguments.`;

parseCommandLine({ usage: USAGE });
// The schema's modules load once the command line is parsed: --help and a wrong argument need none.
/* eslint-disable @typescript-eslint/no-require-imports */
require("reflect-metadata");
const { printedSchema } = require("./schema") as typeof import("./schema");
/* eslint-enable @typescript-eslint/no-require-imports */
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
