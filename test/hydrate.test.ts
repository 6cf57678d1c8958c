// The direct conversions of src/db/hydrate.ts give what the driver's own `prepareHydratedValue`
// gives (issue 12 item 1: the hot reads changed readers, not answers): every column of every
// entity, on the rows of a seeded database, on both engines (DATABASE_URL); and on SQLite the
// datetime shapes the digit-by-digit reader hands back to the driver.
import "reflect-metadata";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { DataSource } from "typeorm";
import { hydrate } from "../src/db/hydrate";
import { seededDataSource } from "./support/server";

let ds: DataSource;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ ds, close } = await seededDataSource());
}, 120_000);
afterAll(async () => close?.());

/** What the driver makes of each column of a raw row: the reference. */
function byDriver(metadata: DataSource["entityMetadatas"][number], row: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    const value = row[`e_${column.databaseName}`];
    out[column.propertyName] = value === undefined ? undefined : ds.driver.prepareHydratedValue(value, column);
  }
  return out;
}

test("API (issue 12 item 1): every entity's rows hydrate as the driver converts them, column by column", async () => {
  let compared = 0;
  for (const metadata of ds.entityMetadatas) {
    const select = metadata.columns.map((c) => `"${c.databaseName}" AS "e_${c.databaseName}"`).join(", ");
    const rows = await ds.query<Record<string, unknown>[]>(`SELECT ${select} FROM "${metadata.tableName}" LIMIT 300`);
    for (const row of rows) {
      expect({ ...hydrate(ds.manager, metadata.target, row, "e") }, metadata.name).toEqual(byDriver(metadata, row));
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(50);
});

test.runIf(!process.env.DATABASE_URL?.startsWith("postgres"))(
  "API (issue 12 item 1): SQLite datetimes of every shape read as the driver reads them",
  () => {
    const metadata = ds.getMetadata("User");
    const column = metadata.findColumnWithPropertyName("createdAt")!;
    const shapes = [
      "2026-04-22 08:45:51.037",
      "2026-12-31 23:59:59.999",
      "1970-01-01 00:00:00.000",
      "0050-01-01 00:00:00.000", // Date.UTC would read year 50 as 1950
      "2026-13-01 00:00:00.000", // no 13th month
      "2026-04-22T08:45:51.037",
      "2026-04-22 08:45:51",
      "2026-04-22 08:45",
      "2026-04-22",
      "2026-04-22 08:45:51.037Z",
      "2026-04-22 0a:45:51.037",
      "not a date at all......",
    ];
    for (const shape of shapes) {
      const ours = hydrate<{ createdAt: Date }>(ds.manager, metadata.target, { e_createdAt: shape }, "e");
      const theirs = ds.driver.prepareHydratedValue(shape, column) as unknown as Date;
      expect(String(ours.createdAt.getTime()), shape).toBe(String(theirs.getTime()));
    }
  },
);
