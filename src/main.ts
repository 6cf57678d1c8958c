// config -> data source (migrated; the demo loaded into an empty database) -> server.
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { createDataSource } from "./db/data-source";
import { User } from "./domain/users/user.entity";
import { readFixtureFile } from "./seed/fixture";
import { loadFixture } from "./seed/load";
import { createServer } from "./server";

async function main() {
  const config = loadConfig();
  const ds = createDataSource(config.database);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  if ((await ds.getRepository(User).count()) === 0) {
    const { fixture, errors } = readFixtureFile(config.demoFixture);
    if (errors.length) throw new Error(`demo fixture ${config.demoFixture} is invalid:\n${errors.join("\n")}`);
    await loadFixture(ds, fixture);
    console.log(`empty database: loaded the demo from ${config.demoFixture}`);
  }
  const app = await createServer(ds, config);
  const port = await app.listen(config.port);
  console.log(`Latchkey on http://localhost:${port}/graphql (${config.database.kind})`);
  const stop = async () => {
    await app.close();
    await ds.destroy();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
