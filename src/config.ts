// The environment, parsed and validated once. Everything else reads `config`, never process.env.
import path from "node:path";
import proxyaddr from "proxy-addr";

export type DatabaseConfig = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export interface Config {
  port: number;
  production: boolean;
  database: DatabaseConfig;
  /** Session lifetime (sign-in tokens): 30 days. */
  sessionTtlMs: number;
  /** Where `npm start` looks for the demo fixture loaded into an empty database. */
  demoFixture: string;
  /**
   * Whether `npm start` loads the demo into an empty database: only where asked, in development
   * (NODE_ENV unset, "development" or "test"); never in production (nor staging or any other
   * NODE_ENV), where demo accounts would have published passwords.
   */
  loadDemo: boolean;
  /** Redis for shared counters (throttling, query cost) when set; otherwise in memory (one instance) or the database. */
  redisUrl: string | null;
  /** REDIS_KEY_PREFIX: the prefix of every key in Redis and of its events channel ("latchkey"): deployments sharing a Redis use their own. */
  redisKeyPrefix: string;
  /** Browser origins allowed by CORS; none by default (closed). */
  corsOrigins: string[];
  limits: RequestLimits;
  /** How often each instance runs the scheduled expiry sweep (SWEEP_INTERVAL_MS, default 60 s). */
  sweepIntervalMs: number;
  /** pino level (LOG_LEVEL): info by default, silent under tests. */
  logLevel: LogLevel;
  /** Outgoing mail (smtp:// or smtps://); without it mail stays in the outbox. */
  smtpUrl: string | null;
  /**
   * TRUST_PROXY: the proxies (addresses or CIDRs, or proxy-addr's names loopback, linklocal,
   * uniquelocal) whose X-Forwarded-For gives the client's address; empty: the socket's address.
   */
  trustProxy: string[];
  /** METRICS_PORT: /metrics served on this port of its own (for an internal network), without a token. */
  metricsPort: number | null;
  /** METRICS_TOKEN: /metrics served on the API's port to `Authorization: Bearer <token>` only. */
  metricsToken: string | null;
  /**
   * OTEL_EXPORTER_OTLP_ENDPOINT: the OTLP/HTTP collector traces go to (`<endpoint>/v1/traces`);
   * unset: no tracing at all (src/observability/tracing.ts).
   */
  otlpEndpoint: string | null;
  /** ARGON2_MEMORY_KIB, ARGON2_PASSES: argon2id's cost for new password hashes (OWASP's by default). */
  passwordHashing: PasswordHashing;
}

/** argon2id's cost for new password hashes: memory in KiB and passes (one lane). */
export interface PasswordHashing {
  memoryKib: number;
  passes: number;
}

/**
 * OWASP's Password Storage Cheat Sheet, argon2id: 19 MiB, 2 passes, 1 lane; the default, and the
 * least a production start accepts.
 */
export const OWASP_PASSWORD_HASHING: PasswordHashing = { memoryKib: 19456, passes: 2 };

/** A bearer token for /metrics: at least this long (it guards what an attacker would love to read). */
export const METRICS_TOKEN_MIN_LENGTH = 16;

/** How long a sign-in token lasts. */
export const DEFAULT_SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What one request may ask (hardening): see src/graphql/limits/. */
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

/** One or more problems with the environment; `problems` lists every one. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.join("; "));
    this.name = "ConfigError";
    this.problems = list;
  }
}

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

/** An optional URL of one of the given schemes (REDIS_URL, SMTP_URL); null when unset. */
function parseServiceUrl(name: string, url: string | undefined, schemes: string[]): string | null {
  if (!url) return null;
  if (!schemes.some((scheme) => url.startsWith(`${scheme}://`)))
    throw new ConfigError(`${name} must start with ${schemes.map((x) => `${x}://`).join(" or ")}`);
  try {
    new URL(url);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  return url;
}

/** TRUST_PROXY: comma-separated addresses or CIDRs (each checked by proxy-addr); none when unset. */
export function parseTrustProxy(raw: string | undefined): string[] {
  const list = (raw ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  for (const entry of list)
    try {
      proxyaddr.compile(entry);
    } catch {
      throw new ConfigError(
        `TRUST_PROXY: ${JSON.stringify(entry)} is not an IP address or CIDR (e.g. 10.0.0.0/8, 127.0.0.1, loopback)`,
      );
    }
  return list;
}

/** LOG_LEVEL, or its default: silent under tests (NODE_ENV=test or VITEST), info otherwise. */
export function parseLogLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === "") return env.NODE_ENV === "test" || env.VITEST ? "silent" : "info";
  if (!(LOG_LEVELS as readonly string[]).includes(raw))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got ${JSON.stringify(raw)}`);
  return raw as LogLevel;
}

/**
 * The kind of the configured database (DATABASE_URL), for column types chosen when entities load,
 * before loadConfig runs. Never throws: a bad DATABASE_URL reads as SQLite here and is reported by
 * loadConfig with every other problem.
 */
export function configuredDatabaseKind(env: NodeJS.ProcessEnv = process.env): DatabaseConfig["kind"] {
  try {
    return parseDatabaseUrl(env.DATABASE_URL).kind;
  } catch {
    return "sqlite";
  }
}

/** OTEL_EXPORTER_OTLP_ENDPOINT: an http(s) URL without a trailing slash; null when unset. */
export function parseOtlpEndpoint(raw: string | undefined): string | null {
  const url = parseServiceUrl("OTEL_EXPORTER_OTLP_ENDPOINT", raw, ["http", "https"]);
  return url && url.replace(/\/+$/, "");
}

/**
 * OTEL_EXPORTER_OTLP_ENDPOINT when valid, else null: read before anything else loads (tracing
 * must patch modules before they are required), never throwing; loadConfig reports a bad value.
 */
export function configuredOtlpEndpoint(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    return parseOtlpEndpoint(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  } catch {
    return null;
  }
}

/** LOG_LEVEL when valid (loadConfig reports it when not, and this answers "info"), else its default. */
export function configuredLogLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  try {
    return parseLogLevel(env);
  } catch {
    return "info";
  }
}

/**
 * ARGON2_MEMORY_KIB and ARGON2_PASSES, or OWASP's. Less than OWASP's is for the test suite, which
 * hashes thousands of fixture passwords (vitest.config.mts): a production start refuses it.
 */
export function parsePasswordHashing(env: NodeJS.ProcessEnv = process.env): PasswordHashing {
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return value;
  };
  const hashing = {
    memoryKib: integer("ARGON2_MEMORY_KIB", OWASP_PASSWORD_HASHING.memoryKib, 8, 4_194_304),
    passes: integer("ARGON2_PASSES", OWASP_PASSWORD_HASHING.passes, 1, 100),
  };
  if (
    env.NODE_ENV === "production" &&
    (hashing.memoryKib < OWASP_PASSWORD_HASHING.memoryKib || hashing.passes < OWASP_PASSWORD_HASHING.passes)
  )
    throw new ConfigError(
      `ARGON2_MEMORY_KIB and ARGON2_PASSES below OWASP's (${OWASP_PASSWORD_HASHING.memoryKib} KiB, ${OWASP_PASSWORD_HASHING.passes} passes) are for tests: refused in production`,
    );
  return hashing;
}

