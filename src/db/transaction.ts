// Every write is one transaction. SQLite has one connection and one writer: writes queue here,
// so that two requests never interleave statements inside one BEGIN...COMMIT, and never collide.
// On PostgreSQL two transactions can collide: a serialization failure (40001) or a deadlock
// (40P01). PostgreSQL has then rolled the loser back entirely, so the whole unit of work runs
// again, a bounded number of times after a short jittered pause. A UserFailure is an answer,
// not a collision: it is never retried. So `work` must do nothing but read and write through `tx`
// (and clear caches): what it changes outside the database would be done twice.
import { setTimeout as sleep } from "node:timers/promises";
import { DataSource, EntityManager, QueryFailedError } from "typeorm";
import { UserFailure } from "../domain/errors";

const queues = new WeakMap<DataSource, Promise<unknown>>();

/** How many times a unit of work runs at most on PostgreSQL when it keeps colliding. */
export const TRANSACTION_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 10;
const BACKOFF_MAX_MS = 200;

export async function inTransaction<T>(ds: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type === "postgres") return retryingConflicts(() => ds.transaction(work));
  const previous = queues.get(ds) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => ds.transaction(work));
  queues.set(
    ds,
    run.catch(() => undefined),
  );
  return run;
}

async function retryingConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isTransactionConflict(error)) throw error;
      // Exponential, with full jitter, so that the colliding transactions do not meet again.
      const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
      await sleep(ceiling / 2 + Math.random() * (ceiling / 2));
    }
  }
}

/** The SQLSTATE (PostgreSQL) or error code of a driver error, wherever TypeORM put it. */
function driverCode(error: unknown): string | undefined {
  const e = error as { driverError?: { code?: unknown }; code?: unknown } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
}

/** True when PostgreSQL rolled a transaction back because it collided with another (40001, 40P01). */
export function isTransactionConflict(error: unknown): boolean {
  if (error instanceof UserFailure || !(error instanceof QueryFailedError)) return false;
  const code = driverCode(error);
  return code === "40001" || code === "40P01";
}

/** True when a statement failed on a unique constraint (both engines). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = (error as QueryFailedError & { driverError?: { code?: string } }).driverError;
  return driverError?.code === "23505" || /UNIQUE constraint failed/i.test(error.message);
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/** 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now; class 08: connection exceptions. */
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|08...)$/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|terminating connection|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True when the database could not be reached or dropped the connection (PostgreSQL down or
 * restarting), as opposed to a statement that failed. Looks through the wrappers GraphQL,
 * TypeORM and Node put around the driver's error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length && seen.size < 20) {
    const e = pending.shift();
    if (!e || typeof e !== "object" || seen.has(e) || e instanceof UserFailure) continue;
    seen.add(e);
    const code = driverCode(e);
    if (code && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    const { originalError, cause, driverError, errors } = e as {
      originalError?: unknown;
      cause?: unknown;
      driverError?: unknown;
      errors?: unknown;
    };
    pending.push(originalError, cause, driverError, ...(Array.isArray(errors) ? (errors as unknown[]) : []));
  }
  return false;
}
