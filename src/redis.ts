// Connections to Redis (REDIS_URL): the brute-force counters, the query-cost buckets and the event
// bus each open their own. ioredis is loaded with the first one: a start without REDIS_URL never
// loads it (issue 12 item 7, the cold start).
import type { default as Redis, RedisOptions } from "ioredis";

export type { Redis };

export function connectRedis(url: string, options: RedisOptions): Redis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: RedisClient } = require("ioredis") as typeof import("ioredis");
  return new RedisClient(url, options);
}
