// Observability and configuration: /metrics, /readyz, X-Request-Id, request log lines without
// secrets, and the validation of the environment (loadConfig).
import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DataSource } from "typeorm";
import { ConfigError, loadConfig, OWASP_PASSWORD_HASHING } from "../src/config";
import { createDataSource } from "../src/db/data-source";
import { createLogger } from "../src/observability/logger";
import { loadFixture } from "../src/seed/load";
import { createServer } from "../src/server";
import { graphql } from "./generated";
import { must, queryText, type GqlResult, type TypedDocumentNode } from "./support/client";
import { SIGN_IN, VIEWER } from "./support/documents";
import { freshDatabase, migratedDatabase, readFixture } from "./support/server";

interface Running {
  url: string;
  ds: DataSource;
  lines: string[];
  close(): Promise<void>;
}

/** A server on a fresh database (migrated and loaded with world.json unless `empty`), its log lines captured. */
// /metrics is served on the API's port only to this bearer token (README: METRICS_TOKEN).
const METRICS_TOKEN = "observability-metrics-token";

async function start(empty = false): Promise<Running> {
  const { db, drop } = await (empty ? freshDatabase() : migratedDatabase());
  const ds = createDataSource(db);
  await ds.initialize();
  if (!empty) {
    await ds.runMigrations({ transaction: "each" });
    await loadFixture(ds, readFixture());
  }
  const lines: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  const app = await createServer(ds, { logger, metricsToken: METRICS_TOKEN });
  const port = await app.listen(0, "127.0.0.1");
  return {
    url: `http://127.0.0.1:${port}`,
    ds,
    lines,
    async close() {
      await app.close();
      await ds.destroy();
      await drop();
    },
  };
}

async function post<R, V>(
  url: string,
  document: TypedDocumentNode<R, V>,
  variables: V,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: queryText(document), variables }),
  });
  return { res, body: (await res.json()) as GqlResult<R> };
}

// The metrics below count requests by operation name: the shared SIGN_IN and VIEWER are the
// operations "SignIn" and "Viewer".
const HIDDEN = graphql(`
  query ObservabilityHidden {
    store(id: "gid://latchkey/Store/999999") {
      id
    }
    explainAccess(permission: "x", storeId: "gid://latchkey/Store/999999", userId: "gid://latchkey/User/999999") {
      __typename
    }
  }
`);

