// Issue 14 item 3: the background work in sight. /metrics counts the outbox (pending, failed,
// oldest pending age, deliveries), the expiry sweeps (runs, rows settled, last run) and the
// subscriptions (open sockets, messages sent); the errors of the scheduler and the outbox are
// logged as JSON lines through the logger.
import { createClient } from "graphql-ws";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import { createDataSource } from "../src/db/data-source";
import { deliverOutbox, startDeliveryLoop } from "../src/domain/notifications/delivery";
import { createMailTransport } from "../src/domain/notifications/mailer";
import { busOf } from "../src/realtime/events";
import { createLogger } from "../src/observability/logger";
import { startScheduler } from "../src/scheduler/scheduler";
import { graphql } from "./generated";
import { must, queryText } from "./support/client";
import { freePort } from "./support/processes";
import { freshDatabase, startServer, type TestServer } from "./support/server";
import { kiraRequestsNordic } from "./support/world";

const METRICS_TOKEN = "background-work-metrics-token";
const WAIT_MS = 10_000;

const RECEIVED = graphql(`
  subscription BackgroundWorkRequestReceived($storeId: ID!) {
    collaboratorRequestReceived(storeId: $storeId) {
      id
    }
  }
`);

let s: TestServer;

/** The samples of /metrics, by series (`name{labels}`). */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

/** Scrapes until `ok` holds for the samples (background work runs on its own timer). */
async function scrapeUntil(ok: (m: Map<string, number>) => boolean): Promise<Map<string, number>> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const m = await scrape();
    if (ok(m) || Date.now() > deadline) return m;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** JSON lines written by a logger made for one test. */
