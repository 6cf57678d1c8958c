// Issue 14 item 2: tracing. With the SDK started (here with an in-memory exporter; in production by
// OTEL_EXPORTER_OTLP_ENDPOINT, before anything loads), one request leaves one trace: the HTTP
// request's span, under it one span for the GraphQL operation with its name, outcome and the
// request id of the logs, and under that the GraphQL instrumentation's spans and one span per SQL
// statement (SQLite: our own, from the hot reads and TypeORM; PostgreSQL: the pg instrumentation's).
// The SDK is started before the server's modules load (instrumentations patch them as they load):
// support/in-memory-tracing comes first.
import { exporter } from "./support/in-memory-tracing";
import { SpanKind } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, expect, test } from "vitest";
import { OUTCOME, REQUEST_ID, shutdownTracing } from "../src/observability/tracing";
import { queryText } from "./support/client";
import { COLLABORATOR_ACCOUNTS as ACCOUNTS, VIEWER } from "./support/documents";
import { startServer, type TestServer } from "./support/server";

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
let s: TestServer;

beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s?.close();
  await shutdownTracing();
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const attr = (span: ReadableSpan, key: string) => span.attributes[key];

/** Whether `span` is below `ancestor` in its trace. */
function isBelow(span: ReadableSpan, ancestor: ReadableSpan, all: ReadableSpan[]): boolean {
  for (let parent = parentOf(span); parent;) {
    if (parent === ancestor.spanContext().spanId) return true;
    parent = all.find((x) => x.spanContext().spanId === parent)?.parentSpanContext?.spanId;
  }
  return false;
}

test("Issue 14 item 2: one request is one trace: the HTTP span, the operation's span with its name, outcome and request id, and the SQL statements under it", async () => {
  const kira = await s.as("kira");
  exporter.reset();
  const res = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${kira.token}`,
      "x-request-id": "trace-one",
    },
    body: JSON.stringify({ query: queryText(ACCOUNTS) }),
  });
  const body = (await res.json()) as { data?: { viewer?: { collaboratorAccounts?: unknown[] } } };
  expect(body.data?.viewer?.collaboratorAccounts?.length).toBeGreaterThan(0);

  const spans = exporter.getFinishedSpans();
  const server = spans.filter((x) => x.kind === SpanKind.SERVER);
  expect(server).toHaveLength(1);
  const http = server[0];
  expect(attr(http, REQUEST_ID)).toBe("trace-one");
  const trace = http.spanContext().traceId;
  const mine = spans.filter((x) => x.spanContext().traceId === trace);
  expect(mine.length).toBe(spans.length); // the request made one trace, and nothing else was traced

  const operations = mine.filter((x) => x.name.startsWith("operation "));
  expect(operations).toHaveLength(1);
  const operation = operations[0];
  expect(operation.name).toBe("operation CollaboratorAccounts");
  expect(parentOf(operation)).toBe(http.spanContext().spanId);
  expect(operation.attributes).toMatchObject({
    "graphql.operation.name": "CollaboratorAccounts",
    "graphql.operation.type": "query",
    [OUTCOME]: "ok",
    [REQUEST_ID]: "trace-one",
  });

  // The GraphQL instrumentation's spans are the operation's children.
  const execute = mine.find((x) => x.name === "graphql.execute" || x.name === "query CollaboratorAccounts");
  expect(execute, mine.map((x) => x.name).join(", ")).toBeDefined();
  expect(isBelow(execute!, operation, mine)).toBe(true);

  // Every SQL statement is a span under the operation: the session's hot read and TypeORM's reads.
  const sql = mine.filter((x) => attr(x, "db.query.text") !== undefined);
  expect(sql.length).toBeGreaterThanOrEqual(2);
  for (const span of sql) {
    expect(attr(span, "db.system.name")).toBe(onPostgres ? "postgresql" : "sqlite");
    expect(isBelow(span, operation, mine), span.name).toBe(true);
  }
  const statements = sql.map((x) => String(attr(x, "db.query.text")));
  expect(statements.some((x) => x.includes('FROM "sessions"'))).toBe(true);
  expect(statements.some((x) => x.includes("store_users"))).toBe(true);
  if (!onPostgres)
    expect(sql.find((x) => String(attr(x, "db.query.text")).includes('FROM "sessions"'))?.attributes).toMatchObject({
      "latchkey.hot_read": "sessionByTokenHash",
    });
  // No span carries a value: not the bearer token, not the token's hash, not an email.
  const text = JSON.stringify(mine.map((x) => x.attributes));
  expect(text).not.toContain(kira.token);
  expect(text).not.toContain("@example.com");
});

test("Issue 14 item 2: an operation refused by the server carries its code as its outcome; probes are not traced", async () => {
  exporter.reset();
  await fetch(`${s.url}/healthz`);
  await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": "trace-two" },
    body: JSON.stringify({ query: queryText(VIEWER) }),
  });
  const spans = exporter.getFinishedSpans();
  expect(spans.filter((x) => x.kind === SpanKind.SERVER).map((x) => attr(x, REQUEST_ID))).toEqual(["trace-two"]);
  const operation = spans.find((x) => x.name.startsWith("operation "));
  expect(operation?.attributes).toMatchObject({
    "graphql.operation.name": "Viewer",
    [OUTCOME]: "UNAUTHENTICATED",
    [REQUEST_ID]: "trace-two",
  });
});
