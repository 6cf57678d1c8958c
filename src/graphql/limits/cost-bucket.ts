// The per-user leaky bucket the calculated cost is paid from. It holds costBucketSize and regains
// costLeakPerSecond a second. In memory for one instance; in Redis (REDIS_URL) for several, which
// then hold one budget per user between them.
import { connectRedis, type Redis } from "../../redis";
import { clock } from "../../clock";
import type { RequestLimits } from "../../config";
import { logger, type Logger } from "../../observability/logger";

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface BucketAnswer {
  /** True when the cost was taken; false when not enough was available (nothing taken). */
  allowed: boolean;
  /** What is left after this answer. */
  available: number;
  /** When refused: seconds until the cost will be available. */
  retryAfterSeconds: number;
}

/**
 * Where the buckets live. In memory for one instance; a shared store (Redis, the database) can
 * implement the same calls so that several instances drain one bucket per user.
 */
export interface CostBucketStore {
  /** Takes `cost` from the key's bucket when that much is available. */
  take(key: string, cost: number): Promise<BucketAnswer>;
  /** Gives back part of what was taken (the requested cost minus the actual one); answers what is available. */
  refund(key: string, amount: number): Promise<number>;
  /** What the key's bucket holds now, taking nothing. */
  peek(key: string): Promise<number>;
}

/** The answer when `cost` is more than is `available`: nothing taken, and when to try again. */
function refused(cost: number, available: number, leakPerSecond: number): BucketAnswer {
  const missing = cost - available;
  const retryAfterSeconds = leakPerSecond > 0 ? Math.max(1, Math.ceil(missing / leakPerSecond)) : 3600;
  return { allowed: false, available, retryAfterSeconds };
}

/** Buckets in process memory; time from the one clock, so tests can move it. */
export class MemoryCostBuckets implements CostBucketStore {
  private readonly buckets = new Map<string, { available: number; at: number }>();

  constructor(
    readonly size: number,
    readonly leakPerSecond: number,
    private readonly maxKeys = 100_000,
  ) {}

  private current(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.size;
    const elapsed = Math.max(0, now - bucket.at); // a clock moved back restores nothing
    return Math.min(this.size, bucket.available + (elapsed / 1000) * this.leakPerSecond);
  }

  // The store's calls are asynchronous (a shared store needs a round trip); memory answers at once.
  take(key: string, cost: number): Promise<BucketAnswer> {
    const now = clock.now().getTime();
    const available = this.current(key, now);
    if (cost > available) {
      this.buckets.set(key, { available, at: now });
      return Promise.resolve(refused(cost, available, this.leakPerSecond));
    }
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.sweep(now);
    this.buckets.set(key, { available: available - cost, at: now });
    return Promise.resolve({ allowed: true, available: available - cost, retryAfterSeconds: 0 });
  }

  refund(key: string, amount: number): Promise<number> {
    const now = clock.now().getTime();
    const available = Math.min(this.size, this.current(key, now) + Math.max(0, amount));
    this.buckets.set(key, { available, at: now });
    return Promise.resolve(available);
  }

  peek(key: string): Promise<number> {
    return Promise.resolve(this.current(key, clock.now().getTime()));
  }

  /** Forgets buckets that have filled up again (they read the same as no bucket). */
  private sweep(now: number): void {
    for (const [key] of this.buckets) if (this.current(key, now) >= this.size) this.buckets.delete(key);
  }
}

/**
 * One bucket in Redis, read, refilled and written in one script (atomic across instances), on
 * Redis's own clock (TIME): every instance drains the same bucket whatever its own clock says.
 * ARGV: size, leak per second, "take" | "refund" | "peek", amount. Answers { allowed, available }.
 * A bucket left alone expires once it would be full again (it reads the same as no bucket).
 */
const BUCKET_SCRIPT = `
local size = tonumber(ARGV[1])
local leak = tonumber(ARGV[2])
local op = ARGV[3]
local amount = tonumber(ARGV[4])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'available', 'at')
local available = size
if state[1] then
  local elapsed = math.max(0, now - tonumber(state[2]))
  available = math.min(size, tonumber(state[1]) + elapsed / 1000 * leak)
end
if op == 'peek' then return {1, tostring(available)} end
local allowed = 1
if op == 'take' then
  if amount > available then allowed = 0 else available = available - amount end
else
  available = math.min(size, available + math.max(0, amount))
end
redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(now))
local ttl = 3600000
if leak > 0 then ttl = math.ceil((size - available) / leak * 1000) + 1000 end
redis.call('PEXPIRE', KEYS[1], ttl)
return {allowed, tostring(available)}
`;

