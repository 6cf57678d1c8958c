// `npm run migrate` applies pending migrations; `npm run migrate:revert` undoes the last one.
import "reflect-metadata";
import type { DataSource } from "typeorm";
import { parseCommandLine, usageError } from "../cli";
import { ConfigError, loadConfig } from "../config";

const USAGE = `usage: node dist/src/db/migrate-cli.js [revert]   (npm run migrate, npm run migrate:revert)
  (no argument)  apply the pending migrations
  revert         undo the last applied migration
The database is DATABASE_URL (default sqlite:data/latchkey.sqlite).`;

const { positionals } = parseCommandLine({ usage: USAGE, positionals: { max: 1 } });
if (positionals[0] !== undefined && positionals[0] !== "revert")
  usageError(USAGE, `Unknown command '${positionals[0]}': the only one is revert.`);
const revert = positionals[0] === "revert";

(async () => {
  const config = loadConfig();
  // TypeORM and the entities load once the command line is parsed: --help and a wrong argument need none.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createDataSource } = require("./data-source") as typeof import("./data-source");
  const ds = createDataSource(config.database);
  await ds.initialize();
  const where = config.database.kind === "sqlite" ? `sqlite ${config.database.file}` : "postgres";
  if (revert) {
    const before = await appliedNames(ds);
    await ds.undoLastMigration({ transaction: "each" });
    const after = await appliedNames(ds);
    const reverted = before.filter((name) => !after.includes(name));
    console.log(`${where}: reverted ${reverted.join(", ") || "nothing (no migration applied)"}`);
  } else {
    const applied = (await ds.runMigrations({ transaction: "each" })).map((m) => m.name);
    console.log(`${where}: applied ${applied.join(", ") || "nothing (no migration pending)"}`);
  }
  await ds.destroy();
})().catch((error) => {
  if (error instanceof ConfigError)
    console.error(
      `configuration: ${error.problems.length} problem(s):\n${error.problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  else console.error(error instanceof Error ? `${error.name}: ${error.message}` : error); // not the object: a failed query would print its parameters
  process.exit(1);
});

/** Names of the applied migrations (TypeORM's migrations table; none when it does not exist yet). */
async function appliedNames(ds: DataSource): Promise<string[]> {
  const rows = await ds.query<{ name: string }[]>(`SELECT name FROM migrations`).catch((): { name: string }[] => []);
  return rows.map((r) => r.name);
}
