// npm run bench [-- --database sqlite|postgres --duration 10 --connections 1,2,4,8,16,32,64 --main-connections 16]
//
// In one run: starts Latchkey on the generated dataset (bench/dataset-<database>.json or
// bench/dataset.json, written by npm run bench:data)
// and a bare Apollo Server answering the same query from memory (bench/bare-server.ts), drives both
// in turn with autocannon at each concurrency, and prints requests/s, p50/p99 latency and peak RSS
// of each and their ratio. Then it times accessAudit, explainAccess and collaboratorRequestAccept at
// scale (bench/micro.ts). Results go to bench/results/<database>.json and docs/bench-<database>.svg.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCommandLine, usageError } from "../src/cli";
import { ServerProcess, startServer, watchPeakRss, readCpuMs } from "./child";
import { firstOk, percentile, post, requestBody, signIn } from "./client";
import { measureAtScale, MicroResults, resolveStore, StoreRef } from "./micro";
import { renderChart } from "./svg";

type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult> & {
  on(
    event: "response",
    listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void,
  ): void;
};
/** autocannon, loaded by the first measurement (--help and a wrong argument need none of it). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Autocannon = (opts) => (require("autocannon") as Autocannon)(opts);

interface AutocannonResult {
  requests: { mean: number; total: number };
  latency: { p50: number; p99: number; mean: number; max: number };
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  resets: number;
  "2xx": number;
  statusCodeStats: Record<string, { count: number }>;
}

interface Dataset {
  benchStore: StoreRef & { collaborators?: number };
  bigStore?: StoreRef & Record<string, unknown>;
  password: string;
  pendingRequests?: unknown;
  pendingExpireAfter?: string;
  /** Where bench:data wrote it (a PostgreSQL password redacted). */
  database?: string;
}

interface Measurement {
  requestsPerSecond: number;
  totalRequests: number;
  /** autocannon's latency.p50 / p99 (whole milliseconds). */
  p50Ms: number;
  p99Ms: number;
  /** The same percentiles from every response's own timing (sub-millisecond). */
  preciseP50Ms: number;
  preciseP99Ms: number;
  meanMs: number;
  peakRssMb: number;
  /** CPU time the server used per request (ms): unlike requests/s, barely moved by other load. */
  cpuMsPerRequest: number;
}

interface Row {
  connections: number;
  latchkey: Measurement;
  bare: Measurement;
  ratio: number;
}

const ROOT = process.cwd();
/**
 * The benchmarked Latchkey's own cost bucket (configuration, production's defaults untouched): one
 * signed-in user sends the whole load, up to 64 requests in flight, each taking its requested cost
 * before the refund of what it did not use. Production's bucket (1,000 points regaining 50 a
 * second) would answer THROTTLED within a second, and even one that refills at once runs dry when
 * 16 requests take their cost in the same millisecond (PostgreSQL's round trips overlap them). Each
 * operation's cost is still computed, taken, refunded and reported in `extensions.cost`.
 */
const BENCH_COST_BUCKET = { COST_BUCKET_SIZE: "10000000", COST_LEAK_PER_SECOND: "1000000000" };
const TARGET_RATIO = 0.6;
const BENCH_QUERY =
  "query Bench($store: ID!) { store(id: $store) { collaborators(first: 50) { nodes { user { name email } roles { name permissions { handle } } partnerOrganization { name } } } } }";

const USAGE = [
  "usage: npm run bench -- [options]",
  "  --database sqlite|postgres   default sqlite; the database is DATABASE_URL, else the one the dataset names,",
  "                               else sqlite:data/bench.sqlite or postgres://postgres@127.0.0.1:5432/latchkey_bench",
  "  --duration SECONDS           per run, default 10",
  "  --connections LIST           default 1,2,4,8,16,32,64",
  "  --main-connections N         the headline comparison, default 16",
  "  --dataset FILE               default bench/dataset-<database>.json, else bench/dataset.json (written by npm run bench:data)",
  "  --profile                    run Latchkey under --cpu-prof (profiles in bench/results/profile-<database>/)",
  "  --skip-micro                 skip the accessAudit / explainAccess / accept measurements",
].join("\n");

