// Faults (hardening 4): Latchkey killed with SIGKILL in the middle of a burst of accepts leaves
// nothing half done; PostgreSQL stopped under load gives clear SERVICE_UNAVAILABLE errors (and a
// 503 /healthz) and Latchkey works again once it is back, without a restart; SIGTERM lets
// in-flight requests finish, refuses new connections and exits 0.
// Each runs the built server (dist/, as `npm test` builds first) as a process of its own: (a) and
// (c) on the suite's database, (b) on a private PostgreSQL cluster in both suite runs.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client, type QueryResultRow } from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { OWASP_PASSWORD_HASHING, type DatabaseConfig } from "../src/config";
import { createDataSource } from "../src/db/data-source";
import { loadFixture } from "../src/seed/load";
import { User } from "../src/domain/users/user.entity";
import type { DataSource } from "typeorm";
import { pendingRequestsWorld } from "./support/fixtures";
import { graphql } from "./generated";
import { AUDIT_LOG_VERIFY, REQUEST_ACCEPT, SIGN_IN } from "./support/documents";
import { HttpResult, postGraphql, signIn } from "./support/http";
import { PrivatePostgres, privatePostgresUnavailable } from "./support/private-postgres";
import { acceptsConnections, killLatchkey, spawnLatchkey, SpawnedLatchkey } from "./support/processes";
import { migratedDatabase, passwordHashAt, passwordHashingEnv, readFixture } from "./support/server";

const gidOf = (id: number) => `gid://latchkey/Collaborator/${id}`;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  // Processes first, then their databases; one failing cleanup does not keep the others from running.
  for (const cleanup of cleanups.reverse())
    await Promise.resolve()
      .then(cleanup)
      .catch((error) => console.error("cleanup:", error));
});

/** A fresh database of the suite's kind, migrated and loaded with a fixture, and closed again. */
async function preparedDatabase(fixture: object): Promise<DatabaseConfig> {
  const { db, drop } = await migratedDatabase();
  cleanups.push(drop);
  const ds = createDataSource(db);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: "each" });
    await loadFixture(ds, readFixture(fixture));
  } finally {
    await ds.destroy();
  }
  return db;
}

