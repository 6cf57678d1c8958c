// Prometheus metrics (prom-client), served at GET /metrics: GraphQL requests by operation and
// outcome, latency by operation, the database pool, throttled and denied answers, and the
// default process metrics (shared by every server in the process).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Pool } from "pg";
import type { DataSource } from "typeorm";

let processRegistry: Registry | null = null;
/** Default process metrics, registered once per process. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Operation names are client-chosen: keep labels short and few. */
const MAX_OPERATION_LABELS = 300;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface RequestObservation {
  operation: string | null;
  /** "ok", "user_error", or the first top-level error code. */
  outcome: string;
  seconds: number;
  throttled: boolean;
  denied: boolean;
}

export interface Metrics {
  registry: Registry;
  contentType: string;
  observe(o: RequestObservation): void;
  text(): Promise<string>;
}

export function createMetrics(ds: DataSource): Metrics {
  const own = new Registry();
  const requests = new Counter({
    name: "latchkey_graphql_requests_total",
    help: "GraphQL requests by operation name and outcome (ok, user_error, or the error code).",
    labelNames: ["operation", "outcome"] as const,
    registers: [own],
  });
  const latency = new Histogram({
    name: "latchkey_graphql_request_duration_seconds",
    help: "GraphQL request latency in seconds, by operation name.",
    labelNames: ["operation"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [own],
  });
  const throttled = new Counter({
    name: "latchkey_throttled_total",
    help: "Answers that carried a THROTTLED error.",
    registers: [own],
  });
  const denied = new Counter({
    name: "latchkey_denied_total",
    help: "Answers that carried an ACCESS_DENIED or NOT_FOUND error.",
    registers: [own],
  });
  new Gauge({
    name: "latchkey_db_pool_connections",
    help: "Database connections by state (total, idle, waiting); SQLite uses one connection.",
    labelNames: ["state"] as const,
    registers: [own],
    collect() {
      // TypeORM's PostgresDriver keeps its pg Pool in `master` (not in its public type).
      const pool =
        ds.options.type === "postgres"
          ? (ds.driver as unknown as { master?: Pick<Pool, "totalCount" | "idleCount" | "waitingCount"> }).master
          : null;
      if (pool) {
        this.set({ state: "total" }, pool.totalCount ?? 0);
        this.set({ state: "idle" }, pool.idleCount ?? 0);
        this.set({ state: "waiting" }, pool.waitingCount ?? 0);
      } else {
        const up = ds.isInitialized ? 1 : 0;
        this.set({ state: "total" }, up);
        this.set({ state: "idle" }, up);
        this.set({ state: "waiting" }, 0);
      }
    },
  });
  const seen = new Set<string>();
  const label = (name: string | null): string => {
    if (!name) return "anonymous";
    if (!OPERATION_NAME.test(name)) return "invalid";
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return "other";
    seen.add(name);
    return name;
  };
  const registry = Registry.merge([processMetrics(), own]);
  return {
    registry,
    contentType: registry.contentType,
    observe(o) {
      const operation = label(o.operation);
      requests.inc({ operation, outcome: o.outcome });
      latency.observe({ operation }, o.seconds);
      if (o.throttled) throttled.inc();
      if (o.denied) denied.inc();
    },
    text: () => registry.metrics(),
  };
}
