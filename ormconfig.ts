// The TypeORM CLI's data source: `npx typeorm -d dist/ormconfig.js migration:show` (after `npm run build`).
import "reflect-metadata";
import { loadConfig } from "./src/config";
import { createDataSource } from "./src/db/data-source";

export default createDataSource(loadConfig().database);
