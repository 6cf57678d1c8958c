// Operations and guessing (issue 11, findings 1, 12, 14, 15, 16): demo data only in development,
// a first production account without a known password, password hashing, brute force on the
// password asked again (collaboratorRemove), TOTP replay, password-reset requests, client
// addresses behind a proxy (TRUST_PROXY), and /metrics off the public API.
import { spawn } from "node:child_process";
import { randomBytes, scryptSync } from "node:crypto";
import { authenticator } from "otplib";
import { clock } from "../src/clock";
import { Notification } from "../src/domain/notifications/notification.entity";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { DatabaseConfig } from "../src/config";
import { ConfigError, loadConfig } from "../src/config";
import { createDataSource } from "../src/db/data-source";
import { loadFixture } from "../src/seed/load";
import { createServer, type ServerOptions } from "../src/server";
import { verifyPassword } from "../src/domain/users/passwords";
import { User } from "../src/domain/users/user.entity";
import { must, queryText, TestClient, type GqlResult } from "./support/client";
import { COLLABORATOR_REMOVE, SIGN_IN } from "./support/documents";
import type { SignInMutation } from "./generated/graphql";
import { databaseUrl, killLatchkey } from "./support/processes";
import {
  freshDatabase,
  migratedDatabase,
  readFixture,
  startServer,
  useProductionPasswordHashing,
  type TestServer,
} from "./support/server";

/** A password hash as Latchkey wrote them before argon2id: scrypt at N=2^14, r=8, p=1. */
function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
}

const ARGON2ID_OWASP = /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/;

