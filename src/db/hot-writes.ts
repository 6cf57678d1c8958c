// The hot writes: the statements of accepting a collaborator request (issue 12 item 6) and of
// what it shares with other changes (an account's roles, a role's permissions, the outbox, the
// audit log's hash chain), each one statement with parameters, never inlined literals, prepared
// once and reused through the hot reads' machinery (src/db/hot-reads.ts, executeHot). TypeORM
// inlines ids into the text of its updates and deletes (`... WHERE "id" = 6`), so that SQLite
// prepared each anew, and builds every statement in JavaScript each time.
// Each runs inside the caller's transaction only (one write is one transaction): it is told to the
// cache invalidation (src/db/cache-invalidation.ts) as TypeORM's statements are, which reads the
// same tables and rows off its text and parameters and clears the caches after the COMMIT.
// Values are converted for the engine as TypeORM converts them (its driver's preparePersistentValue),
// so a row written here reads back exactly as one TypeORM wrote (the audit chain's hashes depend on it).
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { AuditEvent } from "../domain/audit/audit-event.entity";
import { StoreUser } from "../domain/collaborators/store-user.entity";
import { Notification } from "../domain/notifications/notification.entity";
import { hydrate } from "./hydrate";
import { executeHot, param, statement, STORE_USER, type Dialect, type HotResult, type HotStatement } from "./hot-reads";

/** Columns returned by a write as `<alias>_<column>` (the shape src/db/hydrate.ts reads); no table alias in UPDATE. */
const returning = (alias: string, names: string[]) => names.map((c) => `"${c}" AS "${alias}_${c}"`).join(", ");
/** The rows of a list parameter (n-th): SQLite's json_each over its JSON, PostgreSQL's unnest of an array of `type`. */
const listValues = (d: Dialect, n: number, type: "integer" | "varchar") =>
  d === "postgres" ? `unnest($${n}::${type}[])` : `value FROM json_each(@p${n})`;
/** The n-th parameter typed for PostgreSQL where nothing around it says its type (a SELECT list). */
const typed = (d: Dialect, n: number, type: string) => (d === "postgres" ? `$${n}::${type}` : `@p${n}`);

const NOTIFICATION_COLUMNS = ["storeId", "userId", "channel", "kind", "recipient", "subject", "body", "createdAt"];
const AUDIT_EVENT_COLUMNS = [
  "storeId",
  "organizationId",
  "partnerOrganizationId",
  "action",
  "actorId",
  "actorName",
  "targetType",
  "targetId",
  "targetName",
  "details",
  "createdAt",
  "prevHash",
  "hash",
];
const valuesFrom = (d: Dialect, count: number) => Array.from({ length: count }, (_, i) => param(d, i + 1)).join(", ");
const quoted = (names: string[]) => names.map((c) => `"${c}"`).join(", ");

