// Tracing (OpenTelemetry), off unless OTEL_EXPORTER_OTLP_ENDPOINT is set. This module is the light
// half, used on the request path: it holds the tracer once the SDK runs (tracing-sdk.ts, started
// by tracing-start.ts, the first module main.ts loads) and makes our own spans:
// - one span per GraphQL operation, named `operation <name>` (e.g. `operation Viewer`), with the
//   operation's name and type, its outcome (ok, user_error or the first error code, as in the
//   request log line and /metrics) and the request id of the logs, under the HTTP request's span;
// - SQL statements of SQLite as child spans (better-sqlite3 has no instrumentation): the hot reads
//   (src/db/hot-reads.ts) and TypeORM's queries (src/db/query-spans.ts). On PostgreSQL the pg
//   instrumentation makes them. Statements go without their parameters.
// Off, every helper is skipped by one check of `tracer` (no span, no context, no attribute work)
// and the SDK is never even loaded.
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from "@opentelemetry/api";

let tracer: Tracer | null = null;
let shutdown: (() => Promise<void>) | null = null;

/** Whether tracing runs in this process. */
export function tracingEnabled(): boolean {
  return tracer !== null;
}

/** Called by tracing-sdk.ts once the SDK runs: our spans are made from now on. */
export function useTracer(t: Tracer, stop: () => Promise<void>): void {
  tracer = t;
  shutdown = stop;
}

/** Exports what is left and stops tracing (main.ts, on SIGTERM). */
export async function shutdownTracing(): Promise<void> {
  const stop = shutdown;
  tracer = null;
  shutdown = null;
  await stop?.();
}

/** The attribute that carries the request id of the log lines (X-Request-Id). */
export const REQUEST_ID = "latchkey.request_id";
/** The attribute that carries an operation's outcome: ok, user_error, or the first error code. */
export const OUTCOME = "latchkey.outcome";

/** Outcomes that are the server's fault (the span's status is ERROR); the others are the client's. */
const SERVER_FAULTS = /^(INTERNAL_SERVER_ERROR|SERVICE_UNAVAILABLE|HTTP_5\d\d)$/;

/**
 * Runs `work` outside any request's trace: for what many requests share, such as the bus's round
 * trips (src/realtime/pubsub.ts), which the pg instrumentation then leaves untraced (it traces only
 * statements with a parent span).
 */
export function untraced<T>(work: () => T): T {
  return tracer ? context.with(ROOT_CONTEXT, work) : work();
}

/** Puts the request id on the span of the HTTP request being served (made by the HTTP instrumentation). */
export function tagRequest(requestId: string): void {
  if (tracer) trace.getActiveSpan()?.setAttribute(REQUEST_ID, requestId);
}

/** What an operation's span reports, read when the operation is over. */
export interface OperationInfo {
  requestId: string;
  operationName?: string | null;
  operationType?: string | null;
  outcome?: string;
}

/**
 * Runs one GraphQL operation inside its span, the active one while it runs: the SQL statements,
 * the GraphQL instrumentation's parse/validate/execute spans and the loaders' reads become its
 * children. Without tracing, runs `work` as is.
 */
export function inOperationSpan<T>(info: OperationInfo, work: () => Promise<T>): Promise<T> {
  if (!tracer) return work();
  return tracer.startActiveSpan(
    "operation",
    { kind: SpanKind.INTERNAL, attributes: { [REQUEST_ID]: info.requestId } },
    async (span) => {
      try {
        return await work();
      } catch (error) {
        fail(span, error);
        throw error;
      } finally {
        const name = info.operationName ?? "anonymous";
        span.updateName(`operation ${name}`);
        span.setAttribute("graphql.operation.name", name);
        if (info.operationType) span.setAttribute("graphql.operation.type", info.operationType);
        if (info.outcome) {
          span.setAttribute(OUTCOME, info.outcome);
          if (SERVER_FAULTS.test(info.outcome)) span.setStatus({ code: SpanStatusCode.ERROR, message: info.outcome });
        }
        span.end();
      }
    },
  );
}

function fail(span: Span, error: unknown): void {
  // The kind and words of the error only: a driver's message never carries the statement's parameters.
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : typeof error });
}

/** The first word of a statement (SELECT, INSERT, ...), for the span's name. */
function verb(statement: string): string {
  return /^\s*([A-Za-z]+)/.exec(statement)?.[1]?.toUpperCase() ?? "SQL";
}

/**
 * A span for one SQLite statement, started now under the active span, or null when tracing is
 * off or nothing is being traced (background work makes no orphan traces). End it with endSql.
 */
export function startSqlSpan(statement: string, hotRead?: string): Span | null {
  if (!tracer || !trace.getActiveSpan()) return null;
  const operation = verb(statement);
  return tracer.startSpan(`sqlite.query:${operation}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      // The names of the pg instrumentation (OpenTelemetry's stable database conventions).
      "db.system.name": "sqlite",
      "db.operation.name": operation,
      "db.query.text": statement,
      ...(hotRead ? { "latchkey.hot_read": hotRead } : {}),
    },
  });
}

/** Ends a span of startSqlSpan, failed when `error` is given. */
export function endSql(span: Span | null, error?: unknown): void {
  if (!span) return;
  if (error !== undefined) fail(span, error);
  span.end();
}
