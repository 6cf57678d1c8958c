// Several instances on one PostgreSQL (operations 1): two Latchkey processes share one database
// behind a loopback round-robin proxy. A token from one works on the other, failed sign-ins count
// across both, and each scheduled expiry (R7, R17) is recorded once. The sweep itself is also
// run twice at once on one data source (both databases).
// The process tests run only on PostgreSQL: two processes on one SQLite file are not the
// deployment this is about (SQLite is one instance).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clock, DAY_MS } from "../src/clock";
import type { DatabaseConfig } from "../src/config";
import { createDataSource } from "../src/db/data-source";
import { inTransaction } from "../src/db/transaction";
import { AuditEvent } from "../src/domain/audit/audit-event.entity";
import { settleExpired } from "../src/domain/collaborators/collaborator.service";
import { newStoreUser, StoreUser } from "../src/domain/collaborators/store-user.entity";
import { User } from "../src/domain/users/user.entity";
import { loadFixture } from "../src/seed/load";
import { runExpirySweep } from "../src/scheduler/expiry";
import { graphql } from "./generated";
import { postGraphql, SIGN_IN } from "./support/http";
import { killLatchkey, seedDatabase, spawnLatchkey, SpawnedLatchkey } from "./support/processes";
import { migratedDatabase, readFixture } from "./support/server";

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const SQLITE_REASON =
  "two processes on one SQLite file are not the deployment this is about (SQLite is one instance); run with DATABASE_URL=postgres://...";
if (!onPostgres) console.warn(`multi-instance.test.ts: skipping the two-process tests: ${SQLITE_REASON}`);

const VERIFY = graphql(`
  query MultiInstanceVerify {
    auditLogVerify {
      valid
      checkedCount
      problem
    }
  }
`);
const VIEWER_EMAIL = graphql(`
  query MultiInstanceViewerEmail {
    viewer {
      email
    }
  }
`);

/** Events "collaborator.expired" per store user id. */
async function expiredEvents(ds: DataSource): Promise<Map<number, number>> {
  const events = await ds.getRepository(AuditEvent).findBy({ action: "collaborator.expired" });
  const counts = new Map<number, number>();
  for (const e of events) counts.set(e.targetId!, (counts.get(e.targetId!) ?? 0) + 1);
  return counts;
}

describe("the expiry sweep on one data source", () => {
  let ds: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    clock.reset();
    const fresh = await migratedDatabase();
    drop = fresh.drop;
    ds = createDataSource(fresh.db);
    await ds.initialize();
    await ds.runMigrations({ transaction: "each" });
    await loadFixture(ds, readFixture());
  });
  afterAll(async () => {
    await ds?.destroy();
    await drop?.();
    clock.reset();
  });

  test("R7, R17: two sweeps at once expire every due request and unused account once, with one collaborator.expired event each", async () => {
    const later = new Date(clock.now().getTime() + 100 * DAY_MS); // every pending request and every account is due then
    const live = await ds.getRepository(StoreUser).find({
      where: [
        { userType: "COLLABORATOR", status: "REQUESTED" },
        { userType: "COLLABORATOR", status: "ACTIVE" },
      ],
    });
    expect(live.length).toBeGreaterThanOrEqual(2);
    const before = await expiredEvents(ds);

    const results = await Promise.all([runExpirySweep(ds, later), runExpirySweep(ds, later)]);
    expect(results.reduce((n, r) => n + r.expired, 0)).toBe(live.length);
    const again = await runExpirySweep(ds, later);
    expect(again).toEqual({ ran: true, expired: 0 });

    const rows = await ds.getRepository(StoreUser).findBy(live.map((r) => ({ id: r.id })));
    expect(rows.map((r) => r.status)).toEqual(live.map(() => "EXPIRED"));
    const events = await expiredEvents(ds);
    for (const row of live)
      expect(events.get(row.id), `events for store user ${row.id}`).toBe((before.get(row.id) ?? 0) + 1);
    expect([...events.values()].reduce((a, b) => a + b, 0)).toBe(
      [...before.values()].reduce((a, b) => a + b, 0) + live.length,
    );
  });

  test("R7, R29: a sweep and a lazy write that both read a row as pending record its expiry once (conditional UPDATE ... WHERE status)", async () => {
    // A fresh pending request, due in 7 days: both writers read it before either writes.
    const [seen] = await ds.getRepository(StoreUser).find({ where: { userType: "STAFF" }, take: 1 });
    const sam = await ds.getRepository(User).findOneByOrFail({ email: "sam@example.com" }); // no row on any store
    const row = await ds.getRepository(StoreUser).save(
      newStoreUser({
        storeId: seen.storeId,
        userId: sam.id,
        userType: "COLLABORATOR",
        status: "REQUESTED",
        requestedPermissions: ["orders"],
        createdAt: clock.now(),
      }),
    );
    const due = new Date(clock.now().getTime() + 8 * DAY_MS);
    const copyA = await ds.getRepository(StoreUser).findOneByOrFail({ id: row.id });
    const copyB = await ds.getRepository(StoreUser).findOneByOrFail({ id: row.id });
    await Promise.all([
      inTransaction(ds, (tx) => settleExpired(tx, [copyA], due)),
      inTransaction(ds, (tx) => settleExpired(tx, [copyB], due)),
      runExpirySweep(ds, due),
    ]);
    expect(copyA.status).toBe("EXPIRED");
    expect(copyB.status).toBe("EXPIRED");
    expect((await ds.getRepository(StoreUser).findOneByOrFail({ id: row.id })).status).toBe("EXPIRED");
    expect((await expiredEvents(ds)).get(row.id)).toBe(1);
  });
});

