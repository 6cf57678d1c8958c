// Delivery of the outbox's EMAIL entries over SMTP (R5 records them; this sends them).
// Several instances may run this at once: each message is claimed by one worker before it is sent
// (PostgreSQL: FOR UPDATE SKIP LOCKED inside the claiming transaction; SQLite: its single writer
// makes the conditional UPDATE a safe claim), so two workers never send the same message.
// A failed attempt is retried after an exponential backoff (30 s, 2 min, 8 min, ...); after
// MAX_ATTEMPTS the message is given up and marked failed. Times come from clock.now().
// Failed attempts and failed runs are logged as JSON through the logger (the message's id, never
// its recipient or body); the loop's runs are counted (latchkey_outbox_deliveries_total).
import { randomUUID } from "node:crypto";
import { DataSource, EntityManager } from "typeorm";
import { clock } from "../../clock";
import { inTransaction } from "../../db/transaction";
import { describeForLog, logger, type Logger } from "../../observability/logger";
import type { Metrics } from "../../observability/metrics";
import { Notification } from "./notification.entity";
import type { MailTransport } from "./mailer";

export const MAX_ATTEMPTS = 6;
export const BACKOFF_BASE_MS = 30_000;
/** A claim older than this is taken to be abandoned (its worker died) and may be claimed again. */
export const CLAIM_LEASE_MS = 5 * 60_000;

export interface DeliveryOptions {
  /** How many messages one claim takes. */
  batchSize?: number;
  /** The sender address. */
  from?: string;
  /** At most this many batches per call (so one call ends even while mail keeps coming). */
  maxBatches?: number;
  /** Where failed attempts are logged (default: the process logger). */
  log?: Logger;
}

export interface DeliveryResult {
  sent: number;
  /** Failed attempts that will be retried. */
  retried: number;
  /** Given up. */
  failed: number;
}

export const DEFAULT_FROM = "Latchkey <no-reply@latchkey.example>";

/** The wait before the next attempt after `attempts` failed ones: 30 s, 2 min, 8 min, 32 min, ... */
export function backoffMs(attempts: number): number {
  return BACKOFF_BASE_MS * 4 ** Math.max(0, attempts - 1);
}

/** Runs a statement written with `:name` parameters on either engine (dates converted by the driver). */
async function run(tx: EntityManager, sql: string, params: Record<string, unknown>): Promise<unknown> {
  const [query, values] = tx.connection.driver.escapeQueryWithParameters(sql, params);
  return tx.query(query, values);
}

const DUE = `"channel" = 'EMAIL' AND "deliveredAt" IS NULL AND "failedAt" IS NULL
  AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= :now)
  AND ("claimedAt" IS NULL OR "claimedAt" < :leaseCutoff)`;

/** Claims up to `limit` due messages for this worker; returns them. */
async function claim(ds: DataSource, limit: number): Promise<{ token: string; rows: Notification[] }> {
  const token = randomUUID();
  const now = clock.now();
  const leaseCutoff = new Date(now.getTime() - CLAIM_LEASE_MS);
  const lock = ds.options.type === "postgres" ? "FOR UPDATE SKIP LOCKED" : "";
  await inTransaction(ds, async (tx) => {
    await run(
      tx,
      `UPDATE "notifications" SET "claimedAt" = :now, "claimToken" = :token
       WHERE "id" IN (SELECT "id" FROM "notifications" WHERE ${DUE} ORDER BY "id" LIMIT ${Math.floor(limit)} ${lock})
         AND ${DUE}`,
      { now, leaseCutoff, token },
    );
  });
  const rows = await ds.getRepository(Notification).find({ where: { claimToken: token }, order: { id: "ASC" } });
  return { token, rows };
}

function describe(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  // The server's answer, not the message: never the body or credentials.
  return [e?.code, e?.responseCode, e?.response ?? e?.message]
    .filter((x) => x !== undefined && x !== "")
    .join(" ")
    .slice(0, 1000);
}

/** Sends what is due in the outbox; safe to run on several instances at once. */
export async function deliverOutbox(
  ds: DataSource,
  transport: MailTransport,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const batchSize = options.batchSize ?? 10;
  const maxBatches = options.maxBatches ?? 50;
  const from = options.from ?? DEFAULT_FROM;
  const log = options.log ?? logger;
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const { token, rows } = await claim(ds, batchSize);
    if (rows.length === 0) break;
    for (const n of rows) {
      try {
        await transport.sendMail({ from, to: n.recipient, subject: n.subject, text: n.body });
      } catch (error) {
        const attempts = n.attempts + 1;
        const now = clock.now();
        const givenUp = attempts >= MAX_ATTEMPTS;
        await inTransaction(ds, (tx) =>
          tx.update(
            Notification,
            { id: n.id, claimToken: token },
            {
              attempts,
              lastError: describe(error),
              claimedAt: null,
              claimToken: null,
              failedAt: givenUp ? now : null,
              nextAttemptAt: givenUp ? null : new Date(now.getTime() + backoffMs(attempts)),
            },
          ),
        );
        const line = { job: "outbox-delivery", notificationId: n.id, attempts, error: describe(error) };
        if (givenUp) {
          result.failed++;
          log.error(line, "outbox email given up");
        } else {
          result.retried++;
          log.warn(line, "outbox email attempt failed; will retry");
        }
        continue;
      }
      await inTransaction(ds, (tx) =>
        tx.update(
          Notification,
          { id: n.id, claimToken: token },
          { deliveredAt: clock.now(), claimedAt: null, claimToken: null, nextAttemptAt: null },
        ),
      );
      result.sent++;
    }
    if (rows.length < batchSize) break;
  }
  return result;
}

/**
 * Runs deliverOutbox every `intervalMs` (an unref'd timer: it never keeps the process alive), one
 * run at a time. stop() ends the loop and waits for a run in progress, so the data source can close.
 */
export function startDeliveryLoop(
  ds: DataSource,
  transport: MailTransport,
  options: DeliveryOptions & { intervalMs?: number; metrics?: Pick<Metrics, "delivered"> } = {},
): { stop(): Promise<void> } {
  const log = options.log ?? logger;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = deliverOutbox(ds, transport, options)
      .then(
        (result) => options.metrics?.delivered(result),
        (error) => log.error({ job: "outbox-delivery", error: describeForLog(error) }, "outbox delivery failed"),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 5_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