describe("on world.json", () => {
  // Production's password hashing (OWASP's parameters), which the specs of hashing below prove.
  useProductionPasswordHashing();
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => s?.close());

  const userId = async (key: string) =>
    (await s.ds.getRepository(User).findOneByOrFail({ email: `${key}@example.com` })).id;

  test("R16: collaboratorRemove checks who may remove first (NOT_FOUND whatever the password), then counts wrong passwords like sign-in: the 5th locks it", async () => {
    const erin = await s.as("erin"); // owner of acme-eu, where pia is an active collaborator
    const owen = await s.as("owen"); // no part in acme-eu
    const pia = await userId("pia");
    const id = await s.gid("Collaborator", "store_users", { userId: pia, userType: "COLLABORATOR" });
    const codeOf = async (client: TestClient, password: string) => {
      const answer = await client.gql(COLLABORATOR_REMOVE, { id, password });
      const payload = (answer.data as { collaboratorRemove?: { userErrors: { code: string }[] } } | null)
        ?.collaboratorRemove;
      return answer.errors?.[0]?.extensions?.code ?? payload?.userErrors[0]?.code ?? "OK";
    };
    // Someone who may not remove it learns nothing of any password: the collaborator is not found.
    expect(await codeOf(owen, "password-owen")).toBe("NOT_FOUND");
    expect(await codeOf(owen, "wrong-password")).toBe("NOT_FOUND");
    // A stolen session of erin: 5 wrong passwords, then even the right one is THROTTLED.
    for (let i = 0; i < 5; i++) expect(await codeOf(erin, `wrong-password-${i}`)).toBe("INVALID_PASSWORD");
    expect(await codeOf(erin, "password-erin")).toBe("THROTTLED");
    // Nothing was removed, and erin's sign-in is locked too (the same count).
    const rows: { status: string }[] = await s.ds.query(
      s.ds.options.type === "postgres"
        ? `SELECT status FROM store_users WHERE "userId" = $1 AND "userType" = 'COLLABORATOR'`
        : `SELECT status FROM store_users WHERE "userId" = ? AND "userType" = 'COLLABORATOR'`,
      [pia],
    );
    expect(rows.map((r) => r.status)).toEqual(["ACTIVE"]);
    const signIn = await s
      .anonymous()
      .gql(SIGN_IN, { input: { email: "erin@example.com", password: "password-erin" } });
    expect(signIn.errors?.[0]?.extensions?.code).toBe("THROTTLED");
  });

  test("R27: a TOTP code signs in once: the same code, or one of an earlier step, is refused within its window", async () => {
    const secret = authenticator.generateSecret();
    await s.ds.getRepository(User).update({ email: "stan@example.com" }, { totpSecret: secret });
    const codeAt = (ms: number) => authenticator.clone({ epoch: ms }).generate(secret);
    const signIn = async (otp: string) => {
      const answer = must(
        (await s.anonymous().data(SIGN_IN, { input: { email: "stan@example.com", password: "password-stan", otp } }))
          .signIn,
      );
      return answer.userErrors[0]?.code ?? "OK";
    };
    try {
      clock.set(new Date("2031-03-04T10:00:05Z"));
      const now = clock.now().getTime();
      const code = codeAt(now);
      expect(await signIn(code)).toBe("OK");
      expect(await signIn(code)).toBe("INVALID_OTP");
      // 30 s later the code is still inside the ±1 step window, but it was used.
      clock.advance(30_000);
      expect(await signIn(code)).toBe("INVALID_OTP");
      // The code of the step before the used one (also inside the window) is refused too.
      expect(await signIn(codeAt(now - 30_000))).toBe("INVALID_OTP");
      // The new step's code signs in, once.
      const next = codeAt(clock.now().getTime());
      expect(await signIn(next)).toBe("OK");
      expect(await signIn(next)).toBe("INVALID_OTP");
    } finally {
      clock.reset();
    }
  });

  test("Password reset: the answer is the same for a known and an unknown email, and each email is limited (3 an hour), so a victim cannot be flooded", async () => {
    const REQUEST = `mutation OpsPasswordResetRequest($email: String!) { passwordResetRequest(email: $email) { userErrors { code } } }`;
    const ask = async (email: string) => {
      const answer = await s.anonymous().gql(REQUEST, { email });
      return JSON.stringify({
        data: answer.data as unknown,
        errors: answer.errors?.map((e) => [e.extensions?.code, e.message]),
      });
    };
    const mails = () =>
      s.ds.getRepository(Notification).countBy({ recipient: "kai@example.com", kind: "password_reset" });
    const before = await mails();
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await ask("kai@example.com"));
      unknown.push(await ask("nobody-here@example.com"));
    }
    expect(known).toEqual(unknown);
    expect(known.slice(0, 3)).toEqual(
      Array(3).fill(JSON.stringify({ data: { passwordResetRequest: { userErrors: [] } } })),
    );
    for (const answer of known.slice(3)) expect(answer).toContain("THROTTLED");
    expect((await mails()) - before).toBe(3);
  });

  const storedHash = async (key: string) =>
    (await s.ds.getRepository(User).findOneByOrFail({ email: `${key}@example.com` })).passwordHash;

  test("Passwords: new hashes are argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane)", async () => {
    expect(await storedHash("stan")).toMatch(ARGON2ID_OWASP);
  });

  test("Passwords: an old scrypt hash signs in and is upgraded to argon2id at that sign-in; a wrong password upgrades nothing", async () => {
    const legacy = legacyScryptHash("password-owen");
    await s.ds.getRepository(User).update({ email: "owen@example.com" }, { passwordHash: legacy });
    const anon = s.anonymous();
    const wrong = must(
      (await anon.data(SIGN_IN, { input: { email: "owen@example.com", password: "password-nope" } })).signIn,
    );
    expect(wrong.userErrors.map((e) => e.code)).toEqual(["INVALID_CREDENTIALS"]);
    expect(await storedHash("owen")).toBe(legacy);

    const ok = must(
      (await anon.data(SIGN_IN, { input: { email: "owen@example.com", password: "password-owen" } })).signIn,
    );
    expect(ok.userErrors).toEqual([]);
    expect(ok.token).toBeTruthy();
    const upgraded = await storedHash("owen");
    expect(upgraded).toMatch(ARGON2ID_OWASP);
    // The upgraded hash signs in too.
    const again = must(
      (await anon.data(SIGN_IN, { input: { email: "owen@example.com", password: "password-owen" } })).signIn,
    );
    expect(again.userErrors).toEqual([]);
    expect(await storedHash("owen")).toBe(upgraded);
  });
});

// ---------------------------------------------------------------------------------------------
// Processes (dist/, built by `npm test`): `npm start` and `npm run account:create`.

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/src/<script>` on a database with NODE_ENV as given (unset: development). */
function run(
  script: string,
  db: DatabaseConfig,
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl(db), ...options.env };
  delete env.VITEST;
  if (!options.env?.NODE_ENV) delete env.NODE_ENV;
  const child = spawn(process.execPath, [`dist/src/${script}`, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  child.stdin.end(options.stdin ?? "");
  return new Promise<Ran>((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

/** `npm start` (dist/src/main.js) until it listens, then SIGTERM; with the users it left in the database. */
async function startAndStop(db: DatabaseConfig, env: Record<string, string>, whileUp?: (url: string) => Promise<void>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl(db), PORT: "0", ...env };
  delete childEnv.VITEST;
  if (!env.NODE_ENV) delete childEnv.NODE_ENV;
  const child = spawn(process.execPath, ["dist/src/main.js"], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const spawned = { url: "", port: 0, child, exited, output: () => out };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Latchkey did not start:\n${out}`)), 30_000);
      child.stdout.on("data", () => {
        const m = /on http:\/\/localhost:(\d+)\/graphql/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      void exited.then(() => reject(new Error(`Latchkey exited before listening:\n${out}`)));
    });
    await whileUp?.(`http://127.0.0.1:${port}`);
    child.kill("SIGTERM");
    await exited;
  } finally {
    await killLatchkey(spawned);
  }
  const ds = createDataSource(db);
  await ds.initialize();
  try {
    return { users: await ds.getRepository(User).find({ order: { id: "ASC" } }), output: out };
  } finally {
    await ds.destroy();
  }
}

