// Every write is one transaction. SQLite has one connection and one writer: writes queue here,
// so that two requests never interleave statements inside one BEGIN...COMMIT.
import { DataSource, EntityManager, QueryFailedError } from "typeorm";

const queues = new WeakMap<DataSource, Promise<unknown>>();

export async function inTransaction<T>(ds: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type === "postgres") return ds.transaction(work);
  const previous = queues.get(ds) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => ds.transaction(work));
  queues.set(ds, run.catch(() => undefined));
  return run;
}

/** True when a statement failed on a unique constraint (both engines). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = (error as QueryFailedError & { driverError?: { code?: string } }).driverError;
  return driverError?.code === "23505" || /UNIQUE constraint failed/i.test(error.message);
}
