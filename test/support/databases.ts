// A database of its own for each use: SQLite files in a temporary directory, or new PostgreSQL
// databases when DATABASE_URL is postgres://... Migrated ones are copies of one template that
// test/support/global-setup.ts migrates once per run (a copy of the SQLite file, or PostgreSQL's
// CREATE DATABASE ... TEMPLATE): each test file still has databases no other file touches, without
// running the migrations again for each.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { inject } from "vitest";
import { parseDatabaseUrl, type DatabaseConfig } from "../../src/config";

export interface FreshDatabase {
  db: DatabaseConfig;
  drop: () => Promise<void>;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's migrated template (test/support/global-setup.ts). */
    migratedTemplate: DatabaseConfig;
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A new database of the suite's kind; on PostgreSQL a copy of `template` (default template1, empty). */
async function newDatabase(template?: string): Promise<FreshDatabase> {
  const configured = parseDatabaseUrl(process.env.DATABASE_URL);
  if (configured.kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latchkey-test-"));
    return {
      db: { kind: "sqlite", file: path.join(dir, "test.sqlite") },
      drop: () => fs.promises.rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `latchkey_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(configured.url, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  const url = new URL(configured.url);
  url.pathname = `/${name}`;
  return {
    db: { kind: "postgres", url: url.toString() },
    drop: () => adminQuery(configured.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** An empty database (no tables): for the specs of migrating and of a first start. */
export function freshDatabase(): Promise<FreshDatabase> {
  return newDatabase();
}

/**
 * A database with every migration applied, no rows but the migrations' own: a copy of this run's
 * template. Running the migrations on it finds none pending.
 */
export async function migratedDatabase(): Promise<FreshDatabase> {
  const template = inject("migratedTemplate");
  if (template.kind === "postgres") return newDatabase(new URL(template.url).pathname.slice(1));
  const fresh = await newDatabase();
  if (fresh.db.kind === "sqlite") await fs.promises.copyFile(template.file, fresh.db.file);
  return fresh;
}