/** Every hot write, by what it writes (and the chain head it reads to extend the audit log). */
export const HOT_WRITES = {
  // --- A collaborator account (R7, R8, R29: only from the status read, so nobody else moved it first) ---
  /** Parameters: 1 the account, 2 acceptedAt. The account as written, none when it was no longer pending. */
  storeUserAccepted: statement(
    "storeUserAccepted",
    (d) =>
      `UPDATE "store_users" SET "status" = 'ACTIVE', "acceptedAt" = ${param(d, 2)} ` +
      `WHERE "id" = ${param(d, 1)} AND "status" = 'REQUESTED' RETURNING ${returning("e", STORE_USER)}`,
  ),
  /** As storeUserAccepted, its auto-generated role dropped (R6). */
  storeUserAcceptedWithoutAutoRole: statement(
    "storeUserAcceptedWithoutAutoRole",
    (d) =>
      `UPDATE "store_users" SET "status" = 'ACTIVE', "acceptedAt" = ${param(d, 2)}, "autoRoleId" = NULL ` +
      `WHERE "id" = ${param(d, 1)} AND "status" = 'REQUESTED' RETURNING ${returning("e", STORE_USER)}`,
  ),
  /** R7, R17: the expiry the clock decided. Parameters: 1 the account, 2 the status it was read with, 3 endedAt. */
  storeUserExpired: statement(
    "storeUserExpired",
    (d) =>
      `UPDATE "store_users" SET "status" = 'EXPIRED', "endedAt" = ${param(d, 3)} ` +
      `WHERE "id" = ${param(d, 1)} AND "status" = ${param(d, 2)}`,
  ),
  /** An account's roles: all of them removed, then the new list (parameter 2, role ids) inserted. */
  storeUserRolesDeleted: statement(
    "storeUserRolesDeleted",
    (d) => `DELETE FROM "store_user_roles" WHERE "storeUserId" = ${param(d, 1)}`,
  ),
  storeUserRolesInserted: statement(
    "storeUserRolesInserted",
    (d) =>
      `INSERT INTO "store_user_roles" ("storeUserId", "roleId") SELECT ${typed(d, 1, "integer")}, ${listValues(d, 2, "integer")}`,
  ),

  // --- Roles and their permissions ---------------------------------------------------------------
  roleRenamed: statement(
    "roleRenamed",
    (d) => `UPDATE "roles" SET "name" = ${param(d, 2)} WHERE "id" = ${param(d, 1)}`,
  ),
  roleDeleted: statement("roleDeleted", (d) => `DELETE FROM "roles" WHERE "id" = ${param(d, 1)}`),
  rolePermissionsDeleted: statement(
    "rolePermissionsDeleted",
    (d) => `DELETE FROM "role_permissions" WHERE "roleId" = ${param(d, 1)}`,
  ),
  /** Parameters: 1 the role, 2 its permission handles. */
  rolePermissionsInserted: statement(
    "rolePermissionsInserted",
    (d) =>
      `INSERT INTO "role_permissions" ("roleId", "handle") SELECT ${typed(d, 1, "integer")}, ${listValues(d, 2, "varchar")}`,
  ),

  // --- The outbox (R5) -----------------------------------------------------------------------------
  notificationInserted: statement(
    "notificationInserted",
    (d) =>
      `INSERT INTO "notifications" (${quoted(NOTIFICATION_COLUMNS)}, "deliveredAt", "attempts") ` +
      `VALUES (${valuesFrom(d, NOTIFICATION_COLUMNS.length)}, NULL, 0)`,
  ),

  // --- The audit log's hash chain (one writer at a time extends it) --------------------------------
  /** PostgreSQL: the transaction-wide advisory lock that queues the chain's writers (SQLite has one writer). */
  auditChainLocked: statement("auditChainLocked", (d) => {
    if (d !== "postgres")
      throw new Error("auditChainLocked: PostgreSQL only (SQLite runs one write transaction at a time)");
    return `SELECT pg_advisory_xact_lock($1)`;
  }),
  auditChainHead: statement(
    "auditChainHead",
    () => `SELECT "lastEventId", "hash" FROM "audit_chain_head" WHERE "id" = 1`,
  ),
  auditEventInserted: statement(
    "auditEventInserted",
    (d) =>
      `INSERT INTO "audit_events" (${quoted(AUDIT_EVENT_COLUMNS)}) VALUES (${valuesFrom(d, AUDIT_EVENT_COLUMNS.length)}) RETURNING "id"`,
  ),
  /** The chain's head moved to the newest event (made with the first one). Parameters: 1 its id, 2 its hash. */
  auditChainHeadMoved: statement(
    "auditChainHeadMoved",
    (d) =>
      `INSERT INTO "audit_chain_head" ("id", "lastEventId", "hash") VALUES (1, ${param(d, 1)}, ${param(d, 2)}) ` +
      `ON CONFLICT ("id") DO UPDATE SET "lastEventId" = excluded."lastEventId", "hash" = excluded."hash"`,
  ),
} as const;

export type HotWriteName = keyof typeof HOT_WRITES;

/** Runs a hot write (or a read of what a write extends) inside the transaction of `tx`. */
export function writeHot(tx: EntityManager, which: HotStatement, values: unknown[]): Promise<HotResult> {
  if (!tx.queryRunner?.isTransactionActive)
    throw new Error(`${which.name}: a write runs inside a transaction (pass the transaction's manager)`);
  return executeHot(tx, which, values);
}

/** Values of an entity's columns as the engine stores them (TypeORM's own conversion: dates, JSON, booleans). */
function persisted<T extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<T>, names: string[], row: T) {
  const metadata = tx.connection.getMetadata(entity);
  const driver = tx.connection.driver;
  return names.map((name) => {
    const column = metadata.findColumnWithPropertyName(name)!;
    return driver.preparePersistentValue(row[name], column) as unknown;
  });
}

