// Issue 12 item 2: the session and standing caches (src/db/caches.ts) never serve what a write
// answered before the request changed. In one process (SQLite or PostgreSQL) a sign-out, a password
// change, a role edit, a collaborator removal and an accept (its statements prepared outside
// TypeORM, src/db/hot-writes.ts) are seen by the very next request, although both
// caches held the entries; and across two Latchkey processes on one PostgreSQL, through either bus
// (PostgreSQL LISTEN/NOTIFY, Redis), a write on one is seen by the other's very next request.
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DatabaseConfig } from "../src/config";
import { stalenessOf } from "../src/db/cache-invalidation";
import type { DataSource } from "typeorm";
import { cachesOf, invalidate, TtlLru, type Staleness } from "../src/db/caches";
import type { CollaboratorRow } from "../src/db/hot-reads";
import type { Store } from "../src/domain/stores/store.entity";
import { RoundTrips } from "../src/realtime/pubsub";
import { hashToken } from "../src/domain/users/auth.service";
import { graphql } from "./generated";
import { must, TestClient } from "./support/client";
import {
  COLLABORATOR_REMOVE,
  EXPLAIN_ACCESS,
  REQUEST_ACCEPT,
  ROLE_UPDATE,
  SIGN_IN,
  STORE_NAME,
  VIEWER,
} from "./support/documents";
import { databaseUrl, killLatchkey, spawnLatchkey, type SpawnedLatchkey } from "./support/processes";
import { migratedDatabase, startServer, type TestServer } from "./support/server";

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const SIGN_OUT = graphql(`
  mutation CachesSignOut {
    signOut {
      userErrors {
        code
      }
    }
  }
`);
const PASSWORD_CHANGE = graphql(`
  mutation CachesPasswordChange($current: String!, $next: String!) {
    passwordChange(currentPassword: $current, newPassword: $next) {
      userErrors {
        code
      }
    }
  }
`);

const VIEWER_RENAME = graphql(`
  mutation CachesViewerRename($name: String!) {
    viewerUpdate(input: { name: $name }) {
      userErrors {
        code
      }
    }
  }
`);
const COLLABORATORS_PAGE = graphql(`
  query CachesCollaboratorsPage($id: ID!) {
    store(id: $id) {
      collaborators(first: 10) {
        nodes {
          id
          status
          user {
            name
          }
          roles {
            name
          }
        }
      }
    }
  }
`);

/** Runs SQL on the database beside Latchkey (its own connection): a write no Latchkey instance sees. */
type Sql = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

function sqlBeside(db: DatabaseConfig): { run: Sql; close: () => Promise<void> } {
  if (db.kind === "sqlite") {
    const raw = new Database(db.file);
    return {
      run: (sql, params) => {
        const stmt = raw.prepare(sql.replace(/\$\d+/g, "?"));
        return Promise.resolve(
          stmt.reader ? (stmt.all(...params) as Record<string, unknown>[]) : (stmt.run(...params), []),
        );
      },
      close: () => Promise.resolve(void raw.close()),
    };
  }
  const pg = new Client({ connectionString: db.url });
  const ready = pg.connect();
  return {
    run: async (sql, params) => (await ready, (await pg.query(sql, params)).rows as Record<string, unknown>[]),
    close: () => pg.end(),
  };
}

async function idOf(sql: Sql, table: string, column: string, value: string): Promise<number> {
  const rows = await sql(`SELECT id FROM "${table}" WHERE "${column}" = $1`, [value]);
  return Number(must(rows[0], `${table} ${value}`).id);
}
const gid = (type: string, id: number) => `gid://latchkey/${type}/${id}`;

async function signIn(url: string, key: string, password = `password-${key}`): Promise<string> {
  const r = must(
    (await new TestClient(url).data(SIGN_IN, { input: { email: `${key}@example.com`, password } })).signIn,
  );
  return must(r.token, `a token of ${key}`);
}
const viewerCode = async (url: string, token: string) =>
  (await new TestClient(url, token).gql(VIEWER)).errors?.[0]?.extensions?.code ?? "OK";