describe("processes", () => {
  // Processes started as production starts them: they hash at OWASP's parameters (and a production
  // start refuses less), not at the suite's.
  useProductionPasswordHashing();
  let db: DatabaseConfig;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    ({ db, drop } = await freshDatabase());
  });
  afterEach(async () => drop?.());

  test("Demo data: a production start (NODE_ENV=production) on an empty database stays empty", async () => {
    const { users, output } = await startAndStop(db, { NODE_ENV: "production" });
    expect(users).toEqual([]);
    expect(output).not.toContain("loaded the demo");
  });

  test("Demo data: a development start (NODE_ENV unset) on an empty database loads the demo, as before", async () => {
    const { users } = await startAndStop(db, {});
    expect(users.map((u) => u.email)).toContain("priya.nair@example.com");
  });

  test("First account: account:create reads the password from stdin, makes a platform support account, and production signs it in", async () => {
    const password = "a-long-first-password";
    const made = await run(
      "domain/users/account-cli.js",
      db,
      ["--email", "Root@Example.com", "--name", "First Admin", "--platform-support"],
      { stdin: `${password}\n`, env: { NODE_ENV: "production" } },
    );
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toContain("root@example.com");
    expect(made.stdout).not.toContain(password);

    const { users } = await startAndStop(db, { NODE_ENV: "production" }, async (url) => {
      const signIn = must(
        (await new TestClient(url).data(SIGN_IN, { input: { email: "root@example.com", password } })).signIn,
      );
      expect(signIn.userErrors).toEqual([]);
      expect(signIn.viewer?.name).toBe("First Admin");
    });
    expect(users.map((u) => [u.email, u.name, u.platformSupport])).toEqual([["root@example.com", "First Admin", true]]);
    expect(await verifyPassword(password, users[0].passwordHash)).toBe(true);
    expect(users[0].passwordHash).toMatch(ARGON2ID_OWASP);

    // The same email again: refused, nothing changed.
    const again = await run("domain/users/account-cli.js", db, ["--email", "root@example.com", "--name", "Other"], {
      stdin: "another-long-password\n",
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already");
  });

  test("First account: account:create has --help (exit 0, nothing done) and exits 2 on a wrong argument, 1 on a weak password", async () => {
    const help = await run("domain/users/account-cli.js", db, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: /);
    expect(help.stdout).toContain("--platform-support");
    for (const args of [["--bogus"], ["--name", "No Email"], ["--email", "a@example.com", "--name", "A", "extra"]]) {
      const wrong = await run("domain/users/account-cli.js", db, args, { stdin: "a-long-enough-password\n" });
      expect(wrong.code, args.join(" ")).toBe(2);
      expect(wrong.stderr).toMatch(/usage: /);
    }
    const badEmail = await run("domain/users/account-cli.js", db, ["--email", "not-an-email", "--name", "A"], {
      stdin: "a-long-enough-password\n",
    });
    expect(badEmail.code).toBe(2);
    const weak = await run("domain/users/account-cli.js", db, ["--email", "a@example.com", "--name", "A"], {
      stdin: "short\n",
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("10 to 200 characters");
    const empty = await run("domain/users/account-cli.js", db, ["--email", "a@example.com", "--name", "A"]);
    expect(empty.code).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// A server in this process with options of its own (world.json loaded).

async function serverWith(options: ServerOptions) {
  const { db, drop } = await migratedDatabase();
  const ds = createDataSource(db);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  await loadFixture(ds, readFixture());
  const app = await createServer(ds, options);
  const port = await app.listen(0, "127.0.0.1");
  return {
    app,
    ds,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await ds.destroy();
      await drop();
    },
  };
}

describe("/metrics", () => {
  test("Metrics: /metrics is not served on the API's port without METRICS_TOKEN; METRICS_PORT serves it apart, and nothing else", async () => {
    const s = await serverWith({});
    try {
      const publicAnswer = await fetch(`${s.url}/metrics`);
      expect(publicAnswer.status).toBe(404);
      expect(await publicAnswer.text()).not.toContain("latchkey_");
      const port = await s.app.listenMetrics(0, "127.0.0.1");
      const internal = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(internal.status).toBe(200);
      expect(await internal.text()).toContain("# TYPE latchkey_graphql_requests_total counter");
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  test("Metrics: with METRICS_TOKEN the API's port serves /metrics to that bearer token only", async () => {
    const s = await serverWith({ metricsToken: "a-long-metrics-token" });
    try {
      const none = await fetch(`${s.url}/metrics`);
      expect(none.status).toBe(401);
      expect(await none.text()).not.toContain("latchkey_");
      const wrong = await fetch(`${s.url}/metrics`, { headers: { authorization: "Bearer another-token" } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${s.url}/metrics`, { headers: { authorization: "Bearer a-long-metrics-token" } });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain("latchkey_graphql_requests_total");
    } finally {
      await s.close();
    }
  });

  test("Metrics: METRICS_PORT and METRICS_TOKEN are read by the configuration, and checked", () => {
    expect(loadConfig({ METRICS_PORT: "9464", METRICS_TOKEN: "a-long-metrics-token" })).toMatchObject({
      metricsPort: 9464,
      metricsToken: "a-long-metrics-token",
    });
    expect(loadConfig({})).toMatchObject({ metricsPort: null, metricsToken: null });
    expect(() => loadConfig({ METRICS_PORT: "http" })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
  });
});

// ---------------------------------------------------------------------------------------------
// TRUST_PROXY: per-address limits behind a load balancer.

/** A sign-in sent with an X-Forwarded-For header (as a load balancer adds it). */
async function signInVia(url: string, forwardedFor: string, email: string, password: string) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ query: queryText(SIGN_IN), variables: { input: { email, password } } }),
  });
  const body = (await res.json()) as GqlResult<SignInMutation>;
  return body.errors?.[0]?.extensions?.code ?? body.data?.signIn?.userErrors[0]?.code ?? "OK";
}

describe("TRUST_PROXY", () => {
  // Three failures lock an address here (20 in production), to keep the test short.
  const throttle = { limits: { signInByIp: { failures: 3 } } };

  test("TRUST_PROXY: behind a trusted proxy, failed sign-ins lock the client's address (X-Forwarded-For), not every client's", async () => {
    const s = await serverWith({ trustProxy: ["127.0.0.1"], throttle });
    try {
      for (let i = 0; i < 3; i++)
        expect(await signInVia(s.url, "203.0.113.5", `nobody${i}@example.com`, "wrong-password")).toBe(
          "INVALID_CREDENTIALS",
        );
      expect(await signInVia(s.url, "203.0.113.5", "erin@example.com", "password-erin")).toBe("THROTTLED");
      // Another client behind the same balancer is not locked out.
      expect(await signInVia(s.url, "203.0.113.6", "erin@example.com", "password-erin")).toBe("OK");
      // The address the proxy saw is the last one: a client cannot escape by adding its own.
      expect(await signInVia(s.url, "198.51.100.1, 203.0.113.5", "erin@example.com", "password-erin")).toBe(
        "THROTTLED",
      );
    } finally {
      await s.close();
    }
  });

  test("TRUST_PROXY: without it, X-Forwarded-For is ignored: the socket's address is the client's", async () => {
    const s = await serverWith({ throttle });
    try {
      for (let i = 0; i < 3; i++)
        expect(await signInVia(s.url, `203.0.113.${10 + i}`, `nobody${i}@example.com`, "wrong-password")).toBe(
          "INVALID_CREDENTIALS",
        );
      expect(await signInVia(s.url, "203.0.113.99", "erin@example.com", "password-erin")).toBe("THROTTLED");
    } finally {
      await s.close();
    }
  });

  test("TRUST_PROXY: addresses and CIDRs, comma-separated, are read by the configuration, and checked", () => {
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1,fd00::/8" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "fd00::/8",
    ]);
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(() => loadConfig({ TRUST_PROXY: "the-balancer" })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/99" })).toThrow(/TRUST_PROXY/);
  });
});

describe("password reset requests by address", () => {
  test("Password reset: requests from one address are limited whatever the email", async () => {
    const s = await serverWith({ throttle: { limits: { passwordResetByIp: { failures: 4 } } } });
    try {
      const REQUEST = `mutation OpsPasswordResetRequestByIp($email: String!) { passwordResetRequest(email: $email) { userErrors { code } } }`;
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) {
        const answer = await new TestClient(s.url).gql(REQUEST, { email: `someone${i}@example.com` });
        codes.push(answer.errors?.[0]?.extensions?.code ?? "OK");
      }
      expect(codes).toEqual(["OK", "OK", "OK", "OK", "THROTTLED", "THROTTLED"]);
    } finally {
      await s.close();
    }
  });
});
