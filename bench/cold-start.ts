// `npm run bench:cold-start -- [--runs 5]`: the cold start of issue 12 item 7 alone, as the
// benchmark measures it (bench/run.ts): `node dist/src/main.js` spawned as in production
// (NODE_ENV=production) on DATABASE_URL, timed from the spawn to its first 200 on /healthz; then
// stopped. Repeated --runs times; prints each figure, the median and the load average around them
// (other processes on the machine make the figures noisy: compare runs made side by side).
// DATABASE_URL must name a migrated database (npm run migrate, or one the benchmark generated):
// a cold start on an empty or outdated database would also time its migrations.
import os from "node:os";
import { parseCommandLine, usageError } from "../src/cli";
import { startServer } from "./child";
import { firstOk } from "./client";

const USAGE = `usage: DATABASE_URL=... node dist/bench/cold-start.js [--runs N] [--node-flag FLAG]...
  --runs N           how many starts (default 5); the median is the figure
  --node-flag FLAG   a flag for node (e.g. --cpu-prof), repeatable`;

async function main() {
  const { values } = parseCommandLine({
    usage: USAGE,
    options: { runs: { type: "string", default: "5" }, "node-flag": { type: "string", multiple: true } } as const,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) usageError(USAGE, "--runs must be an integer from 1 to 100");
  const url = process.env.DATABASE_URL;
  if (!url) usageError(USAGE, "DATABASE_URL is required (a migrated database)");
  const env = { ...process.env, NODE_ENV: "production", PORT: "0", DATABASE_URL: url, LOG_LEVEL: "warn" };
  const loadBefore = os.loadavg();
  const figures: number[] = [];
  for (let i = 0; i < runs; i++) {
    const latchkey = await startServer(
      "Latchkey",
      [...(values["node-flag"] ?? []), "dist/src/main.js"],
      env,
      /^Latchkey on http:\/\/[^:]+:(\d+)\/graphql/,
    );
    try {
      figures.push(await firstOk(latchkey.url.replace(/\/graphql$/, "/healthz"), latchkey.spawnedAt));
    } finally {
      await latchkey.stop();
    }
  }
  const sorted = [...figures].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  console.log(`cold start to /healthz (ms): ${figures.join(", ")}`);
  console.log(`median ${median} ms (target <= 1000 ms: ${median <= 1000 ? "met" : "NOT met"})`);
  console.log(`load average before ${load(loadBefore)}, after ${load(os.loadavg())} (${os.cpus().length} CPUs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
