// Every hot read (src/db/hot-reads.ts: the session lookup, the DataLoaders' reads, the viewer's
// standing and the collaborators page) uses an index: its query plan, read on a database seeded
// with test/fixtures/world.json, never scans a whole table. On both engines (DATABASE_URL picks one):
// - SQLite: `EXPLAIN QUERY PLAN`; a line `SCAN <table>` without `USING INDEX`, `USING COVERING
//   INDEX` or `USING INTEGER PRIMARY KEY` is a full scan. `json_each` (the id list, a virtual
//   table over the one parameter) is not a table. Without ANALYZE statistics SQLite's planner
//   assumes big tables and chooses by which indexes exist, so the small fixture does not hide a
//   missing index.
// - PostgreSQL: `EXPLAIN EXECUTE` of the statement prepared as the server prepares it, with the
//   generic plan forced (`plan_cache_mode = force_generic_plan`: what a named prepared statement
//   runs once it has been reused), and `enable_seqscan = off`. The fixture's tables fit in a page
//   or two, where a sequential scan is rightly the cheapest plan whatever indexes exist; with
//   sequential scans priced out, a `Seq Scan` left in the plan means no index could serve it.
//   Hash and merge joins are priced out too, for the same reason: on tables this small, hashing
//   the whole of one side (read by a condition-less index scan once sequential scans are off) is
//   cheapest, while in a store of thousands the planner looks rows up by the join key; a nested
//   loop shows whether an index serves that lookup. An index scan with no `Index Cond` (the whole
//   index in order, the fallback for a whole table) counts as a full scan as well.
import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DataSource } from "typeorm";
import type BetterSqlite3 from "better-sqlite3";
import { HOT, namedParameters, type HotName } from "../src/db/hot-reads";
import { HOT_WRITES, type HotWriteName } from "../src/db/hot-writes";
import { seededDataSource } from "./support/server";

let ds: DataSource;
let close: (() => Promise<void>) | undefined;
const postgres = () => ds.options.type === "postgres";

beforeAll(async () => {
  ({ ds, close } = await seededDataSource());
}, 120_000);
afterAll(async () => close?.());

/** Values for each statement's parameters: an id list, or a token hash. */
const VALUES: Record<HotName, unknown[]> = {
  sessionByTokenHash: ["0".repeat(64)],
  usersById: [[1, 2, 3]],
  storesById: [[1, 2]],
  storeUsersById: [[1, 2, 3]],
  storeUsersByAutoRoleIds: [[1, 2, 3]],
  rolesById: [[1, 2]],
  organizationsById: [[1]],
  partnerOrganizationsById: [[1, 2]],
  permissionsByRoleIds: [[1, 2, 3]],
  // store, users, permission handles (null: all), the store's organization, the owning partner organization
  standingInStore: [1, [1, 2], null, 1, 1],
  // store, after, before, rows
  collaboratorsPageForward: [1, 0, 2_147_483_647, 51],
  collaboratorsPageBackward: [1, 0, 2_147_483_647, 51],
  rolesWithPermissionsByStoreUserIds: [[1, 2, 3]],
};

/** Values for each hot write's parameters (its plan is read, never run). */
const WRITE_VALUES: Record<HotWriteName, unknown[]> = {
  storeUserAccepted: [1, "2026-01-01 00:00:00.000"],
  storeUserAcceptedWithoutAutoRole: [1, "2026-01-01 00:00:00.000"],
  storeUserExpired: [1, "REQUESTED", "2026-01-01 00:00:00.000"],
  storeUserRolesDeleted: [1],
  storeUserRolesInserted: [1, [1, 2]],
  roleRenamed: [1, "Renamed"],
  roleDeleted: [1],
  rolePermissionsDeleted: [1],
  rolePermissionsInserted: [1, ["orders"]],
  notificationInserted: [1, 1, "EMAIL", "kind", "a@example.com", "Subject", "Body", "2026-01-01 00:00:00.000"],
  auditChainLocked: [1],
  auditChainHead: [],
  auditEventInserted: [1, 1, 1, "a", 1, "A", "T", 1, "N", "{}", "2026-01-01 00:00:00.000", "0", "0"],
  auditChainHeadMoved: [1, "0"],
};

