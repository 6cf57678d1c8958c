// Once per test run, before any test file (vitest.config.mts globalSetup): one database of the
// suite's kind with every migration applied, the template of migratedDatabase()
// (test/support/databases.ts), dropped when the run ends.
import "reflect-metadata";
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };
import { createDataSource } from "../../src/db/data-source";
import { freshDatabase } from "./databases";

export default async function setup(project: TestProject) {
  const { db, drop } = await freshDatabase();
  const ds = createDataSource(db);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: "each" });
  } finally {
    // Closed before it is copied: PostgreSQL copies a template nobody is connected to, and the
    // SQLite file holds everything once its write-ahead log is checkpointed at close.
    await ds.destroy();
  }
  project.provide("migratedTemplate", db);
  return drop;
}
