// Prints the DDL TypeORM would run on an empty database for the configured engine (to write migrations).
import "reflect-metadata";
import { loadConfig } from "../src/config";
import { createDataSource } from "../src/db/data-source";
(async () => {
  const ds = createDataSource(loadConfig().database);
  await ds.initialize();
  const sql = await ds.driver.createSchemaBuilder().log();
  console.log(
    JSON.stringify(
      { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query).reverse() },
      null,
      1,
    ),
  );
  await ds.destroy();
})();
