// What every write makes stale in the caches (src/db/caches.ts), seen at the one place all SQL
// passes: TypeORM's query runners. Each statement is read for the table it writes (INSERT, UPDATE,
// DELETE); one that cannot be read so (a WITH, DDL, anything unknown) makes everything stale. What
// a transaction made stale is cleared in this process after its COMMIT or ROLLBACK, and told to the
// other instances: on PostgreSQL's bus as a NOTIFY inside the transaction (delivered with the
// COMMIT, never without it), on Redis after the COMMIT, before the transaction's caller goes on. A
// statement outside a transaction is handled after it ran.
import {
  EntitySubscriberInterface,
  EventSubscriber,
  type AfterQueryEvent,
  type BeforeQueryEvent,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from "typeorm";
import { cachesOf, invalidate, merge, type Staleness } from "./caches";

/** Tables a session with its user is read from: an UPDATE or DELETE there may change a cached session. */
const SESSION_TABLES = new Set(["sessions", "users"]);
/** Tables a standing is read from (src/authz/standing.ts): any write there may change a cached standing. */
const STANDING_TABLES = new Set([
  "stores",
  "organizations",
  "organization_members",
  "organization_member_roles",
  "organization_member_stores",
  "store_users",
  "store_user_roles",
  "roles",
  "role_permissions",
  "partner_members",
  "partner_organizations",
]);
/** Tables no cache reads. Any other table (an unknown one) makes everything stale. */
const UNCACHED_TABLES = new Set([
  "audit_chain_head",
  "audit_events",
  "known_devices",
  "notifications",
  "partner_reports",
  "password_reset_tokens",
  "recovery_codes",
  "request_blocks",
  "request_code_misses",
]);

const NOTHING: Staleness = { sessions: false, standings: false };
const EVERYTHING: Staleness = { sessions: true, standings: true };
const READS = /^\s*(SELECT|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START\s+TRANSACTION|PRAGMA|EXPLAIN|SHOW)\b/i;
const WRITE =
  /^\s*(?:(INSERT|REPLACE)\s+(?:OR\s+\w+\s+)?INTO|(UPDATE)(?:\s+OR\s+\w+)?|(DELETE)\s+FROM)\s+(?:ONLY\s+)?"?(\w+)"?\s*(\.)?/i;

/** Columns of store_users that no standing's abilities depend on, beyond the expiry instant they only push later. */
const LOGIN_COLUMNS = new Set(["lastLoginAt", "dashboardLoginAt"]);

/**
 * The one row an UPDATE or DELETE reaches, when its WHERE says so plainly: `"<column>" = <integer>`
 * (a literal, or a parameter holding one: `?`, `$n`, or a hot statement's named `@pn`) alone or
 * ANDed with other conditions (no OR, NOT or subquery anywhere in it); else null.
 */
function oneRow(sql: string, parameters: readonly unknown[] = []): { column: string; id: number } | null {
  const at = /\sWHERE\s/i.exec(sql);
  if (!at) return null;
  // What a RETURNING clause names is not part of the condition.
  const where = sql
    .slice(at.index + at[0].length)
    .replace(/\sRETURNING\s[\s\S]*$/i, "")
    .trim();
  if (/\b(OR|NOT|SELECT)\b/i.test(where)) return null;
  const m = /(?:^|\(|\bAND\s+)\s*"(\w+)"\s*=\s*(\d+|\$\d+|@p\d+|\?)\s*(?=\)|\bAND\b|$)/i.exec(where);
  if (!m) return null;
  let value: unknown = m[2];
  if (m[2].startsWith("$")) value = parameters[Number(m[2].slice(1)) - 1];
  else if (m[2].startsWith("@p")) value = parameters[Number(m[2].slice(2)) - 1];
  else if (m[2] === "?") {
    const before = sql.slice(0, at.index + at[0].length) + where.slice(0, m.index + m[0].indexOf("?"));
    value = parameters[(before.match(/\?/g) ?? []).length];
  }
  const id = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof id === "number" && Number.isSafeInteger(id) ? { column: m[1], id } : null;
}

/** The columns an UPDATE sets, when it sets only parameters: `"a" = ?, "b" = $2, "c" = @p3`; else null. */
function columnsSet(sql: string): string[] | null {
  const set = /^\s*UPDATE\s+"?\w+"?\s+SET\s+([\s\S]*?)\s+WHERE\s/i.exec(sql)?.[1];
  if (!set || !/^"\w+"\s*=\s*(\?|\$\d+|@p\d+)(\s*,\s*"\w+"\s*=\s*(\?|\$\d+|@p\d+))*$/.test(set.trim())) return null;
  return [...set.matchAll(/"(\w+)"\s*=/g)].map((m) => m[1]);
}

/** What one statement makes stale in the caches (as precisely as its text says, else more). */
export function stalenessOf(sql: string, parameters: readonly unknown[] = []): Staleness {
  if (READS.test(sql)) return NOTHING;
  const m = WRITE.exec(sql);
  if (!m || m[5]) return EVERYTHING; // not a plain write, or a table in a schema: unknown
  const table = m[4].toLowerCase();
  const inserts = !!m[1];
  if (SESSION_TABLES.has(table)) {
    if (inserts) return NOTHING; // a new row is in no cache
    const row = oneRow(sql, parameters);
    if (table === "sessions" && row?.column === "id")
      return { sessions: { sessionIds: [row.id], userIds: [] }, standings: false };
    if (table === "sessions" && row?.column === "userId")
      return { sessions: { sessionIds: [], userIds: [row.id] }, standings: false };
    if (table === "users" && row?.column === "id")
      return { sessions: { sessionIds: [], userIds: [row.id] }, standings: false };
    return { sessions: true, standings: false };
  }
  if (STANDING_TABLES.has(table)) {
    // A collaborator's store read is a login (R17): it reaches only the standings holding that account.
    if (table === "store_users" && m[2]) {
      const row = oneRow(sql, parameters);
      if (row?.column === "id" && columnsSet(sql)?.every((c) => LOGIN_COLUMNS.has(c)))
        return { sessions: false, standings: { storeUserIds: [row.id] } };
    }
    return { sessions: false, standings: true };
  }
  return UNCACHED_TABLES.has(table) ? NOTHING : EVERYTHING;
}

/** What the statements of a query runner's open transaction (or its last statement) made stale. */
const pending = new WeakMap<QueryRunner, Staleness>();

function note(queryRunner: QueryRunner, stale: Staleness) {
  if (!stale.sessions && !stale.standings) return;
  pending.set(queryRunner, merge(pending.get(queryRunner) ?? NOTHING, stale));
}

function take(queryRunner: QueryRunner): Staleness | undefined {
  const stale = pending.get(queryRunner);
  pending.delete(queryRunner);
  return stale;
}

const runOn = (queryRunner: QueryRunner) => (sql: string, parameters: unknown[]) => queryRunner.query(sql, parameters);

/** Tells the other instances; a failure is logged (the write is committed; entries expire after TTL_MS). */
async function tell(queryRunner: QueryRunner, stale: Staleness, withCommit: boolean) {
  for (const bus of cachesOf(queryRunner.connection).buses) {
    if ((bus.backend === "postgres") !== withCommit) continue;
    try {
      await bus.publishInvalidation(stale, runOn(queryRunner));
    } catch (error) {
      console.error("caches: an invalidation was not published:", error instanceof Error ? error.message : error);
    }
  }
}

/** A statement written through a prepared statement outside TypeORM: counted as TypeORM's are. */
export function noteStatement(queryRunner: QueryRunner, sql: string, parameters: readonly unknown[]): void {
  note(queryRunner, stalenessOf(sql, parameters));
}

const depthOf = (queryRunner: QueryRunner) => (queryRunner as unknown as { transactionDepth: number }).transactionDepth;

@EventSubscriber()
export class CacheInvalidation implements EntitySubscriberInterface {
  beforeQuery(event: BeforeQueryEvent) {
    note(event.queryRunner, stalenessOf(event.query, Array.isArray(event.parameters) ? event.parameters : []));
  }

  async afterQuery(event: AfterQueryEvent) {
    if (event.queryRunner.isTransactionActive) return; // the transaction's end tells
    const stale = take(event.queryRunner);
    if (!stale) return;
    invalidate(event.connection, stale);
    await tell(event.queryRunner, stale, true);
    await tell(event.queryRunner, stale, false);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent) {
    const stale = pending.get(event.queryRunner);
    if (stale && depthOf(event.queryRunner) <= 1) await tell(event.queryRunner, stale, true);
  }

  async afterTransactionCommit(event: TransactionCommitEvent) {
    if (event.queryRunner.isTransactionActive) return; // a savepoint released: the outer COMMIT tells
    const stale = take(event.queryRunner);
    if (!stale) return;
    invalidate(event.connection, stale);
    await tell(event.queryRunner, stale, false);
  }

  afterTransactionRollback(event: TransactionRollbackEvent) {
    if (event.queryRunner.isTransactionActive) return;
    // Nothing was written; but on SQLite a read beside the transaction saw its rows, and may have cached them.
    const stale = take(event.queryRunner);
    if (stale) invalidate(event.connection, stale);
  }
}