/** The environment, validated: every problem is collected and reported together in one ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const check = <T>(parse: () => T, fallback: T): T => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return fallback;
    }
  };
  const production = env.NODE_ENV === "production";
  const port = check(() => {
    const value = Number(env.PORT ?? 4000);
    if (env.PORT === "" || !Number.isInteger(value) || value < 0 || value > 65535)
      throw new ConfigError(`PORT must be a port number (0-65535), got ${JSON.stringify(env.PORT)}`);
    return value;
  }, 4000);
  const metricsPort = check(() => {
    if (env.METRICS_PORT === undefined || env.METRICS_PORT === "") return null;
    const value = Number(env.METRICS_PORT);
    if (!Number.isInteger(value) || value < 0 || value > 65535)
      throw new ConfigError(`METRICS_PORT must be a port number (0-65535), got ${JSON.stringify(env.METRICS_PORT)}`);
    if (value !== 0 && value === port) throw new ConfigError("METRICS_PORT must differ from PORT");
    return value;
  }, null);
  const metricsToken = check(() => {
    const token = env.METRICS_TOKEN;
    if (token === undefined || token === "") return null;
    if (token.length < METRICS_TOKEN_MIN_LENGTH || /\s/.test(token))
      throw new ConfigError(`METRICS_TOKEN must be at least ${METRICS_TOKEN_MIN_LENGTH} characters, without spaces`);
    return token;
  }, null);
  const database = check<DatabaseConfig>(() => parseDatabaseUrl(env.DATABASE_URL), {
    kind: "sqlite",
    file: ":memory:",
  });
  if (production) {
    if (!env.DATABASE_URL)
      problems.push("missing secret in production: DATABASE_URL must be set explicitly (NODE_ENV=production)");
    else if (database.kind === "sqlite" && database.file === ":memory:")
      problems.push("DATABASE_URL=sqlite::memory: is refused in production: the data would be lost on restart");
  }
  const config: Config = {
    port,
    production,
    database,
    sessionTtlMs: DEFAULT_SESSION_TTL_MS,
    demoFixture: path.resolve(env.DEMO_FIXTURE ?? path.join("seeds", "demo.json")),
    loadDemo: !env.NODE_ENV || env.NODE_ENV === "development" || env.NODE_ENV === "test",
    redisUrl: check(() => parseServiceUrl("REDIS_URL", env.REDIS_URL, ["redis", "rediss"]), null),
    redisKeyPrefix: check(() => {
      const prefix = env.REDIS_KEY_PREFIX;
      if (prefix === undefined || prefix === "") return "latchkey";
      if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix))
        throw new ConfigError("REDIS_KEY_PREFIX must be 1-64 letters, digits, '_', '.' or '-'");
      return prefix;
    }, "latchkey"),
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    limits: {
      ...DEFAULT_LIMITS,
      costBucketSize: check(
        () => positiveNumber(env, "COST_BUCKET_SIZE", DEFAULT_LIMITS.costBucketSize),
        DEFAULT_LIMITS.costBucketSize,
      ),
      costLeakPerSecond: check(
        () => positiveNumber(env, "COST_LEAK_PER_SECOND", DEFAULT_LIMITS.costLeakPerSecond),
        DEFAULT_LIMITS.costLeakPerSecond,
      ),
    },
    sweepIntervalMs: check(() => positiveNumber(env, "SWEEP_INTERVAL_MS", 60_000), 60_000),
    logLevel: check(() => parseLogLevel(env), "info"),
    smtpUrl: check(() => parseServiceUrl("SMTP_URL", env.SMTP_URL, ["smtp", "smtps"]), null),
    trustProxy: check(() => parseTrustProxy(env.TRUST_PROXY), []),
    metricsPort,
    metricsToken,
    otlpEndpoint: check(() => parseOtlpEndpoint(env.OTEL_EXPORTER_OTLP_ENDPOINT), null),
    passwordHashing: check(() => parsePasswordHashing(env), OWASP_PASSWORD_HASHING),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
