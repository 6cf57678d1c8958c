// Fan-out of real-time events to every instance: PostgreSQL LISTEN/NOTIFY, Redis pub/sub, or an
// in-process EventEmitter (SQLite, one instance). Events carry ids only; subscribers load the rows
// themselves, with their own RequestContext, so visibility holds.
// The same channel carries cache invalidations (src/db/caches.ts): which caches a committed write
// made stale, and the sending instance's id, nothing else. `since(t)` is the receiving side's
// barrier: it resolves once a round trip on the listening connection that started at or after t
// has come back (Redis PING, PostgreSQL SELECT 1), and each server delivers a connection's messages
// in order before its replies, so every invalidation published before t has been applied by then.
import { EventEmitter } from "node:events";
import { performance } from "node:perf_hooks";
import { connectRedis } from "../redis";
import type { DataSource } from "typeorm";
import { logger } from "../observability/logger";
import { untraced } from "../observability/tracing";

export const CHANNEL = "latchkey_events";

/** What travels between instances: ids only, never names or tokens. */
export interface RealtimeEvent {
  kind: "collaborator_requested";
  storeId: number;
  collaboratorId: number;
}

export type EventListener = (event: RealtimeEvent) => void;

/**
 * Caches another instance's committed write made stale (ids only: the sender's instance id).
 * Also raised locally, from no instance, when the bus may have lost messages (a connection lost or
 * made again): then everything is stale.
 */
export interface Invalidation {
  kind: "invalidate";
  /** The sending bus's random id (its own messages come back to it and are skipped); 0 when raised locally. */
  origin: number;
  /** Every cached session (true), none (false), or those of these sessions and users. */
  sessions: boolean | { sessionIds: number[]; userIds: number[] };
  /** Every cached standing (true), none (false), or those holding these store accounts. */
  standings: boolean | { storeUserIds: number[] };
}
export type InvalidationListener = (message: Invalidation) => void;
/** Runs a statement on the connection of the transaction that wrote (PostgreSQL: NOTIFY commits with it). */
export type StatementRunner = (sql: string, parameters: unknown[]) => Promise<unknown>;

export interface EventBus {
  readonly backend: "memory" | "postgres" | "redis";
  publish(event: RealtimeEvent): Promise<void>;
  /** Returns the function that stops listening. */
  subscribe(listener: EventListener): () => void;
  /** Resolves once at least `count` local listeners are subscribed (for tests and readiness). */
  listening(count?: number): Promise<void>;
  /** This bus's random id, the origin of what it publishes. */
  readonly id: number;
  /**
   * Tells the other instances which caches a committed write made stale. On PostgreSQL, `run`
   * (the writing transaction's connection, before its COMMIT) sends it with the commit itself.
   */
  publishInvalidation(message: Omit<Invalidation, "kind" | "origin">, run?: StatementRunner): Promise<void>;
  /** Invalidations from other instances (and local losses of the connection); returns the function that stops listening. */
  onInvalidation(listener: InvalidationListener): () => void;
  /**
   * Resolves once every invalidation published (acknowledged to its publisher) before `since`
   * (performance.now()) has reached onInvalidation's listeners; rejects when that cannot be known
   * (the connection is down or slow): then nothing cached may be trusted.
   */
  since(since: number): Promise<void>;
  close(): Promise<void>;
}

const BARRIER_TIMEOUT_MS = 2000;

/** Resolves in a turn of the event loop of its own: the waiters resume one per turn, in order, with I/O in between. */
function ownTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    turns.push(resolve);
    if (turns.length === 1) setImmediate(nextTurn);
  });
}
const turns: (() => void)[] = [];
function nextTurn() {
  const resolve = turns.shift()!;
  if (turns.length > 0) setImmediate(nextTurn); // queued during this check phase: runs in the next loop
  resolve();
}

/**
 * Round trips on a bus's listening connection, shared: a caller waits for one that started at or
 * after its instant, so concurrent requests share one round trip rather than one each.
 */
export class RoundTrips {
  private completedStart = -Infinity;
  private inflight: { start: number; done: Promise<void> } | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly trip: () => Promise<unknown>) {}

  /**
   * Resolves once a round trip begun at or after `t` is back. Each waiter resumes in a turn of the
   * event loop of its own: a round trip shared by many requests would otherwise resume them all in
   * one burst of microtasks, interleaving their executions, so that each one's half-built answer
   * outlived the young generation's collections and was promoted to the old one. On PostgreSQL at
   * 64 connections that doubled the CPU per request and took peak RSS to 318-370 MB (against
   * 156 MB), and garbage collection to 26-39% of the busy time.
   */
  since(t: number): Promise<void> {
    if (this.completedStart >= t) return Promise.resolve();
    return this.shared(t).then(ownTurn);
  }

  private shared(t: number): Promise<void> {
    if (this.completedStart >= t) return Promise.resolve();
    if (!this.inflight) return this.start();
    if (this.inflight.start >= t) return this.inflight.done;
    // One in flight began before t: once it is back, one more, begun after every waiter came.
    return (this.next ??= this.inflight.done
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.shared(performance.now());
      }));
  }

  private start(): Promise<void> {
    const start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("the bus did not answer in time")), BARRIER_TIMEOUT_MS);
      timer.unref();
    });
    const done: Promise<void> = Promise.race([this.trip(), timeout])
      .then(() => {
        if (start > this.completedStart) this.completedStart = start;
      })
      .finally(() => {
        clearTimeout(timer);
        if (this.inflight?.done === done) this.inflight = null;
      });
    this.inflight = { start, done };
    return done;
  }
}