/** The script as an ioredis command (EVALSHA, loaded on first use). */
interface BucketClient {
  costBucket(key: string, size: number, leak: number, op: string, amount: number): Promise<[number, string]>;
}

/**
 * Buckets in Redis (REDIS_URL), shared by every instance that uses the same Redis and key prefix:
 * one budget per user across them all (issue 14, item 4).
 *
 * Redis down or slow (no answer in COMMAND_TIMEOUT_MS): each instance pays from a bucket of its
 * own in memory until Redis answers again, as the sign-in counters do (src/security/throttle.ts).
 * Deliberately neither open (no limit at all while Redis is away: the cost limits exist against
 * floods) nor closed (every request THROTTLED: an outage of the API for one of a cache): a user
 * then holds one budget per instance, the size of the whole for each. The first failure of an
 * outage is logged, and the return once Redis answers again.
 */
export class RedisCostBuckets implements CostBucketStore {
  private readonly fallback: MemoryCostBuckets;
  private degraded = false;

  constructor(
    private readonly client: Redis,
    readonly size: number,
    readonly leakPerSecond: number,
    private readonly keyPrefix: string,
    private readonly log: Logger = logger,
  ) {
    this.fallback = new MemoryCostBuckets(size, leakPerSecond);
    client.defineCommand("costBucket", { numberOfKeys: 1, lua: BUCKET_SCRIPT });
  }

  private async run(key: string, op: "take" | "refund" | "peek", amount: number): Promise<[boolean, number] | null> {
    try {
      const [allowed, available] = await (this.client as unknown as BucketClient).costBucket(
        `${this.keyPrefix}:cost:${key}`,
        this.size,
        this.leakPerSecond,
        op,
        amount,
      );
      if (this.degraded) {
        this.degraded = false;
        this.log.warn({ component: "cost-bucket" }, "cost buckets: Redis answers again; budgets are shared again");
      }
      return [allowed === 1, Number(available)];
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.log.error(
          { component: "cost-bucket", error: error instanceof Error ? error.message : typeof error },
          "cost buckets: Redis does not answer; each instance pays from its own bucket until it does",
        );
      }
      return null;
    }
  }

  async take(key: string, cost: number): Promise<BucketAnswer> {
    const answer = await this.run(key, "take", cost);
    if (!answer) return this.fallback.take(key, cost);
    const [allowed, available] = answer;
    return allowed ? { allowed, available, retryAfterSeconds: 0 } : refused(cost, available, this.leakPerSecond);
  }

  async refund(key: string, amount: number): Promise<number> {
    const answer = await this.run(key, "refund", amount);
    return answer ? answer[1] : this.fallback.refund(key, amount);
  }

  async peek(key: string): Promise<number> {
    const answer = await this.run(key, "peek", 0);
    return answer ? answer[1] : this.fallback.peek(key);
  }
}

/** How long a bucket's Redis call may take before the instance's own bucket answers instead. */
export const COMMAND_TIMEOUT_MS = 500;

/**
 * The server's buckets: in Redis when redisUrl is set (with its own connection, closed by close()),
 * else in this process's memory. Resolves once Redis is connected, or after 2 s without it.
 */
export async function createCostBuckets(
  limits: Pick<RequestLimits, "costBucketSize" | "costLeakPerSecond">,
  options: { redisUrl?: string | null; keyPrefix?: string; log?: Logger } = {},
): Promise<CostBucketStore & { close(): Promise<void> }> {
  if (!options.redisUrl) {
    const memory = new MemoryCostBuckets(limits.costBucketSize, limits.costLeakPerSecond);
    return Object.assign(memory, { close: () => Promise.resolve() });
  }
  const client = connectRedis(options.redisUrl, {
    // While Redis is away, calls fail at once (the instance's bucket answers) instead of queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
  });
  client.on("error", () => undefined); // reconnects on its own; RedisCostBuckets logs the outage
  // At most 2 s for the first connection (a start while Redis is away goes on with its own buckets).
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000);
    client.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const buckets = new RedisCostBuckets(
    client,
    limits.costBucketSize,
    limits.costLeakPerSecond,
    options.keyPrefix ?? "latchkey",
    options.log,
  );
  return Object.assign(buckets, {
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  });
}
