// Foreign keys: every id column that names a row of another table is a REFERENCES with the ON DELETE
// its relation needs, on both engines; the ForeignKeys migration keeps existing data.
import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { ENTITIES } from "../src/db/entities";
import { loadFixture } from "../src/seed/load";
import { freshDatabase, readFixture } from "./support/server";

/** SQL with `?` placeholders, on either engine. */
function run(ds: DataSource, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  let i = 0;
  const text = ds.options.type === "postgres" ? sql.replace(/\?/g, () => `$${++i}`) : sql;
  return ds.query(text, params);
}

const one = async (ds: DataSource, sql: string, params: unknown[] = []) => (await run(ds, sql, params))[0];
const now = () => new Date().toISOString();

async function insertUser(ds: DataSource, email: string): Promise<number> {
  await run(ds, `INSERT INTO "users" ("email", "name", "passwordHash", "createdAt") VALUES (?, ?, ?, ?)`, [
    email,
    email,
    "x",
    now(),
  ]);
  return Number((await one(ds, `SELECT "id" FROM "users" WHERE "email" = ?`, [email])).id);
}

const insertSession = (ds: DataSource, userId: number, token: string) =>
  run(
    ds,
    `INSERT INTO "sessions" ("userId", "tokenHash", "client", "createdAt", "expiresAt") VALUES (?, ?, 'ADMIN', ?, ?)`,
    [userId, token, now(), now()],
  );

describe("on a migrated database loaded with the world fixture", () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    ds = createDataSource(fresh.db);
    await ds.initialize();
    await ds.runMigrations({ transaction: "each" });
    await loadFixture(ds, readFixture());
  });
  afterAll(async () => {
    await ds?.destroy();
    await drop?.();
  });

  test("Foreign keys: a session for a user who does not exist is refused", async () => {
    await expect(insertSession(ds, 987654, "f".repeat(64))).rejects.toThrow(/foreign key/i);
  });

  test("Foreign keys: deleting a user deletes their sessions (ON DELETE CASCADE)", async () => {
    const userId = await insertUser(ds, "leaving@example.com");
    await insertSession(ds, userId, "a".repeat(64));
    await run(ds, `DELETE FROM "users" WHERE "id" = ?`, [userId]);
    expect(await run(ds, `SELECT "id" FROM "sessions" WHERE "userId" = ?`, [userId])).toEqual([]);
  });

  test("Foreign keys: deleting a user who owns a store is refused (ON DELETE RESTRICT), and nothing of theirs goes", async () => {
    const { ownerId } = await one(ds, `SELECT "ownerId" FROM "stores" ORDER BY "id" LIMIT 1`);
    await insertSession(ds, Number(ownerId), "b".repeat(64));
    await expect(run(ds, `DELETE FROM "users" WHERE "id" = ?`, [ownerId])).rejects.toThrow(/foreign key/i);
    expect(await run(ds, `SELECT "id" FROM "sessions" WHERE "userId" = ?`, [ownerId])).toHaveLength(1);
  });

  test("Foreign keys: deleting a role drops its grants and assignments (CASCADE) and clears autoRoleId (SET NULL)", async () => {
    const row = await one(ds, `SELECT "id", "autoRoleId" FROM "store_users" WHERE "autoRoleId" IS NOT NULL LIMIT 1`);
    expect(row).toBeDefined();
    const roleId = Number(row.autoRoleId);
    await run(ds, `INSERT INTO "store_user_roles" ("storeUserId", "roleId") VALUES (?, ?)`, [row.id, roleId]).catch(
      () => undefined, // already assigned
    );
    expect(await run(ds, `SELECT "handle" FROM "role_permissions" WHERE "roleId" = ?`, [roleId])).not.toEqual([]);
    await run(ds, `DELETE FROM "roles" WHERE "id" = ?`, [roleId]);
    expect(await run(ds, `SELECT "handle" FROM "role_permissions" WHERE "roleId" = ?`, [roleId])).toEqual([]);
    expect(await run(ds, `SELECT "roleId" FROM "store_user_roles" WHERE "roleId" = ?`, [roleId])).toEqual([]);
    expect((await one(ds, `SELECT "autoRoleId" FROM "store_users" WHERE "id" = ?`, [row.id])).autoRoleId).toBeNull();
  });

  test("Foreign keys: the seed loader can empty a full database again (ENTITIES lists parents before children)", async () => {
    const position = new Map(ENTITIES.map((e, i) => [e as unknown, i]));
    for (const m of ds.entityMetadatas)
      for (const fk of m.foreignKeys)
        expect(
          position.get(fk.referencedEntityMetadata.target),
          `${m.tableName}.${fk.columnNames.join()}`,
        ).toBeLessThan(position.get(m.target)!);
    await loadFixture(ds, readFixture());
    expect(Number((await one(ds, `SELECT COUNT(*) AS n FROM "stores"`)).n)).toBeGreaterThan(0);
  });
});