/** A scope of an invalidation, checked: ids lists of integers, else everything (never less than was sent). */
function scopeOf(value: unknown, lists: string[]): boolean | Record<string, number[]> {
  if (value === false) return false;
  if (!value || typeof value !== "object") return true;
  const scope: Record<string, number[]> = {};
  for (const list of lists) {
    const ids = (value as Record<string, unknown>)[list];
    if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id))) return true;
    scope[list] = ids as number[];
  }
  return scope;
}

/** A message from another instance, checked: anything else is dropped. */
export function parseEvent(raw: string): RealtimeEvent | Invalidation | null {
  try {
    const value = JSON.parse(raw) as Partial<RealtimeEvent> | Partial<Invalidation>;
    if (
      value.kind === "collaborator_requested" &&
      Number.isSafeInteger(value.storeId) &&
      Number.isSafeInteger(value.collaboratorId)
    ) {
      return { kind: value.kind, storeId: value.storeId!, collaboratorId: value.collaboratorId! };
    }
    if (value.kind === "invalidate" && Number.isSafeInteger(value.origin))
      return {
        kind: value.kind,
        origin: value.origin!,
        sessions: scopeOf(value.sessions, ["sessionIds", "userIds"]) as Invalidation["sessions"],
        standings: scopeOf(value.standings, ["storeUserIds"]) as Invalidation["standings"],
      };
  } catch {
    // not JSON: dropped
  }
  return null;
}

const encode = (e: RealtimeEvent) =>
  JSON.stringify({ kind: e.kind, storeId: e.storeId, collaboratorId: e.collaboratorId });
const encodeInvalidation = (origin: number, m: Omit<Invalidation, "kind" | "origin">) =>
  JSON.stringify({ kind: "invalidate", origin, sessions: m.sessions, standings: m.standings });

/** Everything may be stale: what a bus raises locally when it may have lost messages. */
const EVERYTHING: Invalidation = { kind: "invalidate", origin: 0, sessions: true, standings: true };

const newBusId = () => 1 + Math.floor(Math.random() * (Number.MAX_SAFE_INTEGER - 1));

/** Local listeners, shared by every backend. */
class Listeners {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  add(listener: EventListener) {
    this.emitter.on("event", listener);
    this.emitter.emit("count");
    return () => void this.emitter.off("event", listener);
  }
  listening(count = 1): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.emitter.listenerCount("event") < count) return;
        this.emitter.off("count", check);
        resolve();
      };
      this.emitter.on("count", check);
      check();
    });
  }
  private readonly invalidations = new Set<InvalidationListener>();
  onInvalidation(listener: InvalidationListener) {
    this.invalidations.add(listener);
    return () => void this.invalidations.delete(listener);
  }
  /** A parsed message from the wire: an event for the subscribers, or another instance's invalidation. */
  receive(busId: number, message: RealtimeEvent | Invalidation | null) {
    if (!message) return;
    if (message.kind !== "invalidate") return this.emit(message);
    if (message.origin !== busId) this.invalidate(message);
  }
  invalidate(message: Invalidation) {
    for (const listener of this.invalidations) {
      try {
        listener(message);
      } catch (error) {
        console.error("realtime: an invalidation failed:", error instanceof Error ? error.message : typeof error);
      }
    }
  }
  emit(event: RealtimeEvent) {
    for (const listener of this.emitter.listeners("event") as EventListener[]) {
      try {
        listener(event);
      } catch (error) {
        logger.error(
          { component: "realtime", error: error instanceof Error ? error.message : typeof error },
          "realtime: a listener failed",
        );
      }
    }
  }
}

export function memoryBus(): EventBus {
  const listeners = new Listeners();
  return {
    backend: "memory",
    publish(event) {
      // Delivered after the publisher's turn, like the other backends.
      setImmediate(() => listeners.emit(event));
      return Promise.resolve();
    },
    subscribe: (listener) => listeners.add(listener),
    listening: (count) => listeners.listening(count),
    id: newBusId(),
    // One instance: the writer's own caches were cleared synchronously; there is nobody to tell.
    publishInvalidation: () => Promise.resolve(),
    onInvalidation: (listener) => listeners.onInvalidation(listener),
    since: () => Promise.resolve(),
    async close() {},
  };
}

