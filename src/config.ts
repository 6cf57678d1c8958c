// The environment, parsed and validated once. Everything else reads `config`, never process.env.
import path from "node:path";

export type DatabaseConfig =
  | { kind: "sqlite"; file: string }
  | { kind: "postgres"; url: string };

export interface Config {
  port: number;
  production: boolean;
  database: DatabaseConfig;
  /** Session lifetime (sign-in tokens). */
  sessionTtlMs: number;
  /** Where `npm start` looks for the demo fixture loaded into an empty database. */
  demoFixture: string;
  /** Redis for shared counters (throttling) when set; otherwise in memory (one instance) or the database. */
  redisUrl: string | null;
  /** Browser origins allowed by CORS; none by default (closed). */
  corsOrigins: string[];
  limits: RequestLimits;
}

/** What one request may ask (hardening): see src/graphql/limits.ts. */
export interface RequestLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxBodyBytes: number;
  /** The leaky bucket of query cost per user: its size, and how much drains per second. */
  costBucketSize: number;
  costLeakPerSecond: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxBodyBytes: 64 * 1024,
  costBucketSize: 1000,
  costLeakPerSecond: 50,
};

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string | undefined, root = process.cwd()): DatabaseConfig {
  if (!url) return { kind: "sqlite", file: path.join(root, "data", "latchkey.sqlite") };
  if (url.startsWith("sqlite:")) {
    const file = url.slice("sqlite:".length).replace(/^\/\//, "");
    if (!file) throw new ConfigError("DATABASE_URL=sqlite: needs a file, e.g. sqlite:data/latchkey.sqlite");
    return { kind: "sqlite", file: file === ":memory:" ? file : path.resolve(root, file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError(`DATABASE_URL is not a valid URL: ${url.replace(/:[^:@/]*@/, ":***@")}`);
    }
    return { kind: "postgres", url };
  }
  throw new ConfigError("DATABASE_URL must start with postgres:// or sqlite:");
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got ${raw}`);
  return value;
}

function parseRedisUrl(url: string | undefined): string | null {
  if (!url) return null;
  if (!/^rediss?:\/\//.test(url)) throw new ConfigError("REDIS_URL must start with redis:// or rediss://");
  return url;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    production: env.NODE_ENV === "production",
    database: parseDatabaseUrl(env.DATABASE_URL),
    sessionTtlMs: 30 * 24 * 3600 * 1000,
    demoFixture: path.resolve(env.DEMO_FIXTURE ?? path.join("seeds", "demo.json")),
    redisUrl: parseRedisUrl(env.REDIS_URL),
    corsOrigins: (env.CORS_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean),
    limits: {
      ...DEFAULT_LIMITS,
      costBucketSize: positiveNumber(env, "COST_BUCKET_SIZE", DEFAULT_LIMITS.costBucketSize),
      costLeakPerSecond: positiveNumber(env, "COST_LEAK_PER_SECOND", DEFAULT_LIMITS.costLeakPerSecond),
    },
  };
}
