// Brute-force throttling (hardening): counters of failed attempts, kept by rate-limiter-flexible.
// One set per server (createServer builds it): in Redis when REDIS_URL is set, else in the
// application's PostgreSQL database, else in memory (one instance: SQLite is one instance anyway).
// Redis and PostgreSQL let several instances share the counts.
//
// Every limiter counts failures with the same protocol: `reserve(key)` takes a point before the
// attempt is judged (so that parallel attempts cannot all pass a count taken before any of them
// failed), then the attempt `failed()` (the point stays; the Nth failure locks the key for
// `lockSeconds`), `succeeded()` (the key's count starts again: consecutive failures), or is
// `release()`d (the point is given back: not judged, or a success that must not reset the count).
// rate-limiter-flexible keeps its own time (Date.now()), not the application clock.
import { createHash } from "node:crypto";
import net from "node:net";
import type { GraphQLError } from "graphql";
import { connectRedis } from "../redis";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { DataSource } from "typeorm";
import { codedError } from "../domain/errors";
import { msg, type Message } from "../i18n";

// R3 (wrong request codes) is counted in the database table request_code_misses instead, in the
// transaction that records the store's audit event, on the application clock.
// Password-reset requests are counted by the same protocol, every request as a "failure" (each
// one sends an email): per email and per client address.
export type ThrottleName =
  "signInByAccount" | "signInByIp" | "totpByAccount" | "passwordResetByEmail" | "passwordResetByIp";
export const THROTTLE_NAMES: readonly ThrottleName[] = [
  "signInByAccount",
  "signInByIp",
  "totpByAccount",
  "passwordResetByEmail",
  "passwordResetByIp",
];

export interface FailureLimit {
  /** Failures allowed; the one that reaches this number locks the key. */
  failures: number;
  /** How long a failure is remembered when no lock follows (the count restarts after it). */
  windowSeconds: number;
  /** How long a locked key refuses every attempt, counted from the failure that locked it. */
  lockSeconds: number;
}

const MINUTE = 60;
const HOUR = 3600;
export const THROTTLE_LIMITS: Record<ThrottleName, FailureLimit> = {
  /** Consecutive failed sign-ins of one account (by email, known or not): 5, then 15 minutes. */
  signInByAccount: { failures: 5, windowSeconds: 24 * HOUR, lockSeconds: 15 * MINUTE },
  /** Failed sign-ins from one client address (IPv6: its /64), whatever the account: 20 in an hour, then 15 minutes. */
  signInByIp: { failures: 20, windowSeconds: HOUR, lockSeconds: 15 * MINUTE },
  /** Wrong second-step codes (authenticator or recovery code) of one account: 5, then 15 minutes. */
  totpByAccount: { failures: 5, windowSeconds: HOUR, lockSeconds: 15 * MINUTE },
  /** Password-reset requests for one email (known or not): 3 an hour, then none for an hour. */
  passwordResetByEmail: { failures: 3, windowSeconds: HOUR, lockSeconds: HOUR },
  /** Password-reset requests from one client address (IPv6: its /64), whatever the email: 20 an hour, then none for an hour. */
  passwordResetByIp: { failures: 20, windowSeconds: HOUR, lockSeconds: HOUR },
};

export type ThrottleBackend = "memory" | "postgres" | "redis";

export interface ThrottleOptions {
  /** Redis for the counters (REDIS_URL); wins over the database. */
  redisUrl?: string | null;
  /** Prefix of every key (default "latchkey"): instances that share counts use the same one. */
  keyPrefix?: string;
  /** Other limits (tests use short windows). */
  limits?: Partial<Record<ThrottleName, Partial<FailureLimit>>>;
  /** Keep the counters in memory whatever the database (one instance only). */
  memoryOnly?: boolean;
}

/** The top-level THROTTLED error with the seconds until the lock ends (also in the message). */
export function throttledError(message: Message, retryAfterMs: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait =
    retryAfterSeconds >= 120
      ? msg("duration.minutes", { count: Math.ceil(retryAfterSeconds / 60) })
      : msg("duration.seconds", { count: retryAfterSeconds });
  return codedError("THROTTLED", msg("error.tryAgainIn", { message, wait }, message.rule), { retryAfterSeconds });
}

/** An attempt that holds a point of its key until it is judged. */
export interface Reservation {
  readonly locked: false;
  failed(): Promise<void>;
  succeeded(): Promise<void>;
  release(): Promise<void>;
}
export interface Locked {
  readonly locked: true;
  readonly retryAfterMs: number;
}

/** The limiter interface the counters need (RateLimiterMemory, ...Postgres, ...Redis). */
type Limiter = Pick<RateLimiterMemory, "consume" | "reward" | "block" | "delete">;

export class FailureCounter {
  constructor(
    readonly name: ThrottleName,
    readonly limit: FailureLimit,
    private readonly limiter: Limiter,
  ) {}