/** PostgreSQL: a dedicated LISTEN connection (reconnected with backoff), NOTIFY through the pool. */
export async function postgresBus(ds: DataSource, connectionString: string): Promise<EventBus> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg") as typeof import("pg");
  const listeners = new Listeners();
  const id = newBusId();
  let closed = false;
  let client: import("pg").Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = 250;
  let connectedBefore = false;
  /** The connection once it listens (and what it missed before was declared stale). */
  let listening: import("pg").Client | null = null;
  // PostgreSQL sends a LISTEN connection's pending notifications before the answer to its next query.
  const trips = new RoundTrips(() =>
    listening ? untraced(() => listening!.query("SELECT 1")) : Promise.reject(new Error("not listening")),
  );

  const connect = async (): Promise<void> => {
    const c = new Client({ connectionString, connectionTimeoutMillis: 5000 });
    c.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      listeners.receive(id, parseEvent(msg.payload));
    });
    c.on("error", (error) => {
      logger.error({ component: "realtime", error: error.message }, "realtime: LISTEN connection lost");
      reconnectLater();
    });
    c.on("end", () => reconnectLater());
    client = c;
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    delay = 250;
    // Listening again: what was sent meanwhile never came.
    if (connectedBefore) listeners.invalidate(EVERYTHING);
    connectedBefore = true;
    if (client === c) listening = c;
  };
  const reconnectLater = () => {
    if (closed || retry) return;
    listening = null;
    listeners.invalidate(EVERYTHING);
    const old = client;
    client = null;
    old?.removeAllListeners("end");
    void old?.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = null;
      if (closed) return;
      connect().catch((error) => {
        logger.error(
          { component: "realtime", error: error instanceof Error ? error.message : typeof error },
          "realtime: LISTEN reconnect failed",
        );
        reconnectLater();
      });
    }, delay);
    retry.unref();
    delay = Math.min(delay * 2, 10_000);
  };

  await connect();
  return {
    backend: "postgres",
    async publish(event) {
      await ds.query("SELECT pg_notify($1, $2)", [CHANNEL, encode(event)]);
    },
    subscribe: (listener) => listeners.add(listener),
    listening: (count) => listeners.listening(count),
    id,
    async publishInvalidation(message, run) {
      const parameters = [CHANNEL, encodeInvalidation(id, message)];
      if (run) await run("SELECT pg_notify($1, $2)", parameters);
      else await ds.query("SELECT pg_notify($1, $2)", parameters);
    },
    onInvalidation: (listener) => listeners.onInvalidation(listener),
    since: (t) => trips.since(t),
    async close() {
      closed = true;
      listening = null;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners("end");
        await c.end().catch(() => undefined);
      }
    },
  };
}

/**
 * Redis: one subscriber connection, one publisher, on the channel of `keyPrefix` (REDIS_KEY_PREFIX):
 * deployments sharing a Redis hear only their own events and invalidations. The default prefix
 * keeps the channel every instance used before (`latchkey_events`).
 */
export async function redisBus(url: string, keyPrefix = "latchkey"): Promise<EventBus> {
  const channel = `${keyPrefix}_events`;
  const listeners = new Listeners();
  const id = newBusId();
  const options = { maxRetriesPerRequest: 1, connectTimeout: 2000 };
  const subscriber = connectRedis(url, options);
  const publisher = connectRedis(url, options);
  for (const c of [subscriber, publisher])
    c.on("error", (error: Error) => logger.error({ component: "realtime", error: error.message }, "realtime: Redis"));
  subscriber.on("message", (from: string, message: string) => {
    if (from !== channel) return;
    listeners.receive(id, parseEvent(message));
  });
  await subscriber.subscribe(channel);
  // A subscriber connection lost, or subscribed again: what was sent meanwhile never came. The
  // first round trip after a reconnection (behind the SUBSCRIBE ioredis sends again) says so once more.
  let resubscribed = false;
  subscriber.on("close", () => listeners.invalidate(EVERYTHING));
  subscriber.on("ready", () => {
    resubscribed = true;
    listeners.invalidate(EVERYTHING);
  });
  // Redis answers a connection's commands in order, after the messages it queued for it before.
  const trips = new RoundTrips(async () => {
    if (subscriber.status !== "ready") throw new Error("not subscribed");
    const after = resubscribed;
    await subscriber.ping();
    if (after) {
      resubscribed = false;
      listeners.invalidate(EVERYTHING);
    }
  });
  return {
    backend: "redis",
    async publish(event) {
      await publisher.publish(channel, encode(event));
    },
    subscribe: (listener) => listeners.add(listener),
    listening: (count) => listeners.listening(count),
    id,
    async publishInvalidation(message) {
      await publisher.publish(channel, encodeInvalidation(id, message));
    },
    onInvalidation: (listener) => listeners.onInvalidation(listener),
    since: (t) => trips.since(t),
    async close() {
      await Promise.all([subscriber, publisher].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/** Redis when redisUrl is set; else PostgreSQL when the database is; else in memory (one instance). */
export async function createEventBus(
  ds: DataSource,
  options: { redisUrl?: string | null; keyPrefix?: string } = {},
): Promise<EventBus> {
  if (options.redisUrl) return redisBus(options.redisUrl, options.keyPrefix);
  if (ds.options.type === "postgres") {
    const url = (ds.options as { url?: string }).url;
    if (url) return postgresBus(ds, url);
  }
  return memoryBus();
}
