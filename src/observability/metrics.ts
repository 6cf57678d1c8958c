// Prometheus metrics (prom-client), served at GET /metrics: GraphQL requests by operation and
// outcome, latency by operation, the database pool, throttled and denied answers, the background
// work (the outbox, the expiry sweeps, the subscriptions) and the default process metrics (shared
// by every server in the process). README "Operating Latchkey" lists them for dashboards.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Pool } from "pg";
import { IsNull, type DataSource } from "typeorm";
import { clock } from "../clock";
import type { DeliveryResult } from "../domain/notifications/delivery";
import { Notification } from "../domain/notifications/notification.entity";
import type { SweepResult } from "../scheduler/expiry";

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
  /** A round of the expiry sweep (src/scheduler): what it did, or "failed". */
  sweep(result: SweepResult | "failed"): void;
  /** A run of the outbox's delivery (src/domain/notifications/delivery.ts). */
  delivered(result: DeliveryResult): void;
  /** A message (an event or an error) sent to a subscriber over the socket. */
  subscriptionEvent(): void;
  text(): Promise<string>;
}

export interface MetricsSources {
  /** The subscription sockets open now (src/realtime/ws.ts). */
  openSockets?: () => number;
}

/** The outbox as the database holds it (every instance reports the same). */
interface OutboxSnapshot {
  pending: number;
  failed: number;
  oldestPendingAgeSeconds: number;
}

/** EMAIL entries not yet delivered, by whether they were given up; and the oldest one still pending. */
async function readOutbox(ds: DataSource): Promise<OutboxSnapshot> {
  const counts = await ds
    .getRepository(Notification)
    .createQueryBuilder("n")
    .select(`SUM(CASE WHEN n.failedAt IS NULL THEN 1 ELSE 0 END)`, "pending")
    .addSelect(`SUM(CASE WHEN n.failedAt IS NULL THEN 0 ELSE 1 END)`, "failed")
    .where("n.channel = 'EMAIL' AND n.deliveredAt IS NULL")
    .getRawOne<{ pending: unknown; failed: unknown }>();
  const oldest = await ds.getRepository(Notification).findOne({
    select: { id: true, createdAt: true },
    where: { channel: "EMAIL", deliveredAt: IsNull(), failedAt: IsNull() },
    order: { createdAt: "ASC", id: "ASC" },
  });
  return {
    pending: Number(counts?.pending ?? 0),
    failed: Number(counts?.failed ?? 0),
    oldestPendingAgeSeconds: oldest ? Math.max(0, (clock.now().getTime() - oldest.createdAt.getTime()) / 1000) : 0,
  };
}

export function createMetrics(ds: DataSource, sources: MetricsSources = {}): Metrics {
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
  // The outbox, from the database: the same on every instance (dashboards take the max, not the sum).
  // A scrape collects every gauge at once: the two outbox gauges share one read while it runs.
  let outbox: Promise<OutboxSnapshot | null> | null = null;
  const outboxNow = () =>
    (outbox ??= readOutbox(ds)
      // A database that does not answer leaves the gauges as they were rather than failing the scrape.
      .catch(() => null)
      .finally(() => {
        outbox = null;
      }));
  new Gauge({
    name: "latchkey_outbox_messages",
    help: "Emails in the outbox not delivered, by state: pending (still to send) or failed (given up).",
    labelNames: ["state"] as const,
    registers: [own],
    async collect() {
      const snapshot = await outboxNow();
      if (!snapshot) return;
      this.set({ state: "pending" }, snapshot.pending);
      this.set({ state: "failed" }, snapshot.failed);
    },
  });
  new Gauge({
    name: "latchkey_outbox_oldest_pending_age_seconds",
    help: "Age of the oldest email still to send (0 when none is pending).",
    registers: [own],
    async collect() {
      const snapshot = await outboxNow();
      if (snapshot) this.set(snapshot.oldestPendingAgeSeconds);
    },
  });
  const deliveries = new Counter({
    name: "latchkey_outbox_deliveries_total",
    help: "Delivery attempts of outbox emails by this instance, by result: sent, retried (will be tried again) or failed (given up).",
    labelNames: ["result"] as const,
    registers: [own],
  });
  for (const result of ["sent", "retried", "failed"]) deliveries.inc({ result }, 0);
  const sweepRuns = new Counter({
    name: "latchkey_expiry_sweep_runs_total",
    help: "Rounds of the expiry sweep on this instance, by result: ran, skipped (another instance held the lock) or failed.",
    labelNames: ["result"] as const,
    registers: [own],
  });
  for (const result of ["ran", "skipped", "failed"]) sweepRuns.inc({ result }, 0);
  const sweepSettled = new Counter({
    name: "latchkey_expiry_sweep_settled_total",
    help: "Requests and collaborator accounts the expiry sweep of this instance moved to EXPIRED (R7, R17).",
    registers: [own],
  });
  const sweepLastRun = new Gauge({
    name: "latchkey_expiry_sweep_last_run_timestamp_seconds",
    help: "When the expiry sweep of this instance last ran to completion (Unix time; 0: not yet).",
    registers: [own],
  });
  new Gauge({
    name: "latchkey_subscription_sockets_open",
    help: "GraphQL subscription (WebSocket) connections open on this instance.",
    registers: [own],
    collect() {
      this.set(sources.openSockets?.() ?? 0);
    },
  });
  const subscriptionEvents = new Counter({
    name: "latchkey_subscription_events_sent_total",
    help: "Messages (events and errors) this instance sent to subscribers.",
    registers: [own],
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
    sweep(result) {
      if (result === "failed") {
        sweepRuns.inc({ result: "failed" });
        return;
      }
      sweepRuns.inc({ result: result.ran ? "ran" : "skipped" });
      if (!result.ran) return;
      sweepSettled.inc(result.expired);
      sweepLastRun.set(clock.now().getTime() / 1000);
    },
    delivered(result) {
      deliveries.inc({ result: "sent" }, result.sent);
      deliveries.inc({ result: "retried" }, result.retried);
      deliveries.inc({ result: "failed" }, result.failed);
    },
    subscriptionEvent: () => subscriptionEvents.inc(),
    text: () => registry.metrics(),
  };
}