  /** Takes one point of the key: Locked (with the time left) when the key is locked or full. */
  async reserve(key: string): Promise<Reservation | Locked> {
    let res: RateLimiterRes;
    try {
      res = await this.limiter.consume(key, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        return { locked: true, retryAfterMs: Math.max(rejection.msBeforeNext, 1000) };
      throw rejection;
    }
    let settled = false;
    const once = (work: () => Promise<unknown>) => async () => {
      if (settled) return;
      settled = true;
      await work();
    };
    return {
      locked: false,
      // The failure that reaches the limit locks the key from now, for lockSeconds.
      failed: once(async () => {
        if (res.consumedPoints >= this.limit.failures) await this.limiter.block(key, this.limit.lockSeconds);
      }),
      succeeded: once(() => this.limiter.delete(key)),
      release: once(() => this.limiter.reward(key, 1)),
    };
  }
}

export interface Throttles extends Record<ThrottleName, FailureCounter> {
  readonly backend: ThrottleBackend;
  readonly keyPrefix: string;
  /** Stops timers and closes the Redis connection; the database pool is the application's. */
  close(): Promise<void>;
}

/** The account key of a sign-in: a hash of the normalized email (no address in the store, bounded length). */
export const accountKey = (normalizedEmail: string) => createHash("sha256").update(normalizedEmail).digest("hex");

/** The client key of an address: IPv4 as is (also when IPv4-mapped), IPv6 by its /64; null when unknown. */
export function clientKey(ip: string): string | null {
  let address = ip.trim().replace(/%.*$/, "");
  if (!address) return null;
  if (/^::ffff:/i.test(address) && net.isIPv4(address.slice(7))) address = address.slice(7);
  if (net.isIPv4(address)) return address;
  if (!net.isIPv6(address)) return address.slice(0, 64);
  const [head, tail] = address.split("::");
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const full = tail === undefined ? h : [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

function resolvedLimits(options: ThrottleOptions): Record<ThrottleName, FailureLimit> {
  return Object.fromEntries(
    THROTTLE_NAMES.map((name) => [name, { ...THROTTLE_LIMITS[name], ...(options.limits?.[name] ?? {}) }]),
  ) as Record<ThrottleName, FailureLimit>;
}

const limiterOptions = (prefix: string, name: ThrottleName, limit: FailureLimit) => ({
  keyPrefix: `${prefix}:${name}`,
  points: limit.failures,
  duration: limit.windowSeconds,
  blockDuration: limit.lockSeconds,
});

function assemble(
  backend: ThrottleBackend,
  keyPrefix: string,
  limits: Record<ThrottleName, FailureLimit>,
  make: (name: ThrottleName, limit: FailureLimit) => Limiter,
  close: () => Promise<void>,
): Throttles {
  const counters = Object.fromEntries(
    THROTTLE_NAMES.map((name) => [name, new FailureCounter(name, limits[name], make(name, limits[name]))]),
  ) as Record<ThrottleName, FailureCounter>;
  return { ...counters, backend, keyPrefix, close };
}

/** Counters in this process's memory. */
export function memoryThrottles(options: Omit<ThrottleOptions, "redisUrl"> = {}): Throttles {
  const keyPrefix = options.keyPrefix ?? "latchkey";
  return assemble(
    "memory",
    keyPrefix,
    resolvedLimits(options),
    (name, limit) => new RateLimiterMemory(limiterOptions(keyPrefix, name, limit)),
    () => Promise.resolve(),
  );
}

let fallback: Throttles | null = null;
/** For request contexts built outside createServer: one in-memory set per process. */
export function defaultThrottles(): Throttles {
  return (fallback ??= memoryThrottles());
}

/** The table of the PostgreSQL counters (rate-limiter-flexible's layout), shared by every limiter. */
export const THROTTLE_TABLE = "throttle_counters";
const CLEANUP_EVERY_MS = 5 * 60_000;

/**
 * The server's set: Redis when redisUrl is set; else PostgreSQL (the application's pool) when the
 * database is PostgreSQL; else memory.
 */
export async function createThrottles(ds: DataSource | null, options: ThrottleOptions = {}): Promise<Throttles> {
  const keyPrefix = options.keyPrefix ?? "latchkey";
  const limits = resolvedLimits(options);
  if (options.memoryOnly) return memoryThrottles(options);

  if (options.redisUrl) {
    const client = connectRedis(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    client.on("error", () => undefined); // reconnects on its own; the limiters fall back meanwhile
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      client.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (client.status !== "ready")
      console.warn("throttling: Redis is not reachable yet; counting in memory until it is");
    return assemble(
      "redis",
      keyPrefix,
      limits,
      (name, limit) =>
        new RateLimiterRedis({
          ...limiterOptions(keyPrefix, name, limit),
          storeClient: client,
          rejectIfRedisNotReady: true,
          // While Redis is away, this instance still counts on its own.
          insuranceLimiter: new RateLimiterMemory(limiterOptions(keyPrefix, name, limit)),
        }),
      async () => {
        await client.quit().catch(() => client.disconnect());
      },
    );
  }

  if (ds?.options.type === "postgres") {
    const pool = (ds.driver as unknown as { master: { query(sql: string, values?: unknown[]): Promise<unknown> } })
      .master;
    try {
      await pool.query(
        `CREATE TABLE IF NOT EXISTS "${THROTTLE_TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
      );
    } catch (error) {
      // Two instances starting at once: the other one created it.
      const code = (error as { code?: string }).code;
      if (code !== "23505" && code !== "42P07") throw error;
    }
    // Expired rows are overwritten in place by the next failure of their key; the rest go now and then.
    const cleanup = setInterval(() => {
      pool.query(`DELETE FROM "${THROTTLE_TABLE}" WHERE expire < $1`, [Date.now() - 3600_000]).catch(() => undefined);
    }, CLEANUP_EVERY_MS);
    cleanup.unref();
    return assemble(
      "postgres",
      keyPrefix,
      limits,
      (name, limit) =>
        new RateLimiterPostgres({
          ...limiterOptions(keyPrefix, name, limit),
          storeClient: pool,
          storeType: "pool",
          tableName: THROTTLE_TABLE,
          tableCreated: true,
          clearExpiredByTimeout: false,
        }),
      () => {
        clearInterval(cleanup);
        return Promise.resolve();
      },
    );
  }

  return memoryThrottles(options);
}