function options() {
  const { values } = parseCommandLine({
    usage: USAGE,
    options: {
      database: { type: "string", default: "sqlite" },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "1,2,4,8,16,32,64" },
      "main-connections": { type: "string", default: "16" },
      dataset: { type: "string" },
      profile: { type: "boolean", default: false },
      "skip-micro": { type: "boolean", default: false },
    },
  });
  const database = values.database;
  if (database !== "sqlite" && database !== "postgres")
    usageError(USAGE, `--database must be sqlite or postgres, not ${database}`);
  const duration = Number(values.duration);
  if (!(duration > 0 && duration <= 600)) usageError(USAGE, "--duration must be between 1 and 600 seconds");
  const mainConnections = Number(values["main-connections"]);
  const connections = [...new Set([...values.connections.split(",").map(Number), mainConnections])].sort(
    (a, b) => a - b,
  );
  if (connections.some((c) => !Number.isInteger(c) || c < 1 || c > 1024))
    usageError(USAGE, "--connections takes integers between 1 and 1024");
  return {
    database,
    duration,
    connections,
    mainConnections,
    dataset: values.dataset,
    profile: values.profile,
    skipMicro: values["skip-micro"],
  };
}

const DEFAULT_URLS: Record<string, string> = {
  sqlite: "sqlite:data/bench.sqlite",
  postgres: "postgres://postgres@127.0.0.1:5432/latchkey_bench",
};
const kindOf = (url: string) =>
  url.startsWith("sqlite:") ? "sqlite" : /^postgres(ql)?:\/\//.test(url) ? "postgres" : "unknown";
const redact = (url: string) => url.replace(/:[^:@/]*@/, ":***@");

/** The dataset file: --dataset, else bench/dataset-<database>.json, else bench/dataset.json. */
function datasetFile(database: string, given: string | undefined): string {
  if (given) return path.resolve(ROOT, given);
  const candidates = [path.join(ROOT, "bench", `dataset-${database}.json`), path.join(ROOT, "bench", "dataset.json")];
  return candidates.find((f) => existsSync(f)) ?? candidates[1];
}

