// Scheduled expiry (R7, R17): writes down the expiries the clock has already decided, so that a
// pending request older than 7 days and a collaborator account unused for 90 days become EXPIRED
// (with their "collaborator.expired" audit event) even when no later write touches them.
// Exactly once across instances: on PostgreSQL the sweep runs under a transaction-scoped
// advisory lock (an instance that does not get it skips this round), and each row moves with a
// conditional UPDATE ... WHERE status = <old> (settleExpired), so a sweep and a lazy write that
// race on one row record one event between them. SQLite has one writer: the sweep simply runs.
// Partner invitations past invitationExpiresAt need no write: they read as expired (R27) and
// stay so; nothing is recorded for them, so nothing can be recorded twice.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db/transaction";
import { settleExpired } from "../domain/collaborators/collaborator.service";
import { LIVE_STATUS_SQL, StoreUser } from "../domain/collaborators/store-user.entity";
import { whereEffectiveStatus } from "../domain/collaborators/store-user.queries";

/** The advisory lock key of the sweep ("LKEX"): one sweeper at a time across instances. */
export const EXPIRY_SWEEP_LOCK = 0x4c4b4558;
/** Rows settled per transaction at most; the next round takes the rest. */
export const EXPIRY_BATCH = 500;

export interface SweepResult {
  /** False when another instance held the lock (PostgreSQL): this one did nothing. */
  ran: boolean;
  /** Rows this sweep moved to EXPIRED (and recorded). */
  expired: number;
}

export async function runExpirySweep(ds: DataSource, now: Date): Promise<SweepResult> {
  return inTransaction(ds, async (tx) => {
    if (tx.connection.options.type === "postgres") {
      const [{ locked }] = await tx.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock($1::int) AS locked`,
        [EXPIRY_SWEEP_LOCK],
      );
      if (!locked) return { ran: false, expired: 0 };
    }
    const qb = tx
      .createQueryBuilder(StoreUser, "su")
      .where(`su.status IN (${LIVE_STATUS_SQL})`)
      .andWhere("su.userType = 'COLLABORATOR'");
    whereEffectiveStatus(qb, "EXPIRED", now);
    const due = await qb.orderBy("su.id", "ASC").take(EXPIRY_BATCH).getMany();
    let expired = 0;
    for (const row of due) {
      await settleExpired(tx, [row], now);
      // settleExpired leaves the row's status as stored: EXPIRED by us, or whatever another writer made it.
      if (row.status === "EXPIRED") expired++;
    }
    return { ran: true, expired };
  });
}