function capturedLogger() {
  const lines: string[] = [];
  const log = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

async function until(ok: () => boolean) {
  const deadline = Date.now() + WAIT_MS;
  while (!ok() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

beforeAll(async () => {
  s = await startServer(undefined, { server: { metricsToken: METRICS_TOKEN } });
  // What the fixture left in the outbox is sent first: the counts below start from an empty outbox.
  await deliverOutbox(s.ds, nodemailer.createTransport({ jsonTransport: true }));
});
afterAll(async () => {
  await s?.close();
});

describe("the outbox", () => {
  test("Issue 14 item 3, R5: a request email queued shows as pending with its age; once sent, pending is 0 and sent counts it", async () => {
    const before = await scrape();
    expect(before.get('latchkey_outbox_messages{state="pending"}')).toBe(0);
    expect(before.get("latchkey_outbox_oldest_pending_age_seconds")).toBe(0);
    const sentBefore = must(before.get('latchkey_outbox_deliveries_total{result="sent"}'));

    await kiraRequestsNordic(s);
    const queued = await scrape();
    expect(queued.get('latchkey_outbox_messages{state="pending"}')).toBe(1);
    expect(queued.get('latchkey_outbox_messages{state="failed"}')).toBe(0);
    expect(queued.get("latchkey_outbox_oldest_pending_age_seconds")).toBeGreaterThanOrEqual(0);

    const loop = startDeliveryLoop(s.ds, nodemailer.createTransport({ jsonTransport: true }), {
      intervalMs: 20,
      metrics: s.metrics,
    });
    try {
      const sent = await scrapeUntil(
        (m) => m.get('latchkey_outbox_deliveries_total{result="sent"}') === sentBefore + 1,
      );
      expect(sent.get('latchkey_outbox_deliveries_total{result="sent"}')).toBe(sentBefore + 1);
      const drained = await scrape();
      expect(drained.get('latchkey_outbox_messages{state="pending"}')).toBe(0);
      expect(drained.get("latchkey_outbox_oldest_pending_age_seconds")).toBe(0);
    } finally {
      await loop.stop();
    }
  });

  test("Issue 14 item 3, R5: a failed attempt counts as retried and is logged as JSON with the message's id, never its recipient", async () => {
    const before = await scrape();
    const retriedBefore = must(before.get('latchkey_outbox_deliveries_total{result="retried"}'));
    await kiraRequestsNordic(s);
    const { log, parsed } = capturedLogger();
    // Nothing listens on this port: the SMTP connection is refused.
    const refused = createMailTransport(`smtp://127.0.0.1:${await freePort()}`);
    const loop = startDeliveryLoop(s.ds, refused, { intervalMs: 20, metrics: s.metrics, log });
    try {
      const after = await scrapeUntil(
        (m) => m.get('latchkey_outbox_deliveries_total{result="retried"}') === retriedBefore + 1,
      );
      expect(after.get('latchkey_outbox_deliveries_total{result="retried"}')).toBe(retriedBefore + 1);
      expect(after.get('latchkey_outbox_messages{state="pending"}')).toBe(1);
    } finally {
      await loop.stop();
    }
    const [line] = parsed();
    expect(line).toMatchObject({
      level: "warn",
      msg: "outbox email attempt failed; will retry",
      job: "outbox-delivery",
      attempts: 1,
    });
    expect(typeof line.notificationId).toBe("number");
    expect(line.error).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(parsed())).not.toContain("@example.com");
  });
});

describe("the expiry sweep", () => {
  test("Issue 14 item 3, R17: a sweep round counts as ran, with the rows it settled and when it ran", async () => {
    const before = await scrape();
    expect(before.get('latchkey_expiry_sweep_runs_total{result="ran"}')).toBe(0);
    expect(before.get("latchkey_expiry_sweep_last_run_timestamp_seconds")).toBe(0);
    const scheduler = startScheduler(s.ds, { intervalMs: 20, metrics: s.metrics });
    try {
      const after = await scrapeUntil((m) => (m.get('latchkey_expiry_sweep_runs_total{result="ran"}') ?? 0) >= 1);
      expect(after.get('latchkey_expiry_sweep_runs_total{result="ran"}')).toBeGreaterThanOrEqual(1);
      // The fixture's pete has not signed in for 100 days: his collaborator account is due (R17).
      expect(after.get("latchkey_expiry_sweep_settled_total")).toBeGreaterThanOrEqual(1);
      expect(after.get("latchkey_expiry_sweep_last_run_timestamp_seconds")).toBeGreaterThan(Date.UTC(2020, 0) / 1000);
      expect(after.get('latchkey_expiry_sweep_runs_total{result="failed"}')).toBe(0);
    } finally {
      await scheduler.stop();
    }
  });

  test("Issue 14 item 3: a failed sweep round counts as failed and is logged as one JSON line with the error", async () => {
    const { db, drop } = await freshDatabase();
    const unopened = createDataSource(db); // never initialized: every round fails
    const { log, parsed } = capturedLogger();
    const before = must((await scrape()).get('latchkey_expiry_sweep_runs_total{result="failed"}'));
    const scheduler = startScheduler(unopened, { intervalMs: 20, metrics: s.metrics, log });
    try {
      await until(() => parsed().length > 0);
    } finally {
      await scheduler.stop();
      await drop();
    }
    const [line] = parsed();
    expect(line).toMatchObject({ level: "error", msg: "scheduled expiry sweep failed", job: "expiry-sweep" });
    expect(typeof line.time).toBe("string");
    expect(line.error).toMatch(/Error/);
    expect((await scrape()).get('latchkey_expiry_sweep_runs_total{result="failed"}')).toBeGreaterThan(before);
  });
});

describe("subscriptions", () => {
  test("Issue 14 item 3, R9: an open subscription counts as an open socket, each event sent counts, and a closed one no more", async () => {
    const nora = await s.as("nora");
    const nordic = await s.gid("Store", "stores", { domain: "nordic.example.com" });
    const before = await scrape();
    expect(before.get("latchkey_subscription_sockets_open")).toBe(0);
    const sentBefore = must(before.get("latchkey_subscription_events_sent_total"));

    const received: unknown[] = [];
    const client = createClient({
      url: `${s.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${nora.token}` },
      retryAttempts: 0,
    });
    let connected = false;
    client.on("connected", () => (connected = true));
    client.subscribe(
      { query: queryText(RECEIVED), variables: { storeId: nordic } },
      { next: (value) => void received.push(value), error: () => undefined, complete: () => undefined },
    );
    try {
      await until(() => connected);
      const open = await scrape();
      expect(open.get("latchkey_subscription_sockets_open")).toBe(1);
      await must(busOf(s.ds)).listening(1);
      const created = await kiraRequestsNordic(s);
      await until(() => received.length > 0);
      expect(received).toEqual([{ data: { collaboratorRequestReceived: { id: created } } }]);
      expect((await scrape()).get("latchkey_subscription_events_sent_total")).toBe(sentBefore + 1);
    } finally {
      await client.dispose();
    }
    const closed = await scrapeUntil((m) => m.get("latchkey_subscription_sockets_open") === 0);
    expect(closed.get("latchkey_subscription_sockets_open")).toBe(0);
  });
});
