// Fan-out of real-time events to every instance: PostgreSQL LISTEN/NOTIFY, Redis pub/sub, or an
// in-process EventEmitter (SQLite, one instance). Events carry ids only; subscribers load the rows
// themselves, with their own RequestContext, so visibility holds.
import { EventEmitter } from "node:events";
import Redis from "ioredis";
import type { DataSource } from "typeorm";
import { logger } from "../observability/logger";

export const CHANNEL = "latchkey_events";

/** What travels between instances: ids only, never names or tokens. */
export interface RealtimeEvent {
  kind: "collaborator_requested";
  storeId: number;
  collaboratorId: number;
}

export type EventListener = (event: RealtimeEvent) => void;

export interface EventBus {
  readonly backend: "memory" | "postgres" | "redis";
  publish(event: RealtimeEvent): Promise<void>;
  /** Returns the function that stops listening. */
  subscribe(listener: EventListener): () => void;
  /** Resolves once at least `count` local listeners are subscribed (for tests and readiness). */
  listening(count?: number): Promise<void>;
  close(): Promise<void>;
}

/** A message from another instance, checked: anything else is dropped. */
export function parseEvent(raw: string): RealtimeEvent | null {
  try {
    const value = JSON.parse(raw) as Partial<RealtimeEvent>;
    if (
      value.kind === "collaborator_requested" &&
      Number.isSafeInteger(value.storeId) &&
      Number.isSafeInteger(value.collaboratorId)
    ) {
      return { kind: value.kind, storeId: value.storeId!, collaboratorId: value.collaboratorId! };
    }
  } catch {
    // not JSON: dropped
  }
  return null;
}

const encode = (e: RealtimeEvent) =>
  JSON.stringify({ kind: e.kind, storeId: e.storeId, collaboratorId: e.collaboratorId });

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
    async close() {},
  };
}

/** PostgreSQL: a dedicated LISTEN connection (reconnected with backoff), NOTIFY through the pool. */
export async function postgresBus(ds: DataSource, connectionString: string): Promise<EventBus> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg") as typeof import("pg");
  const listeners = new Listeners();
  let closed = false;
  let client: import("pg").Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = 250;

  const connect = async (): Promise<void> => {
    const c = new Client({ connectionString, connectionTimeoutMillis: 5000 });
    c.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      const event = parseEvent(msg.payload);
      if (event) listeners.emit(event);
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
  };
  const reconnectLater = () => {
    if (closed || retry) return;
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
    async close() {
      closed = true;
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

/** Redis: one subscriber connection, one publisher. */
export async function redisBus(url: string): Promise<EventBus> {
  const listeners = new Listeners();
  const options = { maxRetriesPerRequest: 1, connectTimeout: 2000 };
  const subscriber = new Redis(url, options);
  const publisher = new Redis(url, options);
  for (const c of [subscriber, publisher])
    c.on("error", (error: Error) => logger.error({ component: "realtime", error: error.message }, "realtime: Redis"));
  subscriber.on("message", (channel: string, message: string) => {
    if (channel !== CHANNEL) return;
    const event = parseEvent(message);
    if (event) listeners.emit(event);
  });
  await subscriber.subscribe(CHANNEL);
  return {
    backend: "redis",
    async publish(event) {
      await publisher.publish(CHANNEL, encode(event));
    },
    subscribe: (listener) => listeners.add(listener),
    listening: (count) => listeners.listening(count),
    async close() {
      await Promise.all([subscriber, publisher].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/** Redis when redisUrl is set; else PostgreSQL when the database is; else in memory (one instance). */
export async function createEventBus(ds: DataSource, options: { redisUrl?: string | null } = {}): Promise<EventBus> {
  if (options.redisUrl) return redisBus(options.redisUrl);
  if (ds.options.type === "postgres") {
    const url = (ds.options as { url?: string }).url;
    if (url) return postgresBus(ds, url);
  }
  return memoryBus();
}
