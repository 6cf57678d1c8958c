// Rows read raw and turned into entities column by column, as TypeORM converts each value, but
// without its generic result transformer: on hot paths (loaders, pages) that transformer costs
// more than the query.
import { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/** An entity from the columns a raw row holds under `<alias>_<column>`. */
export function hydrate<T extends ObjectLiteral>(
  db: EntityManager,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
  alias: string,
): T {
  const metadata = db.connection.getMetadata(entity);
  const out = metadata.create() as Record<string, unknown>;
  for (const column of metadata.columns) {
    const value = row[`${alias}_${column.databaseName}`];
    out[column.propertyName] =
      value === undefined ? undefined : db.connection.driver.prepareHydratedValue(value, column);
  }
  return out as T;
}
