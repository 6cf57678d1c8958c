// Issue 14 item 4: with REDIS_URL the per-user query-cost bucket lives in Redis, so instances hold
// one budget between them: two Latchkey processes on one database and one Redis, a user's queries
// alternating between them, are throttled once their sum has spent the bucket, not twice that.
// With Redis away, each instance pays from its own bucket (neither open nor closed: see
// src/graphql/limits/cost-bucket.ts), and says so once in the log.
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DatabaseConfig } from "../src/config";
import { createCostBuckets } from "../src/graphql/limits/cost-bucket";
import { createLogger } from "../src/observability/logger";
import { must, queryText } from "./support/client";
import { SIGN_IN, VIEWER } from "./support/documents";
import { freePort, killLatchkey, seedDatabase, spawnLatchkey, type SpawnedLatchkey } from "./support/processes";
import { migratedDatabase } from "./support/server";

const REDIS_URL = "redis://127.0.0.1:6379";
/** A bucket a handful of queries empty, refilling so slowly that nothing comes back during the test. */
const SIZE = 40;
const LEAK = 0.001;

interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}
interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string } }[];
  extensions?: { cost?: CostExtension };
}

async function post(url: string, query: string, variables: unknown, token?: string): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer;
}

async function redisReachable(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

describe("two instances on one Redis", () => {
  let db: DatabaseConfig;
  let drop: (() => Promise<void>) | undefined;
  let a: SpawnedLatchkey | undefined;
  let b: SpawnedLatchkey | undefined;
  let reachable = false;
  // This run's own keys: other runs (and other suites) share the Redis.
  const prefix = `latchkey-test-cost-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    reachable = await redisReachable();
    if (!reachable) return;
    ({ db, drop } = await migratedDatabase());
    seedDatabase(db);
    const env = {
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      COST_BUCKET_SIZE: String(SIZE),
      COST_LEAK_PER_SECOND: String(LEAK),
      LOG_LEVEL: "silent",
    };
    [a, b] = await Promise.all([spawnLatchkey(db, env), spawnLatchkey(db, env)]);
  }, 90_000);

  afterAll(async () => {
    await killLatchkey(a);
    await killLatchkey(b);
    await drop?.();
    if (reachable) {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });

  test("Issue 14 item 4: a user's queries alternating between two instances spend one budget, and are throttled on both once it is spent", async ({
    skip,
  }) => {
    if (!reachable) skip(`Redis is not reachable at ${REDIS_URL}`);
    const signedIn = await post(a!.url, queryText(SIGN_IN), {
      input: { email: "erin@example.com", password: "password-erin" },
    });
    const token = must((signedIn.data?.signIn as { token?: string } | undefined)?.token, "token");

    // What one instance leaves is what the other one sees.
    const first = must((await post(a!.url, queryText(VIEWER), {}, token)).extensions?.cost);
    const second = must((await post(b!.url, queryText(VIEWER), {}, token)).extensions?.cost);
    expect(first.actualQueryCost).toBeGreaterThan(0);
    expect(second.throttleStatus.maximumAvailable).toBe(SIZE);
    expect(second.throttleStatus.currentlyAvailable).toBe(
      Math.floor(SIZE - first.actualQueryCost - second.actualQueryCost),
    );

    // Alternating until refused: the answers served by both add up to at most one bucket.
    let spent = first.actualQueryCost + second.actualQueryCost;
    let throttledAt: number | null = null;
    for (let i = 0; i < 4 * SIZE && throttledAt === null; i++) {
      const instance = i % 2 === 0 ? a! : b!;
      const answer = await post(instance.url, queryText(VIEWER), {}, token);
      if (answer.errors?.[0]?.extensions?.code === "THROTTLED") throttledAt = i;
      else {
        expect(answer.errors).toBeUndefined();
        spent += must(answer.extensions?.cost).actualQueryCost;
      }
    }
    expect(throttledAt, "never throttled: each instance has a bucket of its own").not.toBeNull();
    expect(spent).toBeLessThanOrEqual(SIZE);
    expect(throttledAt).toBeGreaterThan(0); // both instances served some before the refusal
    // Refused because what is left of the one bucket is less than the query asks.
    expect(SIZE - spent).toBeLessThan(first.requestedQueryCost);
    // Both instances refuse now.
    for (const instance of [a!, b!]) {
      const answer = await post(instance.url, queryText(VIEWER), {}, token);
      expect(answer.errors?.[0]?.extensions?.code).toBe("THROTTLED");
      expect(answer.data ?? null).toBeNull();
    }
  });
});

test("Issue 14 item 4: with Redis away, an instance pays from a bucket of its own (neither open nor closed) and logs the outage once", async () => {
  const lines: string[] = [];
  const log = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  // Nothing listens on this port.
  const buckets = await createCostBuckets(
    { costBucketSize: 100, costLeakPerSecond: LEAK },
    { redisUrl: `redis://127.0.0.1:${await freePort()}`, keyPrefix: "latchkey-test-away", log },
  );
  try {
    expect(await buckets.take("user:1", 60)).toEqual({ allowed: true, available: 40, retryAfterSeconds: 0 });
    const refused = await buckets.take("user:1", 60);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await buckets.take("user:2", 60)).toMatchObject({ allowed: true });
    expect(Math.floor(await buckets.peek("user:1"))).toBe(40);
  } finally {
    await buckets.close();
  }
  const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(parsed).toHaveLength(1);
  expect(parsed[0]).toMatchObject({ level: "error", component: "cost-bucket" });
  expect(parsed[0].msg).toMatch(/Redis does not answer; each instance pays from its own bucket/);
});