async function withDataSource<T>(db: DatabaseConfig, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = createDataSource(db);
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

describe("SIGKILL in the middle of a burst of accepts", () => {
  const COUNT = 60;

  /** What is stored about the busy store's requests, checked for consistency; returns the ACTIVE and REQUESTED ids. */
  async function consistentState(db: DatabaseConfig, helperRoleId: number) {
    return withDataSource(db, async (ds) => {
      const rows: { id: number; status: string; autoRoleId: number | null; userId: number }[] = await ds.query(
        `SELECT "id", "status", "autoRoleId" AS "autoRoleId", "userId" AS "userId" FROM "store_users" WHERE "userType" = 'COLLABORATOR' ORDER BY "id"`,
      );
      expect(rows).toHaveLength(COUNT);
      const links: { storeUserId: number; roleId: number }[] = await ds.query(
        `SELECT "storeUserId" AS "storeUserId", "roleId" AS "roleId" FROM "store_user_roles"`,
      );
      const accepted: { targetId: number }[] = await ds.query(
        `SELECT "targetId" AS "targetId" FROM "audit_events" WHERE "action" = 'collaborator.accepted'`,
      );
      const emails: { userId: number }[] = await ds.query(
        `SELECT "userId" AS "userId" FROM "notifications" WHERE "kind" = 'collaborator_accepted'`,
      );
      const roleIds = new Set((await ds.query<{ id: number }[]>(`SELECT "id" FROM "roles"`)).map((r) => Number(r.id)));
      const active: number[] = [];
      const requested: number[] = [];
      for (const row of rows) {
        const mine = links.filter((l) => Number(l.storeUserId) === Number(row.id)).map((l) => Number(l.roleId));
        const events = accepted.filter((e) => Number(e.targetId) === Number(row.id)).length;
        const mails = emails.filter((e) => Number(e.userId) === Number(row.userId)).length;
        const where = `collaborator ${row.id} (${row.status})`;
        if (row.status === "ACTIVE") {
          active.push(Number(row.id));
          // Accepted keeping the auto-generated role, or with Helper and the auto role dropped: never without roles.
          expect(mine, where).toEqual(row.autoRoleId !== null ? [Number(row.autoRoleId)] : [helperRoleId]);
          expect([events, mails], where).toEqual([1, 1]);
        } else {
          expect(row.status, where).toBe("REQUESTED");
          requested.push(Number(row.id));
          expect(mine, where).toEqual([]);
          expect([events, mails], where).toEqual([0, 0]);
          expect(row.autoRoleId, where).not.toBeNull();
          expect(roleIds.has(Number(row.autoRoleId)), `${where}: its auto-generated role is still there`).toBe(true);
        }
      }
      return { active, requested };
    });
  }

  test("Security: a server killed with SIGKILL mid-burst leaves every accepted request with its roles and one audit event, every pending one untouched, and a valid chain; the rest can be accepted after a restart", async () => {
    const db = await preparedDatabase(pendingRequestsWorld(COUNT));
    const { ids, helperRoleId } = await withDataSource(db, async (ds) => ({
      ids: (
        await ds.query<{ id: number }[]>(
          `SELECT "id" FROM "store_users" WHERE "userType" = 'COLLABORATOR' ORDER BY "id"`,
        )
      ).map((r) => Number(r.id)),
      helperRoleId: Number(
        (await ds.query<{ id: number }[]>(`SELECT "id" FROM "roles" WHERE "name" = 'Helper'`))[0].id,
      ),
    }));
    expect(ids).toHaveLength(COUNT);
    // Half keep their auto-generated role; half get Helper and lose it.
    const inputFor = (id: number) =>
      id % 2 ? null : { roleIds: [`gid://latchkey/Role/${helperRoleId}`], dropAutoRole: true };

    let server: SpawnedLatchkey | undefined = await spawnLatchkey(db);
    cleanups.push(() => killLatchkey(server));
    const bella = await signIn(server.url, "bella@example.com", "password-bella");

    const acknowledged: number[] = [];
    const victim = server;
    const results = await Promise.all(
      ids.map(async (id) => {
        const r = await postGraphql(
          victim.url,
          REQUEST_ACCEPT,
          { id: gidOf(id), input: inputFor(id) },
          { token: bella, timeoutMs: 20_000 },
        );
        const p = r.body?.data?.collaboratorRequestAccept;
        if (p?.collaborator?.status === "ACTIVE") {
          acknowledged.push(id);
          if (acknowledged.length === 5) victim.child.kill("SIGKILL");
        }
        return r;
      }),
    );
    expect(await victim.exited).toEqual({ code: null, signal: "SIGKILL" });
    // Before the kill: successes. After it: refused or cut connections, never a wrong answer.
    for (const r of results) {
      if (r.status === 0) expect(r.failure).not.toBe("timeout");
      else
        expect(r.body?.data?.collaboratorRequestAccept, JSON.stringify(r.body)).toMatchObject({
          collaborator: { status: "ACTIVE" },
          userErrors: [],
        });
    }

    server = await spawnLatchkey(db);
    const { active, requested } = await consistentState(db, helperRoleId);
    expect(active).toEqual(expect.arrayContaining(acknowledged)); // what was answered was committed
    expect(requested.length, "the kill came in the middle of the burst").toBeGreaterThan(0);
    const sam = await signIn(server.url, "sam@example.com", "password-sam");
    expect(
      (await postGraphql(server.url, AUDIT_LOG_VERIFY, {}, { token: sam })).body?.data?.auditLogVerify,
    ).toMatchObject({
      valid: true,
      problem: null,
    });

    // The restarted server accepts the rest.
    const owner = await signIn(server.url, "bella@example.com", "password-bella");
    const rest = await Promise.all(
      requested.map((id) =>
        postGraphql(server.url, REQUEST_ACCEPT, { id: gidOf(id), input: inputFor(id) }, { token: owner }),
      ),
    );
    for (const r of rest)
      expect(r.body?.data?.collaboratorRequestAccept, JSON.stringify(r.body ?? r.failure)).toMatchObject({
        collaborator: { status: "ACTIVE" },
        userErrors: [],
      });
    const after = await consistentState(db, helperRoleId);
    expect(after.active).toHaveLength(COUNT);
    expect(
      (await postGraphql(server.url, AUDIT_LOG_VERIFY, {}, { token: sam })).body?.data?.auditLogVerify,
    ).toMatchObject({
      valid: true,
      problem: null,
    });

    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 60_000);
});

describe("SIGTERM", () => {
  test("Security: SIGTERM lets every in-flight request finish with a full answer, refuses new connections meanwhile, and exits 0", async () => {
    const IN_FLIGHT = 12;
    const db = await preparedDatabase(pendingRequestsWorld(IN_FLIGHT));
    // Slow sign-ins: the partners' passwords hashed at three times production's cost (the suite
    // hashes cheaply, vitest.config.mts; production's cost left a window of only ~0.2 s on a fast
    // machine), checked on one libuv thread one after another, so that they stay in flight a while.
    const slow = { memoryKib: OWASP_PASSWORD_HASHING.memoryKib, passes: 3 * OWASP_PASSWORD_HASHING.passes };
    await withDataSource(db, async (ds) => {
      for (let i = 1; i <= IN_FLIGHT; i++)
        await ds
          .getRepository(User)
          .update({ email: `p${i}@example.com` }, { passwordHash: await passwordHashAt(`password-p${i}`, slow) });
    });
    const server = await spawnLatchkey(db, { UV_THREADPOOL_SIZE: "1", ...passwordHashingEnv(slow) });
    cleanups.push(() => killLatchkey(server));

    let answered = 0;
    // Partner users p1..p12: one sign-in each (several at once for one account would be throttled, by design).
    const requests = Array.from({ length: IN_FLIGHT }, (_, i) =>
      postGraphql(
        server.url,
        SIGN_IN,
        { input: { email: `p${i + 1}@example.com`, password: `password-p${i + 1}` } },
        { timeoutMs: 20_000 },
      ).then((r) => {
        answered++;
        return r;
      }),
    );
    // The first answer shows the server has taken the burst in; the others are still being worked on.
    await Promise.race(requests);
    server.child.kill("SIGTERM");

    // New connections are refused while the in-flight requests still run (a bounded number of tries).
    let refusedWhileDraining = false;
    for (let i = 0; i < 200 && !refusedWhileDraining && answered < IN_FLIGHT; i++) {
      if (!(await acceptsConnections(server.port))) refusedWhileDraining = answered < IN_FLIGHT;
    }
    const results = await Promise.all(requests);
    for (const r of results) {
      expect(r.status, JSON.stringify(r.body ?? r.failure)).toBe(200);
      expect(r.body?.errors).toBeUndefined();
      expect(r.body?.data?.signIn?.token).toMatch(/^lk_/);
    }
    expect(refusedWhileDraining, "a new connection was refused while requests were still in flight").toBe(true);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await acceptsConnections(server.port)).toBe(false);
    expect(server.output()).toMatch(/SIGTERM: no new connections/);
  }, 60_000);
});

const privatePostgresMissing = privatePostgresUnavailable();
if (privatePostgresMissing)
  console.warn(`faults.test.ts: skipping the PostgreSQL restart test: ${privatePostgresMissing}`);

// Latchkey runs as its own process here: the entities' column types follow the suite's DATABASE_URL
// in this process (SQLite in one of the two runs), while this test needs PostgreSQL in both.
describe("PostgreSQL restart under load", () => {
  test.skipIf(privatePostgresMissing !== null)(
    "Security: while PostgreSQL is down requests fail fast with SERVICE_UNAVAILABLE and /healthz answers 503; once it is back they succeed, without restarting Latchkey",
    async () => {
      const cluster = await PrivatePostgres.create();
      cleanups.push(() => cluster.destroy());
      await cluster.createDatabase("latchkey");
      const db: DatabaseConfig = { kind: "postgres", url: cluster.url("latchkey") };
      const fixtureFile = path.join(cluster.dir, "fixture.json");
      fs.writeFileSync(fixtureFile, JSON.stringify(pendingRequestsWorld(30)));
      await new Promise<void>((resolve, reject) =>
        execFile(
          process.execPath,
          ["dist/src/seed/cli.js", fixtureFile],
          { env: { ...process.env, DATABASE_URL: db.url }, timeout: 30_000 },
          (error, _out, stderr) =>
            error ? reject(new Error(`seeding the private cluster: ${error.message}\n${stderr}`)) : resolve(),
        ),
      );
      const server = await spawnLatchkey(db);
      cleanups.push(() => killLatchkey(server));
      const { url } = server;
      const sql = async <T extends QueryResultRow>(query: string) => {
        const c = new Client({ connectionString: db.url });
        await c.connect();
        try {
          return (await c.query<T>(query)).rows;
        } finally {
          await c.end();
        }
      };
      const ids: number[] = (
        await sql<{ id: number }>(`SELECT "id" FROM "store_users" WHERE "userType" = 'COLLABORATOR' ORDER BY "id"`)
      ).map((r) => Number(r.id));
      const bella = await signIn(url, "bella@example.com", "password-bella");
      const VIEWER = graphql(`
        query FaultsViewerName {
          viewer {
            name
          }
        }
      `);
      const healthz = async () => {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        return { status: res.status, body: await res.json() };
      };
      const accept = (id: number) =>
        postGraphql(url, REQUEST_ACCEPT, { id: gidOf(id), input: null }, { token: bella, timeoutMs: 10_000 });
      const viewer = () => postGraphql(url, VIEWER, {}, { token: bella, timeoutMs: 10_000 });
      const ok = (r: HttpResult<unknown>) => r.status === 200 && !r.body?.errors && r.body?.data != null;
      const unavailable = (r: HttpResult<unknown>) =>
        r.body?.errors?.[0]?.extensions?.code === "SERVICE_UNAVAILABLE" &&
        r.body.errors[0].message === "The database is unavailable; try again shortly.";

      // Under load: four workers send requests one after another while PostgreSQL stops, until a
      // few more have been refused after it is down (at most 400 requests, each bounded by its timeout).
      type Phase = "up" | "stopping" | "down";
      let phase = "up" as Phase;
      let sent = 0;
      let succeeded = 0;
      let refusedWhileDown = 0;
      let loaded!: () => void;
      const underLoad = new Promise<void>((resolve) => (loaded = resolve));
      const outcomes: { phase: Phase; r: HttpResult<unknown>; ms: number }[] = [];
      const worker = async () => {
        while (sent < 400 && refusedWhileDown < 20) {
          sent++;
          const started = performance.now();
          const r = await viewer();
          outcomes.push({ phase, r, ms: performance.now() - started });
          if (ok(r) && ++succeeded === 20) loaded();
          if (phase === "down" && !ok(r)) refusedWhileDown++;
        }
        loaded(); // the bound was reached first: the checks below say so
      };
      const load = Promise.all([worker(), worker(), worker(), worker()]);
      await underLoad;
      phase = "stopping";
      await cluster.stop("fast");
      phase = "down";
      await load;

      expect(outcomes.filter((o) => o.phase === "up").every((o) => ok(o.r))).toBe(true);
      // Around the stop and after it: a success, or a clear SERVICE_UNAVAILABLE; never a hang or a masked 500.
      for (const o of outcomes) expect(ok(o.r) || unavailable(o.r), JSON.stringify(o.r.body ?? o.r.failure)).toBe(true);
      const down = outcomes.filter((o) => o.phase === "down" && !ok(o.r));
      expect(down.length).toBeGreaterThanOrEqual(20);
      for (const o of down) expect(o.ms).toBeLessThan(6_000);

      // A mutation while it is down fails the same way, and changes nothing (checked once it is back).
      const failedAccept = await accept(ids[0]);
      expect(unavailable(failedAccept), JSON.stringify(failedAccept.body ?? failedAccept.failure)).toBe(true);
      // Without a token the request gets past its context, and the resolver's own query fails: the same answer.
      const failedSignIn = await postGraphql(
        url,
        SIGN_IN,
        { input: { email: "p1@example.com", password: "password-p1" } },
        { timeoutMs: 10_000 },
      );
      expect(unavailable(failedSignIn), JSON.stringify(failedSignIn.body ?? failedSignIn.failure)).toBe(true);
      expect(failedSignIn.body?.errors?.[0].path).toEqual(["signIn"]);
      expect(await healthz()).toEqual({ status: 503, body: { status: "unavailable" } });

      await cluster.start();
      expect(await healthz()).toEqual({ status: 200, body: { status: "ok" } });
      const [viewersAgain, acceptsAgain] = await Promise.all([
        Promise.all(Array.from({ length: 10 }, viewer)),
        Promise.all(ids.slice(0, 10).map(accept)),
      ]);
      for (const r of [...viewersAgain, ...acceptsAgain]) expect(ok(r), JSON.stringify(r.body ?? r.failure)).toBe(true);
      for (const r of acceptsAgain)
        expect(r.body?.data?.collaboratorRequestAccept).toMatchObject({
          collaborator: { status: "ACTIVE" },
          userErrors: [],
        });
      const [{ n }] = await sql<{ n: string }>(
        `SELECT COUNT(*) AS n FROM "audit_events" WHERE "action" = 'collaborator.accepted'`,
      );
      expect(Number(n)).toBe(10); // the refused accept of ids[0] left nothing behind
      const sam = await signIn(url, "sam@example.com", "password-sam");
      expect((await postGraphql(url, AUDIT_LOG_VERIFY, {}, { token: sam })).body?.data?.auditLogVerify).toMatchObject({
        valid: true,
        problem: null,
      });

      // The same process all along; it still shuts down cleanly.
      expect(server.child.exitCode).toBeNull();
      server.child.kill("SIGTERM");
      expect(await server.exited).toEqual({ code: 0, signal: null });
    },
    60_000,
  );
});
