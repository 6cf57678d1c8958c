// Real time (R9): collaboratorRequestReceived over graphql-ws, fed by the event bus of
// src/realtime (in process on SQLite; LISTEN/NOTIFY on PostgreSQL, across instances).
import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createDataSource } from "../src/db/data-source";
import { busOf } from "../src/realtime/events";
import { redisBus } from "../src/realtime/pubsub";
import { loadFixture } from "../src/seed/load";
import { createServer } from "../src/server";
import { graphql } from "./generated";
import type { SubscriptionsRequestReceivedSubscription } from "./generated/graphql";
import { must, queryText, type GqlResult } from "./support/client";
import { REQUEST_CREATE as CREATE, REQUEST_WITHDRAW as WITHDRAW, SIGN_IN } from "./support/documents";
import { migratedDatabase, readFixture, startServer, TestClient, type TestServer } from "./support/server";

const SUBSCRIBE = graphql(`
  subscription SubscriptionsRequestReceived($storeId: ID!) {
    collaboratorRequestReceived(storeId: $storeId) {
      id
      status
      message
      user {
        name
      }
      store {
        name
      }
      partnerOrganization {
        name
      }
    }
  }
`);
/** A query, which the WebSocket refuses to serve. */
const VIEWER_NAME = graphql(`
  query SubscriptionsViewerName {
    viewer {
      name
    }
  }
`);
const WAIT_MS = 5_000;

type Result = GqlResult<SubscriptionsRequestReceivedSubscription>;

/** A subscription whose messages can be awaited one by one, each within WAIT_MS. */
function subscribe(httpUrl: string, token: string | null, storeId: string) {
  const closed: { code?: number } = {};
  const client: Client = createClient({
    url: `${httpUrl.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => void (closed.code = (event as { code?: number }).code) },
  });
  const received: (Result | { failed: unknown } | { completed: true })[] = [];
  let wake: (() => void) | null = null;
  const push = (item: (typeof received)[number]) => {
    received.push(item);
    wake?.();
  };
  client.subscribe<SubscriptionsRequestReceivedSubscription>(
    { query: queryText(SUBSCRIBE), variables: { storeId } },
    {
      next: (value) => push(value as Result),
      error: (error) => push({ failed: error }),
      complete: () => push({ completed: true }),
    },
  );
  let read = 0;
  return {
    closed,
    received,
    /** The next message (a result, a failure or completion), or a timeout error. */
    async next() {
      const deadline = Date.now() + WAIT_MS;
      while (read >= received.length) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no subscription message in time");
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
      return received[read++];
    },
    dispose: () => client.dispose(),
  };
}

async function kiraRerequests(kira: TestClient, collaboratorGid: string) {
  const withdrawn = await kira.data(WITHDRAW, { id: collaboratorGid });
  expect(must(withdrawn.collaboratorRequestWithdraw).userErrors).toEqual([]);
  const created = await kira.data(CREATE, {
    input: { storeDomain: "nordic.example.com", requestCode: "1234", permissions: ["orders"], message: "Live now" },
  });
  const payload = must(created.collaboratorRequestCreate);
  expect(payload.userErrors).toEqual([]);
  return must(payload.collaborator, "collaborator").id;
}

describe("subscriptions on one instance", () => {
  let s: TestServer;
  let nordic: string;
  let kiraRequest: string;

  beforeAll(async () => {
    s = await startServer();
    nordic = await s.gid("Store", "stores", { domain: "nordic.example.com" });
    const [kira] = await s.ds.query<{ id: number }[]>(`SELECT id FROM "users" WHERE "email" = 'kira@example.com'`);
    kiraRequest = await s.gid("Collaborator", "store_users", {
      userId: kira.id,
      storeId: Number(nordic.split("/").pop()),
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it("R9: the store owner receives a new collaborator request as it is sent; dan (no R9) is refused, NOT_FOUND on nordic, which he cannot see, ACCESS_DENIED on acme-eu, where he is staff, and receives nothing", async () => {
    const nora = await s.as("nora");
    const dan = await s.as("dan");
    const kira = await s.as("kira");
    const bus = busOf(s.ds)!;
    const noraSub = subscribe(s.url, nora.token, nordic);
    const danSub = subscribe(s.url, dan.token, nordic);
    try {
      const refused = (await danSub.next()) as Result;
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
      // On acme-eu dan sees the store, but does not manage its collaborators.
      const acmeEu = await s.gid("Store", "stores", { domain: "acme-eu.example.com" });
      const danOnAcme = subscribe(s.url, dan.token, acmeEu);
      const denied = (await danOnAcme.next()) as Result;
      await danOnAcme.dispose();
      expect(denied.data ?? null).toBeNull();
      expect(denied.errors?.map((e) => e.extensions?.code)).toEqual(["ACCESS_DENIED"]);
      await bus.listening(1);

      const created = await kiraRerequests(kira, kiraRequest);
      const got = (await noraSub.next()) as Result;
      expect(got.errors).toBeUndefined();
      expect(must(got.data).collaboratorRequestReceived).toEqual({
        id: created,
        status: "REQUESTED",
        message: "Live now",
        user: { name: "Kira Koi" },
        store: { name: "Nordic" },
        partnerOrganization: { name: "Koi Commerce" },
      });
      // dan's subscription ended with its refusal: nothing was delivered to him.
      expect(danSub.received.filter((m) => "data" in m && m.data)).toEqual([]);
      expect(danSub.received.slice(1)).toEqual([{ completed: true }]);
    } finally {
      await noraSub.dispose();
      await danSub.dispose();
    }
  });

  it("API: a subscription without a token, or with a bad one, is closed with 4401", async () => {
    for (const token of [null, "not-a-token"]) {
      const sub = subscribe(s.url, token, nordic);
      const failed = await sub.next();
      expect(failed).toHaveProperty("failed");
      expect(sub.closed.code).toBe(4401);
      await sub.dispose();
    }
  });

  it("API: queries and mutations are not served over the WebSocket", async () => {
    const nora = await s.as("nora");
    const client = createClient({
      url: `${s.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${nora.token}` },
    });
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: queryText(VIEWER_NAME) },
          { next: resolve, error: resolve, complete: () => resolve("complete") },
        );
        setTimeout(() => resolve("timeout"), WAIT_MS).unref();
      });
      expect(Array.isArray(outcome)).toBe(true);
      expect((outcome as { extensions?: { code?: string } }[])[0].extensions?.code).toBe("BAD_REQUEST");
    } finally {
      await client.dispose();
    }
  });
});

describe.skipIf(!(process.env.DATABASE_URL ?? "").startsWith("postgres"))(
  "subscriptions across instances (PostgreSQL LISTEN/NOTIFY)",
  () => {
    it("R9: a subscriber on instance A receives a request made through instance B", async () => {
      const { db, drop } = await migratedDatabase();
      const dsA = createDataSource(db);
      const dsB = createDataSource(db);
      await dsA.initialize();
      await dsA.runMigrations({ transaction: "each" });
      await loadFixture(dsA, readFixture());
      await dsB.initialize();
      const a = await createServer(dsA);
      const b = await createServer(dsB);
      const urlA = `http://127.0.0.1:${await a.listen(0, "127.0.0.1")}`;
      const urlB = `http://127.0.0.1:${await b.listen(0, "127.0.0.1")}`;
      let sub: ReturnType<typeof subscribe> | undefined;
      try {
        expect(busOf(dsA)!.backend).toBe("postgres");
        const signIn = async (url: string, key: string) => {
          const r = await new TestClient(url).data(SIGN_IN, {
            input: { email: `${key}@example.com`, password: `password-${key}`, client: "PARTNER_DASHBOARD" },
          });
          return new TestClient(url, must(r.signIn).token);
        };
        const nora = await signIn(urlA, "nora");
        const kira = await signIn(urlB, "kira");
        const [store] = await dsA.query<{ id: number }[]>(
          `SELECT id FROM "stores" WHERE "domain" = 'nordic.example.com'`,
        );
        const [row] = await dsA.query<{ id: number }[]>(
          `SELECT su.id FROM "store_users" su JOIN "users" u ON u.id = su."userId" WHERE u."email" = 'kira@example.com' AND su."storeId" = ${Number(store.id)}`,
        );
        sub = subscribe(urlA, nora.token, `gid://latchkey/Store/${store.id}`);
        await busOf(dsA)!.listening(1);
        const created = await kiraRerequests(kira, `gid://latchkey/Collaborator/${row.id}`);
        const got = (await sub.next()) as Result;
        expect(got.errors).toBeUndefined();
        expect(must(got.data).collaboratorRequestReceived).toMatchObject({
          id: created,
          status: "REQUESTED",
          user: { name: "Kira Koi" },
        });
      } finally {
        await sub?.dispose();
        await a.close();
        await b.close();
        await dsA.destroy();
        await dsB.destroy();
        await drop();
      }
    });
  },
);

