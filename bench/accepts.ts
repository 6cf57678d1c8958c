// `npm run bench:accepts -- --dataset FILE [--profile]`: the accept scenario of the benchmark alone
// (bench/micro.ts measureAccepts: the dataset's pending requests accepted 8 at a time through HTTP,
// as each store's owner), against Latchkey as its own process on DATABASE_URL. Accepting uses the
// requests up: measure on a copy of the generated database. --profile runs Latchkey under
// node --cpu-prof (the profile in bench/results/profile-accepts/).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCommandLine, usageError } from "../src/cli";
import { startServer } from "./child";
import { measureAccepts, type StoreRef } from "./micro";

const USAGE = "usage: DATABASE_URL=... node dist/bench/accepts.js --dataset FILE [--profile]";

async function main() {
  const { values } = parseCommandLine({
    usage: USAGE,
    options: { dataset: { type: "string" }, profile: { type: "boolean" } } as const,
  });
  if (!values.dataset) usageError(USAGE, "--dataset is required");
  const url = process.env.DATABASE_URL;
  if (!url) usageError(USAGE, "DATABASE_URL is required (a copy of the database the dataset was generated in)");
  const dataset = JSON.parse(readFileSync(values.dataset, "utf8")) as {
    bigStore: StoreRef;
    password: string;
    pendingRequests?: unknown;
  };
  const flags = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve("bench/results/profile-accepts")}`] : [];
  const latchkey = await startServer(
    "Latchkey",
    [...flags, "dist/src/main.js"],
    {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      DATABASE_URL: url,
      COST_LEAK_PER_SECOND: "1000000000",
      LOG_LEVEL: "warn",
    },
    /^Latchkey on http:\/\/[^:]+:(\d+)\/graphql/,
  );
  try {
    const result = await measureAccepts(
      latchkey.url,
      dataset.password,
      dataset.pendingRequests,
      dataset.bigStore,
      (l) => console.log(l),
    );
    console.log(JSON.stringify(result));
  } finally {
    await latchkey.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