/**
 * The writes (a sign-out, a password change, a role edit, a removal, an accept), each made through
 * `writer` and checked on `reader`'s very next request, after `reader` has served (and cached) the
 * entry the write changes. `cached(what)` checks, where it can, that the entry was in the reader's
 * cache before the write.
 */
function theWrites(env: () => { writer: string; reader: string; sql: Sql; cached?: (key: CacheKey) => boolean }) {
  test("Issue 12 item 2 (R27): a sign-out on the writer: the reader's very next request with that token is UNAUTHENTICATED", async () => {
    const { writer, reader, cached } = env();
    const token = await signIn(writer, "ada");
    expect(await viewerCode(reader, token)).toBe("OK");
    if (cached) expect(cached({ session: token })).toBe(true);
    expect(must((await new TestClient(writer, token).data(SIGN_OUT)).signOut).userErrors).toEqual([]);
    expect(await viewerCode(reader, token)).toBe("UNAUTHENTICATED");
  });

  test("Issue 12 item 2 (R27): a password change on the writer ends the user's other session at once on the reader", async () => {
    const { writer, reader, cached } = env();
    const other = await signIn(reader, "uma");
    const current = await signIn(writer, "uma");
    expect(await viewerCode(reader, other)).toBe("OK");
    if (cached) expect(cached({ session: other })).toBe(true);
    const changed = await new TestClient(writer, current).data(PASSWORD_CHANGE, {
      current: "password-uma",
      next: "correct horse battery staple",
    });
    expect(must(changed.passwordChange).userErrors).toEqual([]);
    expect(await viewerCode(reader, other)).toBe("UNAUTHENTICATED");
    expect(await viewerCode(reader, current)).toBe("OK"); // the session that changed it stays
  });

  test("Issue 12 item 2 (R28, R10): a collaborator's name, a role's name and a removal on the writer show on the reader's very next collaborators page, its rows cached", async () => {
    const { writer, reader, sql, cached } = env();
    const store = await idOf(sql, "stores", "domain", "acme-us.example.com");
    const pete = await idOf(sql, "users", "email", "pete@example.com");
    const [account] = await sql(`SELECT id FROM "store_users" WHERE "storeId" = $1 AND "userId" = $2`, [store, pete]);
    const [role] = await sql(`SELECT id FROM "roles" WHERE "name" = $1`, ["Org merchandiser"]);
    const erinOnReader = new TestClient(reader, await signIn(reader, "erin"));
    const page = async () =>
      must((await erinOnReader.data(COLLABORATORS_PAGE, { id: gid("Store", store) })).store).collaborators.nodes.map(
        (n) => [n.id, n.status, n.user.name, n.roles.map((r) => r.name)],
      );
    const peteAccount = gid("Collaborator", Number(must(account, "pete's account").id));
    expect(await page()).toEqual([[peteAccount, "EXPIRED", "Pete Pixel", ["Org merchandiser"]]]);
    if (cached) expect(cached({ collaboratorRow: Number(account.id) })).toBe(true);
    const renamed = await new TestClient(writer, await signIn(writer, "pete")).data(VIEWER_RENAME, { name: "Pete P." });
    expect(must(renamed.viewerUpdate).userErrors).toEqual([]);
    expect(await page()).toEqual([[peteAccount, "EXPIRED", "Pete P.", ["Org merchandiser"]]]);
    if (cached) expect(cached({ collaboratorRow: Number(account.id) })).toBe(true);
    const oscar = new TestClient(writer, await signIn(writer, "oscar"));
    const edited = await oscar.data(ROLE_UPDATE, {
      id: gid("Role", Number(must(role, "the Org merchandiser role").id)),
      input: { name: "Merchandising" },
    });
    expect(must(edited.roleUpdate).userErrors).toEqual([]);
    expect(await page()).toEqual([[peteAccount, "EXPIRED", "Pete P.", ["Merchandising"]]]);
    const erinOnWriter = new TestClient(writer, await signIn(writer, "erin"));
    const removed = await erinOnWriter.data(COLLABORATOR_REMOVE, { id: peteAccount, password: "password-erin" });
    expect(must(removed.collaboratorRemove).userErrors).toEqual([]);
    expect(await page()).toEqual([[peteAccount, "REMOVED", "Pete P.", ["Merchandising"]]]);
  });

  test("Issue 12 item 2 (R12): a role edit on the writer changes what its holder may do on the reader's very next request", async () => {
    const { writer, reader, sql, cached } = env();
    const store = await idOf(sql, "stores", "domain", "acme-eu.example.com");
    const dan = await idOf(sql, "users", "email", "dan@example.com");
    const [fulfilment] = await sql(`SELECT id FROM "roles" WHERE "storeId" = $1 AND "name" = $2`, [
      store,
      "Fulfilment",
    ]);
    const danOnReader = new TestClient(reader, await signIn(reader, "dan"));
    const mayTakeOrders = async () =>
      must(
        (
          await danOnReader.data(EXPLAIN_ACCESS, {
            userId: gid("User", dan),
            storeId: gid("Store", store),
            permission: "orders",
          })
        ).explainAccess,
      ).allowed;
    expect(await mayTakeOrders()).toBe(true);
    if (cached) expect(cached({ standing: [store, dan] })).toBe(true);
    const erin = new TestClient(writer, await signIn(writer, "erin"));
    const edited = await erin.data(ROLE_UPDATE, {
      id: gid("Role", Number(must(fulfilment, "the Fulfilment role").id)),
      input: { permissions: ["products.view"] },
    });
    expect(must(edited.roleUpdate).userErrors).toEqual([]);
    expect(await mayTakeOrders()).toBe(false);
  });

  test("Issue 12 item 2 (R10): a collaborator removed on the writer no longer reaches the store on the reader's very next request", async () => {
    const { writer, reader, sql, cached } = env();
    const store = await idOf(sql, "stores", "domain", "acme-eu.example.com");
    const pia = await idOf(sql, "users", "email", "pia@example.com");
    const [account] = await sql(`SELECT id FROM "store_users" WHERE "storeId" = $1 AND "userId" = $2`, [store, pia]);
    const piaOnReader = new TestClient(reader, await signIn(reader, "pia"));
    const mayViewProducts = async () =>
      must(
        (
          await piaOnReader.data(EXPLAIN_ACCESS, {
            userId: gid("User", pia),
            storeId: gid("Store", store),
            permission: "products.view",
          })
        ).explainAccess,
      ).allowed;
    expect((await piaOnReader.data(STORE_NAME, { id: gid("Store", store) })).store?.name).toBe("Acme EU");
    // (Her store read is a login, R17, which clears her standing: an explanation reads it without one.)
    expect(await mayViewProducts()).toBe(true);
    if (cached) expect(cached({ standing: [store, pia] })).toBe(true);
    const erin = new TestClient(writer, await signIn(writer, "erin"));
    const removed = await erin.data(COLLABORATOR_REMOVE, {
      id: gid("Collaborator", Number(must(account, "pia's account").id)),
      password: "password-erin",
    });
    expect(must(removed.collaboratorRemove).userErrors).toEqual([]);
    // She no longer sees the store at all: her own explanation of it is NOT_FOUND, the store null.
    const explained = await piaOnReader.gql(EXPLAIN_ACCESS, {
      userId: gid("User", pia),
      storeId: gid("Store", store),
      permission: "products.view",
    });
    expect(explained.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await piaOnReader.gql(STORE_NAME, { id: gid("Store", store) })).data?.store ?? null).toBeNull();
  });

  test("Issue 12 items 2 and 6 (R8): a request accepted on the writer (its statements prepared, src/db/hot-writes.ts) lets the collaborator reach the store with the roles given on the reader's very next request", async () => {
    const { writer, reader, sql, cached } = env();
    const store = await idOf(sql, "stores", "domain", "nordic.example.com");
    const kira = await idOf(sql, "users", "email", "kira@example.com");
    const [request] = await sql(`SELECT id FROM "store_users" WHERE "storeId" = $1 AND "userId" = $2`, [store, kira]);
    const kiraOnReader = new TestClient(reader, await signIn(reader, "kira"));
    const mayTakeOrders = async () =>
      must(
        (
          await kiraOnReader.data(EXPLAIN_ACCESS, {
            userId: gid("User", kira),
            storeId: gid("Store", store),
            permission: "orders",
          })
        ).explainAccess,
      ).allowed;
    // Pending (R9): the store is not hers to see yet; her standing there is cached as such.
    expect((await kiraOnReader.gql(STORE_NAME, { id: gid("Store", store) })).data?.store ?? null).toBeNull();
    if (cached) expect(cached({ standing: [store, kira] })).toBe(true);
    const nora = new TestClient(writer, await signIn(writer, "nora"));
    // The owner keeps the auto-generated role, which holds what was asked for (R6: orders, customers).
    const accepted = await nora.data(REQUEST_ACCEPT, {
      id: gid("Collaborator", Number(must(request, "kira's request").id)),
      input: {},
    });
    expect(must(accepted.collaboratorRequestAccept).userErrors).toEqual([]);
    // Her cached standing was cleared: the store first (its read is a login, R17, which would clear it anyway).
    expect((await kiraOnReader.data(STORE_NAME, { id: gid("Store", store) })).store?.name).toBe("Nordic");
    expect(await mayTakeOrders()).toBe(true);
  });
}