// ---------------------------------------------------------------------------------------------
// What each writes

/**
 * R8: a pending request accepted at `at` (keeping its auto-generated role or not), only if it is
 * still pending; the account as written, or null when someone else moved it first (R29).
 */
export async function acceptStoreUser(
  tx: EntityManager,
  id: number,
  at: Date,
  dropAutoRole: boolean,
): Promise<StoreUser | null> {
  const [acceptedAt] = persisted(tx, StoreUser, ["acceptedAt"], { acceptedAt: at } as StoreUser);
  const { rows } = await writeHot(
    tx,
    dropAutoRole ? HOT_WRITES.storeUserAcceptedWithoutAutoRole : HOT_WRITES.storeUserAccepted,
    [id, acceptedAt],
  );
  return rows.length ? hydrate(tx, StoreUser, rows[0], "e") : null;
}

/** R7, R17: an account expired at `at`, if still in the status it was read with; whether it was. */
export async function expireStoreUser(tx: EntityManager, id: number, was: string, at: Date): Promise<boolean> {
  const [endedAt] = persisted(tx, StoreUser, ["endedAt"], { endedAt: at } as StoreUser);
  return (await writeHot(tx, HOT_WRITES.storeUserExpired, [id, was, endedAt])).affected === 1;
}

/** An account's roles, replaced by `roleIds` (in that order). */
export async function replaceStoreUserRoles(tx: EntityManager, storeUserId: number, roleIds: number[]) {
  await writeHot(tx, HOT_WRITES.storeUserRolesDeleted, [storeUserId]);
  if (roleIds.length) await writeHot(tx, HOT_WRITES.storeUserRolesInserted, [storeUserId, roleIds]);
}

export async function renameRole(tx: EntityManager, roleId: number, name: string) {
  await writeHot(tx, HOT_WRITES.roleRenamed, [roleId, name]);
}

/** A role's permissions, replaced by `handles`. */
export async function replaceRolePermissions(tx: EntityManager, roleId: number, handles: string[]) {
  await writeHot(tx, HOT_WRITES.rolePermissionsDeleted, [roleId]);
  if (handles.length) await writeHot(tx, HOT_WRITES.rolePermissionsInserted, [roleId, handles]);
}

/** A role and its permissions (its holders' links go with it: ON DELETE CASCADE). */
export async function deleteRole(tx: EntityManager, roleId: number) {
  await writeHot(tx, HOT_WRITES.rolePermissionsDeleted, [roleId]);
  await writeHot(tx, HOT_WRITES.roleDeleted, [roleId]);
}

/** A notification recorded in the outbox, undelivered. */
export async function insertNotification(
  tx: EntityManager,
  n: Pick<Notification, "storeId" | "userId" | "channel" | "kind" | "recipient" | "subject" | "body" | "createdAt">,
) {
  await writeHot(
    tx,
    HOT_WRITES.notificationInserted,
    persisted(tx, Notification, NOTIFICATION_COLUMNS, n as Notification),
  );
}

/**
 * The audit log extended by one event: `make` builds the event from the chain's head hash (read
 * under the chain's lock on PostgreSQL; SQLite has one writer), and the head moves to it.
 */
export async function appendAuditEvent(
  tx: EntityManager,
  make: (prevHash: string | null) => Omit<AuditEvent, "id">,
): Promise<AuditEvent> {
  if (tx.connection.options.type === "postgres") await writeHot(tx, HOT_WRITES.auditChainLocked, [CHAIN_LOCK]);
  const [head] = (await writeHot(tx, HOT_WRITES.auditChainHead, [])).rows;
  const event = make(head ? String(head.hash) : null);
  const { rows } = await writeHot(
    tx,
    HOT_WRITES.auditEventInserted,
    persisted(tx, AuditEvent, AUDIT_EVENT_COLUMNS, event as AuditEvent),
  );
  const saved = Object.assign(new AuditEvent(), event, { id: Number(rows[0].id) });
  await writeHot(tx, HOT_WRITES.auditChainHeadMoved, [saved.id, saved.hash]);
  return saved;
}

/** PostgreSQL advisory lock: one writer extends the chain at a time. */
const CHAIN_LOCK = 7_243_001;