describe("event bus backends", () => {
  it("API: Redis pub/sub carries an event from one instance's bus to another's, ids only", async () => {
    const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const one = await redisBus(url);
    const two = await redisBus(url);
    try {
      const heard = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no event in time")), WAIT_MS);
        two.subscribe((event) => {
          clearTimeout(timer);
          resolve(event);
        });
      });
      await one.publish({ kind: "collaborator_requested", storeId: 7, collaboratorId: 42 });
      expect(await heard).toEqual({ kind: "collaborator_requested", storeId: 7, collaboratorId: 42 });
    } finally {
      await one.close();
      await two.close();
    }
  });

  it("Security: deployments sharing a Redis with different REDIS_KEY_PREFIX hear only their own events and invalidations", async () => {
    const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const ours = await redisBus(url, "latchkey-ours");
    const theirs = await redisBus(url, "latchkey-theirs");
    const alsoOurs = await redisBus(url, "latchkey-ours");
    try {
      // A bus's first round trip after it subscribed clears its own caches (it may have missed
      // messages): done before listening, so that only what is published can reach the listeners.
      await theirs.since(performance.now());
      const overheard: unknown[] = [];
      theirs.subscribe((event) => overheard.push(event));
      theirs.onInvalidation((message) => overheard.push(message));
      const heard = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no event in time")), WAIT_MS);
        alsoOurs.subscribe((event) => {
          clearTimeout(timer);
          resolve(event);
        });
      });
      await ours.publishInvalidation({ sessions: true, standings: true });
      await ours.publish({ kind: "collaborator_requested", storeId: 7, collaboratorId: 42 });
      expect(await heard).toEqual({ kind: "collaborator_requested", storeId: 7, collaboratorId: 42 });
      // Both were published before the event alsoOurs heard; a round trip on theirs settles what it would hear.
      await theirs.since(performance.now());
      expect(overheard).toEqual([]);
    } finally {
      await Promise.all([ours, theirs, alsoOurs].map((bus) => bus.close()));
    }
  });
});
