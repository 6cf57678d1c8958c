// Rows read raw and turned into entities column by column, as TypeORM converts each value, but
// without its generic result transformer: on hot paths (loaders, pages) that transformer costs
// more than the query. Each (entity, alias) gets a plan once: the key each column is read under
// and how its value converts. The column types this project uses convert here directly (the same
// result as the driver's `prepareHydratedValue`, which test/hydrate.test.ts compares on seeded
// rows); any other type, or a column with a transformer, goes through the driver.
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { EntityMetadata } from "typeorm/metadata/EntityMetadata";
import { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

type Convert = (value: unknown) => unknown;
interface Step {
  readonly key: string;
  readonly property: string;
  /** null: the value as read. */
  readonly convert: Convert | null;
  /** Whether null goes through `convert` too (a transformer sees it). */
  readonly nullToo: boolean;
}

/** Per entity metadata (one per data source), per alias: the steps of its columns. */
const plans = new WeakMap<EntityMetadata, Map<string, Step[]>>();

/** An entity from the columns a raw row holds under `<alias>_<column>`. */
export function hydrate<T extends ObjectLiteral>(
  db: EntityManager,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
  alias: string,
): T {
  const metadata = db.connection.getMetadata(entity);
  let byAlias = plans.get(metadata);
  if (!byAlias) plans.set(metadata, (byAlias = new Map<string, Step[]>()));
  let steps = byAlias.get(alias);
  if (!steps) byAlias.set(alias, (steps = planOf(db, metadata, alias)));
  const out = metadata.create() as Record<string, unknown>;
  for (const step of steps) {
    const value = row[step.key];
    out[step.property] =
      value === undefined || !step.convert || (value === null && !step.nullToo) ? value : step.convert(value);
  }
  return out as T;
}

function planOf(db: EntityManager, metadata: EntityMetadata, alias: string): Step[] {
  const driver = db.connection.driver;
  const sqlite = driver.options.type !== "postgres";
  return metadata.columns.map((column) => {
    const generic: Convert = (value) => driver.prepareHydratedValue(value, column);
    const direct = column.transformer ? undefined : converterOf(column, sqlite, generic);
    return {
      key: `${alias}_${column.databaseName}`,
      property: column.propertyName,
      convert: direct === undefined ? generic : direct,
      nullToo: !!column.transformer,
    };
  });
}

/**
 * The direct conversion of a column type this project uses (null: as read), or undefined: the
 * driver's (`generic`, which a datetime of an unexpected shape falls back to).
 */
function converterOf(column: ColumnMetadata, sqlite: boolean, generic: Convert): Convert | null | undefined {
  const type = column.type;
  if (type === "integer" || type === "varchar" || type === "text" || type === "int") return null;
  if (type === "boolean" || type === Boolean) return (value) => !!value;
  if (type === "simple-json") return (value) => (typeof value === "string" ? (JSON.parse(value) as unknown) : value);
  if (type === "timestamptz" && !sqlite) return (value) => (typeof value === "string" ? new Date(value) : value);
  if (type === "datetime" && sqlite) return sqliteDatetime(generic);
  return undefined;
}

/**
 * SQLite datetimes as TypeORM writes them, `YYYY-MM-DD HH:MM:SS.mmm` in UTC, read digit by digit;
 * any other shape goes through the driver (which turns it into ISO 8601 and parses that).
 */
function sqliteDatetime(driverWay: Convert): Convert {
  return (value) => {
    if (typeof value !== "string" || value.length !== 23 || value.charCodeAt(10) !== 32) return driverWay(value);
    let ok = value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && value.charCodeAt(13) === 58;
    ok = ok && value.charCodeAt(16) === 58 && value.charCodeAt(19) === 46;
    const n = (from: number, to: number) => {
      let v = 0;
      for (let i = from; i < to; i++) {
        const c = value.charCodeAt(i) - 48;
        if (c < 0 || c > 9) ok = false;
        v = v * 10 + c;
      }
      return v;
    };
    const year = n(0, 4);
    const month = n(5, 7);
    const day = n(8, 10);
    const hour = n(11, 13);
    const minute = n(14, 16);
    const second = n(17, 19);
    const ms = n(20, 23);
    // Date.UTC reads years 0-99 as 1900-1999 and rolls a 13th month over: those, and anything
    // malformed, the driver's way.
    ok = ok && year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60;
    if (!ok || second >= 60) return driverWay(value);
    return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  };
}