type CacheKey = { session: string } | { standing: [storeId: number, userId: number] } | { collaboratorRow: number };

describe("what a statement makes stale (src/db/cache-invalidation.ts)", () => {
  test("Issue 12 item 2: a write to a table a cache reads clears it, as precisely as its text says and never less", () => {
    const all = { sessions: true, standings: true };
    const cases: [string, Staleness, unknown[]?][] = [
      ['SELECT * FROM "sessions"', { sessions: false, standings: false }],
      ['INSERT INTO "sessions"("userId") VALUES (?)', { sessions: false, standings: false }],
      [
        'UPDATE "sessions" SET "revokedAt" = ? WHERE ("id" = 7 AND "revokedAt" IS NULL)',
        { sessions: { sessionIds: [7], userIds: [] }, standings: false },
      ],
      [
        'UPDATE "sessions" SET "revokedAt" = ? WHERE "userId" = 3',
        { sessions: { sessionIds: [], userIds: [3] }, standings: false },
      ],
      ['UPDATE "sessions" SET "revokedAt" = ? WHERE "userId" = 3 OR "id" = 4', { sessions: true, standings: false }],
      [
        'UPDATE "sessions" SET "revokedAt" = $1 WHERE ("id" = $2 AND "revokedAt" IS NULL)',
        { sessions: { sessionIds: [8], userIds: [] }, standings: false },
        [new Date(), 8],
      ],
      [
        'UPDATE "sessions" SET "revokedAt" = ? WHERE "userId" = ? AND "id" <> ?',
        { sessions: { sessionIds: [], userIds: [4] }, standings: false },
        [new Date(), "4", 9],
      ],
      [
        'UPDATE "sessions" SET "revokedAt" = ? WHERE "userId" = ?',
        { sessions: true, standings: false },
        [new Date(), "x"],
      ],
      ['UPDATE "sessions" SET "revokedAt" = ? WHERE "id" IN (SELECT 1)', { sessions: true, standings: false }],
      [
        'UPDATE "users" SET "passwordHash" = ? WHERE "id" = 9',
        { sessions: { sessionIds: [], userIds: [9] }, standings: false },
      ],
      ['DELETE FROM "users" WHERE "email" = ?', { sessions: true, standings: false }],
      [
        'UPDATE "store_users" SET "lastLoginAt" = ? WHERE "id" = 5',
        { sessions: false, standings: { storeUserIds: [5] } },
      ],
      ['UPDATE "store_users" SET "lastLoginAt" = ?, "status" = ? WHERE "id" = 5', { sessions: false, standings: true }],
      ['INSERT INTO "store_user_roles"("storeUserId", "roleId") VALUES (?, ?)', { sessions: false, standings: true }],
      ['DELETE FROM "role_permissions" WHERE "roleId" = 2', { sessions: false, standings: true }],
      ['INSERT INTO "audit_events"("action") VALUES (?)', { sessions: false, standings: false }],
      // Hot statements (src/db/hot-writes.ts): named parameters, read as TypeORM's are; RETURNING is no condition.
      [
        'UPDATE "sessions" SET "revokedAt" = @p2 WHERE "id" = @p1 AND "revokedAt" IS NULL',
        { sessions: { sessionIds: [6], userIds: [] }, standings: false },
        [6, new Date()],
      ],
      [
        'UPDATE "store_users" SET "lastLoginAt" = @p2 WHERE "id" = @p1 RETURNING "id" AS "e_id"',
        { sessions: false, standings: { storeUserIds: [5] } },
        [5, new Date()],
      ],
      [
        `UPDATE "store_users" SET "status" = 'ACTIVE', "acceptedAt" = @p2 WHERE "id" = @p1 AND "status" = 'REQUESTED' RETURNING "id" AS "e_id"`,
        { sessions: false, standings: true },
        [5, new Date()],
      ],
      [
        'INSERT INTO "store_user_roles" ("storeUserId", "roleId") SELECT @p1, value FROM json_each(@p2)',
        { sessions: false, standings: true },
        [5, "[1,2]"],
      ],
      [
        'INSERT INTO "audit_chain_head" ("id", "lastEventId", "hash") VALUES (1, @p1, @p2) ON CONFLICT ("id") DO UPDATE SET "hash" = excluded."hash"',
        { sessions: false, standings: false },
        [3, "ab"],
      ],
      ['UPDATE "public"."users" SET "name" = ? WHERE "id" = 1', all],
      ['WITH x AS (DELETE FROM "sessions" RETURNING 1) SELECT 1', all],
      ['DROP TABLE "roles"', all],
      ['INSERT INTO "some_new_table"("a") VALUES (?)', all],
    ];
    for (const [sql, stale, parameters] of cases) expect([sql, stalenessOf(sql, parameters)]).toEqual([sql, stale]);
  });
});

