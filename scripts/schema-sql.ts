// Prints the DDL TypeORM would run on an empty database for the configured engine (to write migrations).
import "reflect-metadata";
import { parseCommandLine } from "../src/cli";
import { loadConfig } from "../src/config";
import { createDataSource } from "../src/db/data-source";

const USAGE = `usage: node dist/scripts/schema-sql.js

Prints, as JSON ({ "up": [...], "down": [...] }), the statements TypeORM would run to bring the
database of DATABASE_URL to the entities (all of them on an empty database; what the migrations
left out on a migrated one). Changes nothing in the database. Takes no arguments.

  -h, --help  print this help and do nothing else`;

parseCommandLine({ usage: USAGE });

void (async () => {
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
