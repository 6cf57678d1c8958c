// A real Latchkey over HTTP on a database of its own (SQLite file, or a new PostgreSQL database
// when DATABASE_URL is postgres://...: a copy of the run's migrated template, test/support/databases.ts),
// loaded with a fixture.
import "reflect-metadata";
import fs from "node:fs";
import { argon2id, hash } from "argon2";
import type { DataSource, Logger } from "typeorm";
import { afterAll, beforeAll } from "vitest";
import { clock } from "../../src/clock";
import { DEFAULT_LIMITS, OWASP_PASSWORD_HASHING, type PasswordHashing } from "../../src/config";
import { createDataSource } from "../../src/db/data-source";
import { validateFixture } from "../../src/seed/fixture";
import { loadFixture } from "../../src/seed/load";
import type { Metrics } from "../../src/observability/metrics";
import { createServer, type ServerOptions } from "../../src/server";
import { must, TestClient } from "./client";
import { migratedDatabase } from "./databases";
import { SIGN_IN } from "./documents";

export { TestClient, type GqlResult } from "./client";
export { freshDatabase, migratedDatabase } from "./databases";

/**
 * The suite hashes passwords cheaply (ARGON2_MEMORY_KIB and ARGON2_PASSES in vitest.config.mts).
 * Specs that prove production's hashing, or need sign-ins to take production's time, call this in
 * their describe (or at the top of the file): while they run, this process and the ones they start
 * hash at the defaults, OWASP's parameters, as production does.
 */
export function useProductionPasswordHashing(): void {
  const suite = { memory: process.env.ARGON2_MEMORY_KIB, passes: process.env.ARGON2_PASSES };
  beforeAll(() => {
    delete process.env.ARGON2_MEMORY_KIB;
    delete process.env.ARGON2_PASSES;
  });
  afterAll(() => {
    if (suite.memory !== undefined) process.env.ARGON2_MEMORY_KIB = suite.memory;
    if (suite.passes !== undefined) process.env.ARGON2_PASSES = suite.passes;
  });
}

/** The variables under which a process hashes passwords at `hashing`'s cost (default: production's). */
export function passwordHashingEnv(hashing: PasswordHashing = OWASP_PASSWORD_HASHING): Record<string, string> {
  return { ARGON2_MEMORY_KIB: String(hashing.memoryKib), ARGON2_PASSES: String(hashing.passes) };
}

/** A password hashed at `hashing`'s cost (default: production's, OWASP's), whatever this process's. */
export function passwordHashAt(password: string, hashing: PasswordHashing = OWASP_PASSWORD_HASHING): Promise<string> {
  return hash(password, { type: argon2id, memoryCost: hashing.memoryKib, timeCost: hashing.passes, parallelism: 1 });
}

/** A migrated fresh database loaded with a fixture, without a server: for specs of the data layer. */
export async function seededDataSource(
  file?: string | object,
): Promise<{ ds: DataSource; close: () => Promise<void> }> {
  clock.reset();
  const fresh = await migratedDatabase();
  const ds = createDataSource(fresh.db);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  await loadFixture(ds, readFixture(file));
  return {
    ds,
    async close() {
      await ds.destroy();
      await fresh.drop();
      clock.reset();
    },
  };
}

export function readFixture(file: string | object = "test/fixtures/world.json") {
  const { fixture, errors } = validateFixture(
    typeof file === "string" ? JSON.parse(fs.readFileSync(file, "utf8")) : file,
  );
  if (errors.length) throw new Error(errors.join("\n"));
  return fixture;
}

/**
 * world.json with more of pixel's staff, each with a pending request on a store (asking for
 * orders, a day ago): `askers` by user key, name and store key.
 */
export function worldWithRequests(askers: { key: string; name: string; store: string }[]) {
  const world = readFixture() as {
    users: Record<string, unknown>[];
    partners: { key: string; members: Record<string, unknown>[] }[];
    stores: { key: string; collaborators?: Record<string, unknown>[] }[];
  };
  for (const { key, name, store } of askers) {
    world.users.push({ key, email: `${key}@example.com`, name, password: `password-${key}` });
    world.partners
      .find((p) => p.key === "pixel")!
      .members.push({ user: key, type: "STAFF", storeAccess: { MANAGED: { access: "ALL", actions: ["ADD_REMOVE"] } } });
    world.stores
      .find((s) => s.key === store)!
      .collaborators!.push({
        user: key,
        partner: "pixel",
        status: "REQUESTED",
        permissions: ["orders"],
        requestedDaysAgo: 1,
      });
  }
  return world;
}

export interface TestServer {
  url: string;
  ds: DataSource;
  /** The server's metrics (background work is counted in them by whoever runs it). */
  metrics: Metrics;
  anonymous(): TestClient;
  /** Signs in as a fixture user of test/fixtures/world.json by key (password "password-<key>"). */
  as(key: string, client?: "PARTNER_DASHBOARD" | "ADMIN" | "MOBILE_APP"): Promise<TestClient>;
  /** Global id of a row found by a column, e.g. gid("Store", "stores", { domain: "acme-eu.example.com" }). */
  gid(type: string, table: string, where: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/**
 * The limits of a spec's server: production's, but a per-user cost bucket that a spec of behaviour
 * never empties (the bucket refills in real time, so how much a suite may spend would depend on the
 * machine's speed). The specs of the limits themselves (test/limits.test.ts, test/cost.test.ts) pass
 * production's DEFAULT_LIMITS, or their own.
 */
export const SPEC_LIMITS = { ...DEFAULT_LIMITS, costBucketSize: 100_000 };

/**
 * A fixture file or object (default: test/fixtures/world.json); a logger sees every SQL statement;
 * server: createServer's options (e.g. limits) for a suite that needs other than SPEC_LIMITS.
 */
export async function startServer(
  fixtureFile?: string | object,
  options: { logger?: Logger; server?: ServerOptions } = {},
): Promise<TestServer> {
  clock.reset();
  const { db, drop } = await migratedDatabase();
  const ds = createDataSource(db, { logger: options.logger });
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  await loadFixture(ds, readFixture(fixtureFile));
  const app = await createServer(ds, { limits: SPEC_LIMITS, ...options.server });
  const port = await app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  const sessions = new Map<string, string>();
  return {
    url,
    ds,
    metrics: app.metrics,
    anonymous: () => new TestClient(url),
    async as(key, client = "PARTNER_DASHBOARD") {
      const cacheKey = `${key}:${client}`;
      if (!sessions.has(cacheKey)) {
        const { signIn } = await new TestClient(url).data(SIGN_IN, {
          input: { email: `${key}@example.com`, password: `password-${key}`, client },
        });
        if (!signIn?.token) throw new Error(`cannot sign in as ${key}: ${JSON.stringify(signIn?.userErrors)}`);
        sessions.set(cacheKey, signIn.token);
      }
      return new TestClient(url, must(sessions.get(cacheKey), `a session of ${key}`));
    },
    async gid(type, table, where) {
      const keys = Object.keys(where);
      const pg = ds.options.type === "postgres";
      const sql = `SELECT id FROM "${table}" WHERE ${keys.map((k, i) => `"${k}" = ${pg ? `$${i + 1}` : "?"}`).join(" AND ")} ORDER BY id DESC LIMIT 1`;
      const rows: { id: number | string }[] = await ds.query(sql, Object.values(where));
      if (!rows.length) throw new Error(`no ${table} row ${JSON.stringify(where)}`);
      return `gid://latchkey/${type}/${rows[0].id}`;
    },
    async close() {
      await app.close();
      await ds.destroy();
      await drop();
      clock.reset();
    },
  };
}