/** The value of a sample in Prometheus text, e.g. sample(text, 'latchkey_graphql_requests_total{operation="SignIn",outcome="ok"}'). */
function sample(text: string, name: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe("a migrated server", () => {
  let s: Running;
  let token: string;
  beforeAll(async () => {
    s = await start();
    const ok = await post(s.url, SIGN_IN, { input: { email: "erin@example.com", password: "password-erin" } });
    token = must(must(ok.body.data, "data").signIn?.token, "token");
    await post(s.url, SIGN_IN, { input: { email: "erin@example.com", password: "wrong-password-1" } });
    await post(s.url, VIEWER, {});
    await post(s.url, VIEWER, {});
    await post(s.url, VIEWER, {}, { authorization: `Bearer ${token}` });
    await post(s.url, HIDDEN, {}, { authorization: `Bearer ${token}` });
  });
  afterAll(async () => s?.close());

  test("API: /metrics answers Prometheus text: requests by operation and outcome, latency, pool, denied", async () => {
    const res = await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain("# TYPE latchkey_graphql_requests_total counter");
    expect(sample(text, 'latchkey_graphql_requests_total{operation="SignIn",outcome="ok"}')).toBe(1);
    expect(sample(text, 'latchkey_graphql_requests_total{operation="SignIn",outcome="user_error"}')).toBe(1);
    expect(sample(text, 'latchkey_graphql_requests_total{operation="Viewer",outcome="UNAUTHENTICATED"}')).toBe(2);
    expect(sample(text, 'latchkey_graphql_requests_total{operation="Viewer",outcome="ok"}')).toBe(1);
    expect(text).toContain("# TYPE latchkey_graphql_request_duration_seconds histogram");
    expect(sample(text, 'latchkey_graphql_request_duration_seconds_count{operation="Viewer"}')).toBe(3);
    expect(sample(text, 'latchkey_graphql_request_duration_seconds_bucket{le="+Inf",operation="SignIn"}')).toBe(2);
    expect(sample(text, 'latchkey_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "latchkey_denied_total")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "latchkey_throttled_total")).toBe(0);
    expect(text).toContain("process_cpu_user_seconds_total");
  });

  test("API: /readyz is 200 on a migrated database, /healthz stays 200", async () => {
    const res = await fetch(`${s.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready" });
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  test("API: X-Request-Id echoes a valid incoming id and is made up otherwise", async () => {
    const valid = await post(s.url, VIEWER, {}, { "x-request-id": "abc-123.DEF_4" });
    expect(valid.res.headers.get("x-request-id")).toBe("abc-123.DEF_4");
    const invalid = await post(s.url, VIEWER, {}, { "x-request-id": "bad id\twith spaces" });
    const made = invalid.res.headers.get("x-request-id");
    expect(made).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    expect(made).not.toBe("bad id\twith spaces");
    expect(made).toMatch(/^[0-9a-f-]{36}$/); // a fresh UUID instead of the invalid one
    const none = await post(s.url, VIEWER, {});
    expect(none.res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.res.headers.get("x-request-id")).not.toBe(made);
  });

  test("API: one JSON log line per request with requestId and operationName, never a password or token", async () => {
    const before = s.lines.length;
    await post(
      s.url,
      SIGN_IN,
      { input: { email: "erin@example.com", password: "password-erin" } },
      { "x-request-id": "log-check-1", authorization: `Bearer ${token}` },
    );
    const mine = s.lines.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: "info",
      msg: "request",
      requestId: "log-check-1",
      operationName: "SignIn",
      method: "POST",
      path: "/graphql",
      status: 200,
    });
    expect(typeof mine[0].durationMs).toBe("number");
    expect(typeof mine[0].time).toBe("string");
    const all = s.lines.join("\n");
    expect(all).not.toContain("password-erin");
    expect(all).not.toContain("wrong-password-1");
    expect(all).not.toContain(token);
    expect(all).not.toContain("variables");
  });
});

test("API: the logger redacts secrets wherever a line carries them", () => {
  const lines: string[] = [];
  const log = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  log.child({ requestId: "r1" }).info(
    {
      headers: { authorization: "Bearer lk_secret" },
      password: "p1",
      input: { newPassword: "p2", currentPassword: "p3", otp: "123456", token: "t1" },
      requestCode: "rc1",
      variables: { x: 1 },
    },
    "careless",
  );
  const text = lines.join("");
  for (const secret of ["lk_secret", "p1", "p2", "p3", "123456", "t1", "rc1", '"x":1'])
    expect(text).not.toContain(secret);
  expect(JSON.parse(text)).toMatchObject({ level: "info", msg: "careless", requestId: "r1", password: "[redacted]" });
});

test("API: /readyz is 503 with the reason on a database that was never migrated", async () => {
  const s = await start(true);
  try {
    const res = await fetch(`${s.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", reason: "migrations pending" });
  } finally {
    await s.close();
  }
});

describe("configuration", () => {
  const problems = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  test("API: a valid environment loads; LOG_LEVEL defaults to info, silent under tests", () => {
    expect(problems({})).toEqual([]);
    expect(loadConfig({}).logLevel).toBe("info");
    expect(loadConfig({ VITEST: "true" }).logLevel).toBe("silent");
    expect(loadConfig({ NODE_ENV: "test" }).logLevel).toBe("silent");
    expect(loadConfig({ LOG_LEVEL: "debug", SMTP_URL: "smtps://u:p@mail.example.com:465" })).toMatchObject({
      logLevel: "debug",
      smtpUrl: "smtps://u:p@mail.example.com:465",
    });
    expect(loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db:5432/latchkey" }).production).toBe(
      true,
    );
  });

  test("API: a bad DATABASE_URL, REDIS_URL, LOG_LEVEL, SMTP_URL and PORT are all reported together", () => {
    const list = problems({
      DATABASE_URL: "mysql://x",
      REDIS_URL: "http://cache",
      LOG_LEVEL: "loud",
      SMTP_URL: "mail.example.com",
      PORT: "70000",
    });
    expect(list).toEqual([
      expect.stringMatching(/^PORT must be a port number/),
      "DATABASE_URL must start with postgres:// or sqlite:",
      "REDIS_URL must start with redis:// or rediss://",
      expect.stringMatching(/^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"/),
      "SMTP_URL must start with smtp:// or smtps://",
    ]);
    const error = (() => {
      try {
        loadConfig({ DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain("DATABASE_URL must start with postgres:// or sqlite:");
    expect(error!.message).toContain("LOG_LEVEL must be one of");
  });

  test("API: a malformed postgres URL is refused without echoing its password", () => {
    const list = problems({ DATABASE_URL: "postgres://user:s3cret@host:notaport/db" });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(/^DATABASE_URL is not a valid URL/);
    expect(list[0]).not.toContain("s3cret");
  });

  test("API: production needs DATABASE_URL set explicitly and refuses SQLite :memory:", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      expect.stringMatching(/^missing secret in production: DATABASE_URL must be set/),
    ]);
    expect(problems({ NODE_ENV: "production", DATABASE_URL: "sqlite::memory:" })).toEqual([
      expect.stringMatching(/:memory: is refused in production/),
    ]);
    expect(problems({ NODE_ENV: "production", DATABASE_URL: "sqlite:data/prod.sqlite" })).toEqual([]);
  });

  test("Passwords: argon2id's cost is OWASP's by default (19 MiB, 2 passes); ARGON2_MEMORY_KIB and ARGON2_PASSES are checked, and production refuses less than OWASP's", () => {
    const prod = { NODE_ENV: "production", DATABASE_URL: "sqlite:data/prod.sqlite" };
    expect(loadConfig({}).passwordHashing).toEqual({ memoryKib: 19456, passes: 2 });
    expect(loadConfig(prod).passwordHashing).toEqual(OWASP_PASSWORD_HASHING);
    expect(OWASP_PASSWORD_HASHING).toEqual({ memoryKib: 19456, passes: 2 });
    // The test suite's cheap hashing (vitest.config.mts) is a development setting.
    expect(loadConfig({ ARGON2_MEMORY_KIB: "1024", ARGON2_PASSES: "1" }).passwordHashing).toEqual({
      memoryKib: 1024,
      passes: 1,
    });
    expect(loadConfig({ ...prod, ARGON2_MEMORY_KIB: "65536", ARGON2_PASSES: "3" }).passwordHashing).toEqual({
      memoryKib: 65536,
      passes: 3,
    });
    for (const weaker of [{ ARGON2_MEMORY_KIB: "1024" }, { ARGON2_PASSES: "1" }])
      expect(problems({ ...prod, ...weaker })).toEqual([
        expect.stringMatching(/^ARGON2_MEMORY_KIB and ARGON2_PASSES below OWASP's .* refused in production/),
      ]);
    expect(problems({ ARGON2_MEMORY_KIB: "lots" })).toEqual([
      'ARGON2_MEMORY_KIB must be an integer from 8 to 4194304, got "lots"',
    ]);
    expect(problems({ ARGON2_PASSES: "0" })).toEqual(['ARGON2_PASSES must be an integer from 1 to 100, got "0"']);
  });
});