describe.skipIf(!onPostgres)(
  `two instances on one PostgreSQL behind a round-robin (skipped on SQLite: ${SQLITE_REASON})`,
  () => {
    let db: DatabaseConfig;
    let drop: (() => Promise<void>) | undefined;
    let a: SpawnedLatchkey | undefined;
    let b: SpawnedLatchkey | undefined;
    let proxy: http.Server | undefined;
    let proxyUrl: string;
    let pg: Client | undefined;
    /** The instance port each proxied request went to, in order. */
    const hits: number[] = [];

    beforeAll(async () => {
      ({ db, drop } = await migratedDatabase());
      seedDatabase(db);
      [a, b] = await Promise.all([
        spawnLatchkey(db, { SWEEP_INTERVAL_MS: "200" }),
        spawnLatchkey(db, { SWEEP_INTERVAL_MS: "200" }),
      ]);
      const ports = [a.port, b.port];
      let turn = 0;
      proxy = http.createServer((req, res) => {
        const port = ports[turn++ % ports.length];
        hits.push(port);
        const upstream = http.request(
          { host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on("error", (error) => {
          res.writeHead(502);
          res.end(String(error));
        });
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => proxy!.listen(0, "127.0.0.1", resolve));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      pg = new Client({ connectionString: (db as { url: string }).url });
      await pg.connect();
    }, 90_000);

    afterAll(async () => {
      await killLatchkey(a);
      await killLatchkey(b);
      await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
      await pg?.end().catch(() => undefined);
      await drop?.();
    });

    test("API: a token obtained through one instance works on the other", async () => {
      const first = hits.length;
      const signedIn = await postGraphql(proxyUrl, SIGN_IN, {
        input: { email: "olive@example.com", password: "password-olive" },
      });
      const token = signedIn.body?.data?.signIn?.token;
      expect(token, JSON.stringify(signedIn.body)).toBeTruthy();
      const issuer = hits[first];
      const other = issuer === a!.port ? b! : a!;
      const onOther = await postGraphql(other.url, VIEWER_EMAIL, {}, { token });
      expect(onOther.body?.errors).toBeUndefined();
      expect(onOther.body?.data).toEqual({ viewer: { email: "olive@example.com" } });
      // And through the proxy, which now alternates again.
      for (let i = 0; i < 2; i++)
        expect((await postGraphql(proxyUrl, VIEWER_EMAIL, {}, { token })).body?.data?.viewer?.email).toBe(
          "olive@example.com",
        );
    });

    test("Security: 5 failed sign-ins alternating between the instances lock the account on both", async () => {
      const first = hits.length;
      for (let i = 0; i < 5; i++) {
        const r = await postGraphql(proxyUrl, SIGN_IN, {
          input: { email: "erin@example.com", password: `password-nope-${i}` },
        });
        expect(r.body?.data?.signIn?.userErrors?.[0]?.code, JSON.stringify(r.body)).toBe("INVALID_CREDENTIALS");
      }
      // The five were spread over both instances (3 and 2): no instance saw five.
      const spread = hits.slice(first, first + 5);
      expect(new Set(spread)).toEqual(new Set([a!.port, b!.port]));
      for (const instance of [a!, b!]) {
        const r = await postGraphql(instance.url, SIGN_IN, {
          input: { email: "erin@example.com", password: "password-erin" },
        });
        expect(r.body?.errors?.[0]?.extensions?.code, JSON.stringify(r.body)).toBe("THROTTLED");
        expect(r.body?.data?.signIn ?? null).toBeNull();
      }
    });

    test("R7, R17: each scheduled expiry fires once across both instances, and the audit chain stays valid", async () => {
      const idOf = async (email: string, status: string) => {
        const { rows } = await pg!.query<{ id: number }>(
          `SELECT su.id FROM store_users su JOIN users u ON u.id = su."userId" WHERE u.email = $1 AND su.status = $2 AND su."userType" = 'COLLABORATOR' ORDER BY su.id LIMIT 1`,
          [email, status],
        );
        expect(rows.length, `${email} ${status}`).toBe(1);
        return rows[0].id;
      };
      const request = await idOf("kira@example.com", "REQUESTED"); // R7: requested a day ago
      const account = await idOf("pia@example.com", "ACTIVE"); // R17: last signed in 10 days ago
      const now = Date.now();
      await pg!.query(`UPDATE store_users SET "createdAt" = $1 WHERE id = $2`, [new Date(now - 8 * DAY_MS), request]);
      await pg!.query(`UPDATE store_users SET "lastLoginAt" = $1 WHERE id = $2`, [
        new Date(now - 100 * DAY_MS),
        account,
      ]);

      const statuses = async () =>
        (
          await pg!.query<{ id: number; status: string }>(
            `SELECT id, status FROM store_users WHERE id = ANY($1::int[]) ORDER BY id`,
            [[request, account]],
          )
        ).rows.map((r) => r.status);
      const deadline = Date.now() + 10_000;
      while ((await statuses()).some((s) => s !== "EXPIRED") && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await statuses()).toEqual(["EXPIRED", "EXPIRED"]);

      const { rows } = await pg!.query<{ id: number; n: number; details: string }>(
        `SELECT "targetId" AS id, count(*)::int AS n, min(details) AS details FROM audit_events WHERE action = 'collaborator.expired' GROUP BY "targetId"`,
      );
      const counts = new Map(rows.map((r) => [r.id, r.n]));
      expect(counts.get(request)).toBe(1);
      expect(counts.get(account)).toBe(1);
      // pete's account (100 days unused in the fixture) was due from the start: also once.
      for (const n of counts.values()) expect(n).toBe(1);
      const rules = new Map(rows.map((r) => [r.id, (JSON.parse(r.details) as { rule?: unknown }).rule]));
      expect(rules.get(request)).toBe("R7");
      expect(rules.get(account)).toBe("R17");

      const sam = await postGraphql(proxyUrl, SIGN_IN, {
        input: { email: "sam@example.com", password: "password-sam" },
      });
      const token = sam.body?.data?.signIn?.token;
      expect(token, JSON.stringify(sam.body)).toBeTruthy();
      for (const instance of [a!, b!]) {
        const verify = await postGraphql(instance.url, VERIFY, {}, { token });
        expect(verify.body?.data?.auditLogVerify, JSON.stringify(verify.body)).toMatchObject({
          valid: true,
          problem: null,
        });
      }
    });
  },
);