describe("the bus's barrier (src/realtime/pubsub.ts)", () => {
  test("Issue 12 items 2 and 7: requests waiting for one round trip of the bus resume after it, one per turn of the event loop, in order", async () => {
    const answers: (() => void)[] = [];
    const trips = new RoundTrips(() => new Promise<void>((resolve) => answers.push(resolve)));
    const seen: string[] = [];
    const t = performance.now();
    const waiters = [1, 2, 3].map((i) =>
      trips.since(t).then(async () => {
        seen.push(`resumed ${i}`);
        await Promise.resolve();
        await Promise.resolve();
        seen.push(`done ${i}`); // a request's work that runs on microtasks only
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect([answers.length, seen]).toEqual([1, []]); // one round trip for all, not back yet
    answers[0]();
    await Promise.all(waiters);
    // Resumed together, their work would interleave (resumed 1, resumed 2, resumed 3, done 1, ...).
    expect(seen).toEqual(["resumed 1", "done 1", "resumed 2", "done 2", "resumed 3", "done 3"]);
    // A request that arrived before that trip began waits for nothing more; a later one, for a trip of its own.
    const turn = () => new Promise((resolve) => setImmediate(() => resolve("waited")));
    expect(await Promise.race([trips.since(t).then(() => "no wait"), turn()])).toBe("no wait");
    const later = trips.since(performance.now());
    expect(await Promise.race([later.then(() => "no wait"), turn()])).toBe("waited");
    expect(answers).toHaveLength(2);
    answers[1]();
    await later;
  });
});

describe("what each scope clears (src/db/caches.ts)", () => {
  test("Issue 12 item 2: a value read while its key, or the whole cache, was cleared is not stored; another key's clearing does not stop it", () => {
    const cache = new TtlLru<number, string>(10, 60_000);
    let read = cache.generation;
    cache.forget([2]); // a login written to account 2 (R17) while account 1's row was being read
    cache.set(1, "row 1", read);
    expect(cache.get(1)).toBe("row 1");
    read = cache.generation;
    cache.forget([1]);
    cache.set(1, "row 1, read before account 1 was written", read);
    expect(cache.has(1)).toBe(false);
    read = cache.generation;
    cache.clearWhere(() => false); // a user written: a clearing of the whole cache, whatever it drops
    cache.set(3, "row 3", read);
    expect(cache.has(3)).toBe(false);
    read = cache.generation;
    cache.set(3, "row 3", read);
    expect(cache.get(3)).toBe("row 3");
  });

  test("Issue 12 item 2: what clears a user's sessions or a store's standings clears the stores and collaborators pages read from the same tables", () => {
    const ds = {} as DataSource;
    const caches = cachesOf(ds);
    const row = (account: number, user: number) =>
      ({
        account: { id: account },
        user: { id: user },
        partnerOrganization: null,
        roles: [],
      }) as unknown as CollaboratorRow;
    const fill = () => {
      caches.stores.set(1, { id: 1 } as Store, caches.stores.generation);
      caches.collaboratorPages.set(">1:0:9:50", [10, 11], caches.collaboratorPages.generation);
      caches.collaboratorRows.set(10, row(10, 5), caches.collaboratorRows.generation);
      caches.collaboratorRows.set(11, row(11, 6), caches.collaboratorRows.generation);
    };
    const held = () => [
      caches.stores.has(1),
      caches.collaboratorPages.has(">1:0:9:50"),
      caches.collaboratorRows.has(10),
      caches.collaboratorRows.has(11),
    ];
    fill();
    invalidate(ds, { sessions: { sessionIds: [3], userIds: [] }, standings: false });
    expect(held()).toEqual([true, true, true, true]); // a sign-out changes no row
    invalidate(ds, { sessions: { sessionIds: [], userIds: [5] }, standings: false });
    expect(held()).toEqual([true, true, false, true]); // user 5 written: the row holding them
    invalidate(ds, { sessions: false, standings: { storeUserIds: [11] } });
    expect(held()).toEqual([true, true, false, false]); // a login written to account 11 (R17)
    fill();
    invalidate(ds, { sessions: true, standings: false });
    expect(held()).toEqual([true, true, false, false]); // users written, which ones unknown
    fill();
    invalidate(ds, { sessions: false, standings: true });
    expect(held()).toEqual([false, false, false, false]);
  });
});

describe(`one process (${onPostgres ? "PostgreSQL" : "SQLite"})`, () => {
  let s: TestServer;
  let beside: ReturnType<typeof sqlBeside>;

  beforeAll(async () => {
    s = await startServer();
    const o = s.ds.options as { type: string; database?: string; url?: string };
    beside = sqlBeside(
      o.type === "postgres" ? { kind: "postgres", url: o.url! } : { kind: "sqlite", file: o.database! },
    );
  });
  afterAll(async () => {
    await beside?.close();
    await s?.close();
  });

  const cached = (key: CacheKey) => {
    const caches = cachesOf(s.ds);
    if ("session" in key) return caches.sessions.has(hashToken(key.session));
    if ("standing" in key) return caches.standings.has(key.standing.join(":"));
    return caches.collaboratorRows.has(key.collaboratorRow);
  };

  test("Issue 12 item 2: the caches serve: a session revoked by SQL beside Latchkey still works until a write through Latchkey clears that user's sessions", async () => {
    const token = await signIn(s.url, "olive");
    expect(await viewerCode(s.url, token)).toBe("OK");
    expect(cached({ session: token })).toBe(true);
    const [session] = await beside.run(`SELECT id, "userId" FROM "sessions" WHERE "tokenHash" = $1`, [
      hashToken(token),
    ]);
    const userId = Number(session.userId);
    await beside.run(`UPDATE "sessions" SET "revokedAt" = $1 WHERE id = $2`, [new Date().toISOString(), session.id]);
    expect(await viewerCode(s.url, token)).toBe("OK"); // from the cache: nothing in Latchkey wrote
    // Another user's sign-out clears only that session.
    const other = await signIn(s.url, "sam");
    expect(must((await new TestClient(s.url, other).data(SIGN_OUT)).signOut).userErrors).toEqual([]);
    expect(await viewerCode(s.url, token)).toBe("OK");
    // A write to olive's user row through Latchkey clears her sessions.
    await s.ds.query(
      s.ds.options.type === "postgres"
        ? `UPDATE "users" SET "name" = $1 WHERE "id" = ${userId}`
        : `UPDATE "users" SET "name" = ? WHERE "id" = ${userId}`,
      ["Olive Renamed"],
    );
    expect(await viewerCode(s.url, token)).toBe("UNAUTHENTICATED");
  });

  theWrites(() => ({ writer: s.url, reader: s.url, sql: beside.run, cached }));
});

const BUSES: { bus: string; env: Record<string, string> }[] = [
  { bus: "PostgreSQL LISTEN/NOTIFY", env: {} },
  { bus: "Redis", env: { REDIS_URL } },
];

describe.skipIf(!onPostgres).each(BUSES)("two processes on one PostgreSQL, bus $bus (PostgreSQL only)", ({ env }) => {
  let db: DatabaseConfig;
  let drop: (() => Promise<void>) | undefined;
  let a: SpawnedLatchkey | undefined;
  let b: SpawnedLatchkey | undefined;
  let beside: ReturnType<typeof sqlBeside>;

  beforeAll(async () => {
    ({ db, drop } = await migratedDatabase());
    const seeded = spawnSync(process.execPath, ["dist/src/seed/cli.js", "test/fixtures/world.json"], {
      env: { ...process.env, DATABASE_URL: databaseUrl(db) },
      encoding: "utf8",
      timeout: 60_000,
    });
    if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`);
    [a, b] = await Promise.all([spawnLatchkey(db, env), spawnLatchkey(db, env)]);
    beside = sqlBeside(db);
  }, 90_000);
  afterAll(async () => {
    await killLatchkey(a);
    await killLatchkey(b);
    await beside?.close();
    await drop?.();
  });

  test("Issue 12 item 2: the reader serves sessions from its cache (a revocation by SQL beside both is not seen) until a write on the writer clears that user's", async () => {
    const token = await signIn(a!.url, "olive");
    expect(await viewerCode(b!.url, token)).toBe("OK");
    await beside.run(`UPDATE "sessions" SET "revokedAt" = now() WHERE "tokenHash" = $1`, [hashToken(token)]);
    expect(await viewerCode(b!.url, token)).toBe("OK"); // cached on b
    const other = await signIn(a!.url, "sam");
    expect(must((await new TestClient(a!.url, other).data(SIGN_OUT)).signOut).userErrors).toEqual([]);
    expect(await viewerCode(b!.url, token)).toBe("OK"); // another user's sign-out clears only that session
    const again = await signIn(a!.url, "olive");
    const changed = await new TestClient(a!.url, again).data(PASSWORD_CHANGE, {
      current: "password-olive",
      next: "correct horse battery staple",
    });
    expect(must(changed.passwordChange).userErrors).toEqual([]);
    expect(await viewerCode(b!.url, token)).toBe("UNAUTHENTICATED");
  });

  theWrites(() => ({ writer: a!.url, reader: b!.url, sql: beside.run }));
});
