// `npm run migrate` applies pending migrations; `npm run migrate:revert` undoes the last one.
import "reflect-metadata";
import { loadConfig } from "../config";
import { createDataSource } from "./data-source";

(async () => {
  const ds = createDataSource(loadConfig().database);
  await ds.initialize();
  if (process.argv[2] === "revert") await ds.undoLastMigration({ transaction: "each" });
  else console.log(`applied: ${(await ds.runMigrations({ transaction: "each" })).map((m) => m.name).join(", ") || "nothing pending"}`);
  await ds.destroy();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