/** DATABASE_URL, else the database the dataset was generated in, else the default of --database. */
function databaseUrl(database: string, dataset: Dataset | null): string {
  const fromDataset =
    dataset?.database && kindOf(dataset.database) === database && !dataset.database.includes("***")
      ? dataset.database
      : undefined;
  const url = process.env.DATABASE_URL || fromDataset || DEFAULT_URLS[database];
  const kind = kindOf(url);
  if (kind !== database)
    throw new Error(
      `DATABASE_URL=${redact(url)} is not a ${database} database (pass --database ${kind === "unknown" ? "sqlite|postgres" : kind})`,
    );
  if (kind === "sqlite") {
    const file = path.resolve(ROOT, url.slice("sqlite:".length).replace(/^\/\//, ""));
    if (!existsSync(file))
      throw new Error(`${file} does not exist: run \`DATABASE_URL=${url} npm run bench:data\` first`);
  }
  return url;
}

function loadDataset(file: string, database: string): Dataset {
  if (!existsSync(file)) {
    const url = process.env.DATABASE_URL || DEFAULT_URLS[database];
    throw new Error(
      `${path.relative(ROOT, file)} not found: generate the dataset first with \`DATABASE_URL=${redact(url)} npm run bench:data\``,
    );
  }
  const dataset = JSON.parse(readFileSync(file, "utf8")) as Dataset;
  if (!dataset.benchStore?.ownerEmail || !(dataset.benchStore.domain || dataset.benchStore.id))
    throw new Error(`${file}: benchStore needs ownerEmail and domain or id`);
  if (!dataset.password) throw new Error(`${file}: no password`);
  if (dataset.pendingRequests && dataset.pendingExpireAfter && Date.parse(dataset.pendingExpireAfter) < Date.now()) {
    console.log(
      `warning: the dataset's pending requests expired on ${dataset.pendingExpireAfter} (R7): run npm run bench:data again for the accept measurement`,
    );
  }
  return dataset;
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/**
 * A response is good when it carries exactly the expected `data` and no `errors`: the body must
 * start with `{"data":<expected>` and go on with `}` or `,"extensions":` (Latchkey reports each
 * operation's cost there, which changes from one response to the next).
 */
function sameData(expectedData: unknown): (body: string) => boolean {
  const prefix = JSON.stringify({ data: expectedData }).slice(0, -1);
  return (body) =>
    body.startsWith(prefix) &&
    (body.startsWith("}", prefix.length) || body.startsWith(',"extensions":', prefix.length));
}

async function drive(
  server: ServerProcess,
  body: string,
  token: string,
  verifyBody: (body: string) => boolean,
  connections: number,
  duration: number,
): Promise<Measurement> {
  const watch = watchPeakRss(server);
  const cpuBefore = readCpuMs(server.pid);
  const times: number[] = [];
  const run = autocannon({
    url: server.url,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
    connections,
    duration,
    verifyBody,
    timeout: 30,
  });
  run.on("response", (_client, _status, _bytes, ms) => void (times.length < 5_000_000 && times.push(ms)));
  const result = await run;
  const peakKb = watch.stop();
  const cpuMs = readCpuMs(server.pid) - cpuBefore;
  const bad = result.errors + result.timeouts + result.mismatches + result.non2xx;
  if (bad > 0 || result["2xx"] === 0) {
    throw new Error(
      `${server.name} at ${connections} connections: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx ` +
        `(${JSON.stringify(result.statusCodeStats)}), ${result.mismatches} responses without the expected data, ${result["2xx"]} good\n--- ${server.name} output ---\n${server.tail()}`,
    );
  }
  return {
    requestsPerSecond: Math.round(result.requests.mean * 10) / 10,
    totalRequests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    preciseP50Ms: Math.round(percentile(times, 50) * 100) / 100,
    preciseP99Ms: Math.round(percentile(times, 99) * 100) / 100,
    meanMs: Math.round(result.latency.mean * 100) / 100,
    peakRssMb: mb(peakKb),
    cpuMsPerRequest: Math.round((cpuMs / Math.max(1, result.requests.total)) * 1000) / 1000,
  };
}

function table(rows: Row[]): string {
  const header = [
    "conns",
    "Latchkey req/s",
    "bare req/s",
    "ratio",
    "Latchkey p50/p99 ms",
    "bare p50/p99 ms",
    "Latchkey peak RSS",
    "bare peak RSS",
  ];
  const lines = rows.map((r) => [
    String(r.connections),
    r.latchkey.requestsPerSecond.toFixed(0),
    r.bare.requestsPerSecond.toFixed(0),
    r.ratio.toFixed(2),
    `${r.latchkey.p50Ms} / ${r.latchkey.p99Ms}`,
    `${r.bare.p50Ms} / ${r.bare.p99Ms}`,
    `${r.latchkey.peakRssMb} MB`,
    `${r.bare.peakRssMb} MB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(fmt)].join("\n");
}

async function main() {
  const opts = options();
  const datasetPath = datasetFile(opts.database, opts.dataset);
  const dataset = loadDataset(datasetPath, opts.database);
  const url = databaseUrl(opts.database, dataset);
  const datasetName = path.relative(ROOT, datasetPath).startsWith("..")
    ? datasetPath
    : path.relative(ROOT, datasetPath);
  if (dataset.database && kindOf(dataset.database) === opts.database && redact(dataset.database) !== redact(url)) {
    console.log(`warning: ${datasetName} was generated in ${dataset.database}, not ${redact(url)}`);
  }
  const resultsDir = path.join(ROOT, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(path.join(ROOT, "docs"), { recursive: true });
  const scratch = mkdtempSync(path.join(os.tmpdir(), "latchkey-bench-"));
  const log = (line: string) => console.log(line);
  const servers: ServerProcess[] = [];
  const stopAll = () => Promise.all(servers.map((s) => s.stop()));
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));

  try {
    const loadBefore = os.loadavg()[0];
    if (loadBefore > os.cpus().length / 2) {
      log(
        `warning: load average ${loadBefore.toFixed(1)} on ${os.cpus().length} CPUs: other processes compete for the CPU, the figures will be noisy`,
      );
    }
    const env = { ...process.env, NODE_ENV: "production", PORT: "0" };
    const profileDir = path.join(resultsDir, `profile-${opts.database}`);
    // --profile: a V8 CPU profile of Latchkey. One signed-in user sends the whole load, so the
    // server gets its own cost bucket (BENCH_COST_BUCKET): each operation's cost is still computed,
    // charged and reported; only the refusal never happens.
    const nodeFlags = opts.profile ? [`--cpu-prof`, `--cpu-prof-dir=${profileDir}`] : [];
    log(`Latchkey: ${opts.database} (${redact(url)}), dataset ${datasetName}`);
    const latchkey = await startServer(
      "Latchkey",
      [...nodeFlags, "dist/src/main.js"],
      { ...env, DATABASE_URL: url, ...BENCH_COST_BUCKET, LOG_LEVEL: "warn" },
      /^Latchkey on http:\/\/[^:]+:(\d+)\/graphql/,
    );
    servers.push(latchkey);
    const coldStartMs = await firstOk(latchkey.url.replace(/\/graphql$/, "/healthz"), latchkey.spawnedAt);
    log(`cold start: ${coldStartMs} ms from spawning Latchkey to its first 200 on /healthz (target <= 1000 ms)`);
    for (const line of latchkey.tail().split("\n")) if (line.startsWith("bench: ")) log(`  Latchkey ${line}`);

    const token = await signIn(latchkey.url, dataset.benchStore.ownerEmail!, dataset.password).catch((error: Error) => {
      throw new Error(
        `${error.message}\n(is ${redact(url)} the database ${datasetName} was generated for? \`DATABASE_URL=... npm run bench:data\` makes both)`,
      );
    });
    const storeId = await resolveStore(latchkey.url, token, dataset.benchStore);
    const body = requestBody(BENCH_QUERY, { store: storeId });
    const first = await post(latchkey.url, body, { authorization: `Bearer ${token}` });
    const parsed = JSON.parse(first.body) as {
      data?: { store: { collaborators: { nodes: unknown[] } } | null };
      errors?: unknown;
      extensions?: unknown;
    };
    if (first.status !== 200 || parsed.errors || !parsed.data?.store)
      throw new Error(`the benchmark query failed on Latchkey: HTTP ${first.status} ${first.body.slice(0, 500)}`);
    const nodes = parsed.data.store.collaborators.nodes.length;
    // Every answer under load is compared with this one: it must be the full page.
    if (nodes !== 50)
      throw new Error(
        `the bench store answers ${nodes} collaborators, not 50 (is the dataset the one for this database?)`,
      );
    log(`bench store ${storeId}: ${nodes} collaborators, response ${first.body.length} bytes`);

    const captured = path.join(scratch, "response.json");
    writeFileSync(captured, JSON.stringify({ storeId, data: parsed.data }));
    const bare = await startServer(
      "bare",
      ["dist/bench/bare-server.js", captured],
      env,
      /^Bare on http:\/\/[^:]+:(\d+)\/graphql/,
    );
    servers.push(bare);
    const bareFirst = await post(bare.url, body, { authorization: `Bearer ${token}` });
    const verify = sameData(parsed.data);
    if (!verify(first.body))
      throw new Error(`Latchkey's response does not read back as its own data: ${first.body.slice(0, 300)}`);
    if (!verify(bareFirst.body)) {
      const expected = JSON.stringify({ data: parsed.data });
      let at = 0;
      while (at < expected.length && bareFirst.body[at] === expected[at]) at++;
      const around = (text: string) => text.slice(Math.max(0, at - 120), at + 120);
      throw new Error(
        `the bare server's response differs from Latchkey's at character ${at}:\n  bare:     ${around(bareFirst.body)}\n  Latchkey: ${around(expected)}`,
      );
    }
    if (parsed.extensions)
      log(`Latchkey's extensions (not served by the bare server): ${JSON.stringify(parsed.extensions)}`);
    const unauthenticated = await post(bare.url, body);
    if (unauthenticated.status === 200 && !unauthenticated.body.includes("UNAUTHENTICATED"))
      throw new Error("the bare server answers without an Authorization header");

    const warmup = Math.min(5, Math.max(2, Math.round(opts.duration / 2)));
    for (const server of [latchkey, bare]) {
      log(`warming up ${server.name} (${warmup} s at ${opts.mainConnections} connections)`);
      await drive(server, body, token, verify, opts.mainConnections, warmup);
    }

    const rows: Row[] = [];
    for (const connections of opts.connections) {
      const l = await drive(latchkey, body, token, verify, connections, opts.duration);
      const b = await drive(bare, body, token, verify, connections, opts.duration);
      const row = {
        connections,
        latchkey: l,
        bare: b,
        ratio: Math.round((l.requestsPerSecond / b.requestsPerSecond) * 1000) / 1000,
      };
      rows.push(row);
      log(
        `${String(connections).padStart(3)} connections: Latchkey ${l.requestsPerSecond.toFixed(0)} req/s (p50 ${l.preciseP50Ms} ms, p99 ${l.preciseP99Ms} ms, ${l.peakRssMb} MB), ` +
          `bare ${b.requestsPerSecond.toFixed(0)} req/s (p50 ${b.preciseP50Ms} ms, p99 ${b.preciseP99Ms} ms, ${b.peakRssMb} MB), ratio ${row.ratio.toFixed(2)}; ` +
          `CPU per request ${l.cpuMsPerRequest} ms vs ${b.cpuMsPerRequest} ms (ratio ${(b.cpuMsPerRequest / l.cpuMsPerRequest).toFixed(2)})`,
      );
    }
    const lifetime = { latchkeyHwmMb: mb(latchkey.memory().hwmKb), bareHwmMb: mb(bare.memory().hwmKb) };

    let micro: MicroResults | undefined;
    if (dataset.bigStore && !opts.skipMicro) {
      log("");
      log("at scale (bigStore, through HTTP, as its owner):");
      micro = await measureAtScale(latchkey.url, dataset.password, dataset.bigStore, dataset.pendingRequests, (l) =>
        log(`  ${l}`),
      );
    } else if (!dataset.bigStore) {
      log(`(${datasetName} has no bigStore: accessAudit, explainAccess and accept throughput not measured)`);
    }

    await stopAll();
    servers.length = 0;

    const head = rows.find((r) => r.connections === opts.mainConnections)!;
    const met = head.ratio >= TARGET_RATIO;
    console.log("");
    console.log(table(rows));
    console.log("");
    console.log(
      `Latchkey ${head.latchkey.requestsPerSecond.toFixed(0)} req/s vs bare ${head.bare.requestsPerSecond.toFixed(0)} req/s = ratio ${head.ratio.toFixed(2)} ` +
        `(target >= ${TARGET_RATIO}) at ${opts.mainConnections} connections on ${opts.database}: ${met ? "target MET" : "target NOT met"}`,
    );
    const at64 = rows.find((r) => r.connections === 64);
    if (at64)
      console.log(
        `Latchkey peak RSS at 64 connections ${at64.latchkey.peakRssMb} MB (target <= 200 MB): ${at64.latchkey.peakRssMb <= 200 ? "met" : "NOT met"}`,
      );
    console.log(
      `cold start to /healthz ${coldStartMs} ms (target <= 1000 ms): ${coldStartMs <= 1000 ? "met" : "NOT met"}`,
    );
    if (micro?.accessAudit)
      console.log(
        `accessAudit whole list p50 ${micro.accessAudit.p50Ms} ms (issue 5's target, <= 50 ms: ${micro.accessAudit.met ? "met" : "NOT met"}; a client reads the page below)`,
      );
    if (micro?.accessAuditPage)
      console.log(
        `accessAudit first page of 50 p50 ${micro.accessAuditPage.p50Ms} ms (target <= 20 ms): ${micro.accessAuditPage.met ? "met" : "NOT met"}`,
      );
    if (micro?.explainAccess)
      console.log(
        `explainAccess p50 ${micro.explainAccess.p50Ms} ms (target <= 5 ms): ${micro.explainAccess.met ? "met" : "NOT met"}`,
      );
    if (micro?.accept && micro.accept.accepted)
      console.log(
        `collaboratorRequestAccept ${micro.accept.perSecond}/s (target >= 500/s on SQLite): ${micro.accept.met ? "met" : "NOT met"}`,
      );
    else if (micro?.accept) console.log(`collaboratorRequestAccept not measured: ${micro.accept.note}`);

    const machine = {
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      arch: os.arch(),
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
    };
    const date = new Date().toISOString();
    const results = {
      date,
      database: opts.database,
      machine,
      loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0] * 100) / 100 },
      settings: {
        durationSeconds: opts.duration,
        warmupSeconds: warmup,
        connections: opts.connections,
        mainConnections: opts.mainConnections,
        dataset: datasetName,
        databaseUrl: redact(url),
      },
      query: BENCH_QUERY,
      responseBytes: { latchkey: first.body.length, bare: bareFirst.body.length },
      coldStartMs,
      headline: {
        connections: opts.mainConnections,
        latchkey: head.latchkey.requestsPerSecond,
        bare: head.bare.requestsPerSecond,
        ratio: head.ratio,
        target: TARGET_RATIO,
        met,
      },
      rows,
      lifetimePeakRss: lifetime,
      micro,
    };
    // A profiled run (slowed by the profiler) keeps its figures apart and draws no chart.
    const resultsFile = path.join(resultsDir, `${opts.database}${opts.profile ? "-profile" : ""}.json`);
    writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");

    const xs = rows.map((r) => r.connections);
    const series = (key: "requestsPerSecond" | "p99Ms") => [
      { name: "Latchkey", color: "#d9480f", points: rows.map((r) => ({ x: r.connections, y: r.latchkey[key] })) },
      {
        name: "bare @apollo/server",
        color: "#1c7ed6",
        points: rows.map((r) => ({ x: r.connections, y: r.bare[key] })),
      },
    ];
    const svg = renderChart({
      title: `Latchkey vs bare Apollo Server: 50 collaborators as the store owner (${opts.database === "sqlite" ? "SQLite" : "PostgreSQL"})`,
      caption:
        `${date.slice(0, 10)} · node ${machine.node} · ${machine.cpus} × ${machine.cpuModel} · ${machine.platform} · ${opts.duration} s per point · ` +
        `ratio at ${opts.mainConnections} connections ${head.ratio.toFixed(2)} (target ≥ ${TARGET_RATIO})`,
      xs,
      panels: [
        { title: "requests/s (higher is better)", yLabel: "requests per second", series: series("requestsPerSecond") },
        { title: "p99 latency (lower is better)", yLabel: "p99 latency (ms)", series: series("p99Ms") },
      ],
    });
    const svgFile = path.join(ROOT, "docs", `bench-${opts.database}.svg`);
    if (!opts.profile) writeFileSync(svgFile, svg);
    console.log(
      `\nresults: ${path.relative(ROOT, resultsFile)}` +
        (opts.profile
          ? `, CPU profile in ${path.relative(ROOT, profileDir)}/ (summary: node dist/bench/profile-summary.js ${path.relative(ROOT, profileDir)}/<file>.cpuprofile)`
          : `, chart: ${path.relative(ROOT, svgFile)}`),
    );
  } finally {
    await stopAll();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