/** The plan's lines (SQLite's `detail`, PostgreSQL's text lines) of a statement with its parameters. */
async function plan(text: string, values: unknown[]): Promise<string[]> {
  if (!postgres()) {
    // On the handle the statements run on, with their named parameters (@p1, ...).
    const handle = (ds.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
    const sqliteValues = values.map((v) => (Array.isArray(v) ? JSON.stringify(v) : v));
    const rows = handle.prepare(`EXPLAIN QUERY PLAN ${text}`).all(namedParameters(sqliteValues)) as {
      detail: string;
    }[];
    return rows.map((r) => r.detail);
  }
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("SET enable_seqscan = off");
    await runner.query("SET enable_hashjoin = off");
    await runner.query("SET enable_mergejoin = off");
    await runner.query("SET plan_cache_mode = force_generic_plan");
    await runner.query(`PREPARE plan_probe AS ${text}`);
    const literal = (v: unknown): string => {
      if (v === null) return "NULL";
      if (Array.isArray(v)) return `'{${(v as (string | number)[]).join(",")}}'`;
      return typeof v === "number" ? String(v) : `'${(v as string).replace(/'/g, "''")}'`;
    };
    const args = values.length ? `(${values.map(literal).join(", ")})` : ""; // no parentheses without parameters
    const rows = (await runner.query(`EXPLAIN EXECUTE plan_probe${args}`)) as {
      "QUERY PLAN": string;
    }[];
    await runner.query("DEALLOCATE plan_probe");
    return rows.map((r) => r["QUERY PLAN"]);
  } finally {
    await runner.query("RESET enable_seqscan");
    await runner.query("RESET enable_hashjoin");
    await runner.query("RESET enable_mergejoin");
    await runner.query("RESET plan_cache_mode");
    await runner.release();
  }
}

/** The lines of a plan that read a whole table. */
function fullScans(lines: string[]): string[] {
  if (postgres())
    // A sequential scan, or an index scan with no condition (the whole index in order: what the
    // planner falls back to for a whole table once sequential scans are priced out).
    return lines.filter(
      (l, i) =>
        /\bSeq Scan on\b/.test(l) ||
        (/\bIndex (Only )?Scan using\b/.test(l) && !/^\s*Index Cond:/.test(lines[i + 1] ?? "")),
    );
  return lines.filter(
    (l) =>
      /^SCAN /.test(l) &&
      !/\bVIRTUAL TABLE\b/.test(l) &&
      !/\bUSING (COVERING )?INDEX\b/.test(l) &&
      !/\bUSING INTEGER PRIMARY KEY\b/.test(l),
  );
}

describe("every hot read uses an index, never a full scan of a table", () => {
  test("each statement has values here (none is left untested)", () => {
    expect(Object.keys(VALUES).sort()).toEqual(Object.keys(HOT).sort());
  });

  for (const name of Object.keys(HOT) as HotName[]) {
    test(name, async () => {
      const text = HOT[name].text(postgres() ? "postgres" : "sqlite");
      const lines = await plan(text, VALUES[name]);
      expect(lines.length).toBeGreaterThan(0);
      expect(fullScans(lines), lines.join("\n")).toEqual([]);
      // The statement reads through an index of its own table (not merely no scan of anything).
      expect(lines.join("\n")).toMatch(postgres() ? /Index (Only )?Scan/ : /SEARCH .* USING /);
    });
  }

  test("issue 12 item 1: the standing reads the viewer's account by the partial unique index (its status filter as the index says it), the permissions of only some handles too", async () => {
    for (const handles of [null, ["orders", "customers"]]) {
      const lines = await plan(HOT.standingInStore.text(postgres() ? "postgres" : "sqlite"), [
        1,
        [1, 2],
        handles,
        1,
        1,
      ]);
      expect(fullScans(lines), lines.join("\n")).toEqual([]);
      expect(lines.join("\n")).toMatch(/UQ_store_users_live/);
    }
  });

  test("issue 12 item 1: the collaborators page reads the store's collaborators in id order by (storeId, userType, id), never sorting them", async () => {
    for (const name of ["collaboratorsPageForward", "collaboratorsPageBackward"] as const) {
      const lines = await plan(HOT[name].text(postgres() ? "postgres" : "sqlite"), VALUES[name]);
      const text = lines.join("\n");
      expect(text).toMatch(/IDX_7232eebba1d0a0250f0d4cc68b/);
      expect(text).not.toMatch(postgres() ? /\bSort\b/ : /TEMP B-TREE/);
    }
  });

  test("issue 12 item 6: each hot write (src/db/hot-writes.ts) reaches its rows by an index, never a full scan", async () => {
    expect(Object.keys(WRITE_VALUES).sort()).toEqual(Object.keys(HOT_WRITES).sort());
    for (const name of Object.keys(HOT_WRITES) as HotWriteName[]) {
      if (name === "auditChainLocked" && !postgres()) continue; // PostgreSQL's lock only
      const text = HOT_WRITES[name].text(postgres() ? "postgres" : "sqlite");
      const lines = await plan(text, WRITE_VALUES[name]);
      expect([name, fullScans(lines)], lines.join("\n")).toEqual([name, []]);
      // An update or a delete finds its rows by the primary key or an index.
      if (/^(UPDATE|DELETE)/.test(text))
        expect(lines.join("\n"), name).toMatch(postgres() ? /Index (Only )?Scan/ : /SEARCH .* USING /);
    }
  });

  test("the check sees a full scan where there is one (a read by a column without an index)", async () => {
    const text = postgres()
      ? `SELECT u."id" FROM "users" u WHERE u."name" = $1`
      : `SELECT u."id" FROM "users" u WHERE u."name" = @p1`;
    const lines = await plan(text, ["Olga Owner"]);
    expect(fullScans(lines), lines.join("\n")).toHaveLength(1);
  });
});
