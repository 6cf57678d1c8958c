// Issue 14 item 2: tracing as production runs it. `node dist/src/main.js` with
// OTEL_EXPORTER_OTLP_ENDPOINT loads the SDK before anything else (src/observability/tracing-start.ts),
// so the HTTP, GraphQL and pg instrumentations patch their modules; its spans reach a collector
// (an OTLP/HTTP receiver started here) in batches, the last ones on SIGTERM.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadConfig } from "../src/config";
import type { SignInMutation } from "./generated/graphql";
import { queryText, type GqlResult } from "./support/client";
import { SIGN_IN } from "./support/documents";
import { killLatchkey, spawnLatchkey, type SpawnedLatchkey } from "./support/processes";
import { freshDatabase } from "./support/server";

interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
}
interface OtlpExport {
  resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
}

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const exports: OtlpExport[] = [];
const paths: string[] = [];
let collector: http.Server;
let endpoint: string;
let latchkey: SpawnedLatchkey | undefined;
let drop: (() => Promise<void>) | undefined;

const attribute = (span: OtlpSpan, key: string) => span.attributes?.find((a) => a.key === key)?.value.stringValue;

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      paths.push(req.url ?? "");
      exports.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpExport);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  const fresh = await freshDatabase();
  drop = fresh.drop;
  latchkey = await spawnLatchkey(fresh.db, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, LOG_LEVEL: "silent" });
}, 60_000);

afterAll(async () => {
  await killLatchkey(latchkey);
  await new Promise<void>((resolve) => collector?.close(() => resolve()));
  await drop?.();
});

test("Issue 14 item 2: OTEL_EXPORTER_OTLP_ENDPOINT is validated by the configuration; unset, tracing is off", () => {
  expect(loadConfig({}).otlpEndpoint).toBeNull();
  expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel:4318/" }).otlpEndpoint).toBe("http://otel:4318");
  expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "otel:4318" })).toThrow(
    "OTEL_EXPORTER_OTLP_ENDPOINT must start with http:// or https://",
  );
});

test("Issue 14 item 2: a Latchkey started with OTEL_EXPORTER_OTLP_ENDPOINT sends the trace of a request to the collector: HTTP, operation, GraphQL and SQL spans", async () => {
  const res = await fetch(`${latchkey!.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": "process-trace-1" },
    body: JSON.stringify({
      query: queryText(SIGN_IN),
      variables: { input: { email: "nobody@example.com", password: "not-the-password" } },
    }),
  });
  const answer = (await res.json()) as GqlResult<SignInMutation>;
  expect(answer.data?.signIn?.userErrors?.[0]?.code, JSON.stringify(answer)).toBe("INVALID_CREDENTIALS");
  // SIGTERM: the spans still batched are exported before the process exits.
  latchkey!.child.kill("SIGTERM");
  expect(await latchkey!.exited).toEqual({ code: 0, signal: null });

  expect(paths.every((p) => p === "/v1/traces")).toBe(true);
  const spans = exports.flatMap((e) => e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
  const operation = spans.find((x) => x.name === "operation SignIn");
  expect(operation, spans.map((x) => x.name).join(", ")).toBeDefined();
  expect(attribute(operation!, "latchkey.request_id")).toBe("process-trace-1");
  expect(attribute(operation!, "latchkey.outcome")).toBe("user_error");
  const trace = spans.filter((x) => x.traceId === operation!.traceId);
  const server = trace.find((x) => x.spanId === operation!.parentSpanId);
  expect(attribute(server!, "latchkey.request_id")).toBe("process-trace-1");
  expect(trace.map((x) => x.name)).toEqual(expect.arrayContaining(["graphql.parse", "graphql.validate"]));
  const sql = trace.filter((x) => attribute(x, "db.query.text") !== undefined);
  expect(sql.length).toBeGreaterThanOrEqual(1);
  for (const span of sql) expect(attribute(span, "db.system.name")).toBe(onPostgres ? "postgresql" : "sqlite");
  expect(JSON.stringify(trace)).not.toContain("not-the-password");
  expect(JSON.stringify(trace)).not.toContain("nobody@example.com");
});