describe("the ForeignKeys migration on a database that predates it", () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  /** The migrations undone to get there, ForeignKeys first, in the order they apply again. */
  const undone: string[] = [];
  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    ds = createDataSource(fresh.db);
    await ds.initialize();
    await ds.runMigrations({ transaction: "each" });
    await loadFixture(ds, readFixture());
    // Back to the schema without keys: the migrations after ForeignKeys are undone, newest first,
    // then ForeignKeys itself.
    const newest = async () =>
      String((await one(ds, `SELECT "name" FROM "migrations" ORDER BY "timestamp" DESC LIMIT 1`)).name);
    while (!undone.some((name) => name.startsWith("ForeignKeys"))) {
      undone.unshift(await newest());
      await ds.undoLastMigration({ transaction: "each" });
    }
  });
  afterAll(async () => {
    await ds?.destroy();
    await drop?.();
  });

  test("Foreign keys: the migration keeps every row, deletes orphans of CASCADE keys, nulls those of SET NULL keys and refuses those of RESTRICT keys", async () => {
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          ["users", "stores", "store_users", "store_user_roles", "roles", "role_permissions", "audit_events"].map(
            async (t) => [t, Number((await one(ds, `SELECT COUNT(*) AS n FROM "${t}"`)).n)] as const,
          ),
        ),
      );
    const before = await counts();
    const { id: userId } = await one(ds, `SELECT "id" FROM "users" ORDER BY "id" LIMIT 1`);
    await insertSession(ds, 987654, "c".repeat(64)); // no key yet: an orphan a real database might hold
    await insertSession(ds, Number(userId), "d".repeat(64));
    await run(
      ds,
      `INSERT INTO "notifications" ("storeId", "userId", "channel", "kind", "recipient", "subject", "body", "createdAt", "attempts") VALUES (?, ?, 'EMAIL', 'test', 'a@example.com', 's', 'b', ?, 0)`,
      [987654, userId, now()],
    );
    const actor = await run(
      ds,
      `INSERT INTO "audit_events" ("action", "actorId", "actorName", "details", "createdAt", "prevHash", "hash") VALUES ('test', ?, 'gone', '{}', ?, ?, ?)`,
      [987654, now(), "0".repeat(64), "0".repeat(64)],
    );
    expect(actor).toBeDefined();

    // A missing actor of an audit event cannot be settled: the migration stops and changes nothing.
    await expect(ds.runMigrations({ transaction: "each" })).rejects.toThrow(/audit_events\.actorId: 1 row/);
    expect(await run(ds, `SELECT "id" FROM "sessions" WHERE "userId" = 987654`)).toHaveLength(1);

    await run(ds, `DELETE FROM "audit_events" WHERE "actorId" = 987654`);
    const applied = await ds.runMigrations({ transaction: "each" });
    expect(undone[0]).toMatch(/^ForeignKeys/);
    expect(applied.map((m) => m.name)).toEqual(undone);
    expect(await counts()).toEqual(before);
    expect(await run(ds, `SELECT "id" FROM "sessions" WHERE "userId" = 987654`)).toEqual([]);
    expect(await run(ds, `SELECT "id" FROM "sessions" WHERE "userId" = ?`, [userId])).toHaveLength(1);
    const notice = await one(ds, `SELECT "storeId", "userId" FROM "notifications" WHERE "kind" = 'test'`);
    expect(notice.storeId).toBeNull();
    expect(Number(notice.userId)).toBe(Number(userId));
    await expect(insertSession(ds, 987654, "e".repeat(64))).rejects.toThrow(/foreign key/i);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
