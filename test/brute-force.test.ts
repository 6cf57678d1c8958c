// Brute force (hardening): request-code guesses (R3) counted per partner user and store, per
// partner user across stores and per store, every alias of a request included, and shown to the
// store in its audit log; sign-in locked after consecutive failures per account and per client
// address, and wrong second-step codes (R27) likewise; the counters shared by instances through
// PostgreSQL or Redis.
//
// One database (world.json plus two more stores that ask for a code) and a main server; the tests
// that need counters of their own start another server on the same database with their own key
// prefix (the counters of every server in memory, or in the database's table on PostgreSQL).
// rate-limiter-flexible keeps its own time (Date.now()): sign-in locks are checked by their
// retry hint (retryAfterSeconds), never by waiting. R3 counts in the database on the
// application clock, so its tests move the clock.
import fs from "node:fs";
import Redis from "ioredis";
import { authenticator } from "otplib";
import type { DataSource } from "typeorm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { clock } from "../src/clock";
import type { DatabaseConfig } from "../src/config";
import { createDataSource } from "../src/db/data-source";
import { loadFixture } from "../src/seed/load";
import { createServer, type ServerOptions } from "../src/server";
import { graphql } from "./generated";
import type { CollaboratorRequestCreateMutation, SignInMutation } from "./generated/graphql";
import { must, type GqlError } from "./support/client";
import { REQUEST_CREATE, SIGN_IN } from "./support/documents";
import { migratedDatabase, GqlResult, readFixture, TestClient } from "./support/server";

const RUN = `bf-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const MINUTE_MS = 60_000;
const REDIS_URL = "redis://127.0.0.1:6379";

// ---- servers -----------------------------------------------------------------------------------

interface Booted {
  url: string;
  anonymous(): TestClient;
  close(): Promise<void>;
}

async function boot(on: DataSource, options: ServerOptions = {}): Promise<Booted> {
  const app = await createServer(on, options);
  const port = await app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  return { url, anonymous: () => new TestClient(url), close: () => app.close() };
}

let db: DatabaseConfig;
let drop: () => Promise<void>;
let ds: DataSource;
let main: Booted;
const extraServers: Booted[] = [];
/** Another server on the same database, with counters of its own (a key prefix of its own). */
async function another(name: string, options: ServerOptions = {}): Promise<Booted> {
  const b = await boot(ds, { ...options, throttle: { keyPrefix: `${RUN}:${name}`, ...options.throttle } });
  extraServers.push(b);
  return b;
}

const WORLD = JSON.parse(fs.readFileSync("test/fixtures/world.json", "utf8")) as { stores: object[] };
// Two more stores that ask for a code, so that a partner user can reach the limit across stores
// (20) with every store still under its own (5 each).
const FIXTURE = {
  ...WORLD,
  stores: [
    ...WORLD.stores,
    { key: "lab", name: "Lab", domain: "lab.example.com", owner: "owen", requestCode: "2468" },
    { key: "forge", name: "Forge", domain: "forge.example.com", owner: "owen", requestCode: "1357" },
  ],
};
const DOMAIN = {
  "acme-eu": "acme-eu.example.com",
  "acme-us": "acme-us.example.com",
  nordic: "nordic.example.com",
  studio: "studio.example.com",
  lab: "lab.example.com",
  forge: "forge.example.com",
} as const;
type StoreKey = keyof typeof DOMAIN;
const CODE: Record<StoreKey, string> = {
  "acme-eu": "4821",
  "acme-us": "7310",
  nordic: "1234",
  studio: "5555",
  lab: "2468",
  forge: "1357",
};
const OWNER: Record<StoreKey, string> = {
  "acme-eu": "erin",
  "acme-us": "erin",
  nordic: "nora",
  studio: "owen",
  lab: "owen",
  forge: "owen",
};

beforeAll(async () => {
  clock.reset();
  ({ db, drop } = await migratedDatabase());
  ds = createDataSource(db);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  await loadFixture(ds, readFixture(FIXTURE));
  main = await boot(ds, { throttle: { keyPrefix: `${RUN}:main` } });
});
afterAll(async () => {
  for (const b of extraServers) await b.close();
  await main?.close();
  await ds?.destroy();
  await drop?.();
  clock.reset();
});
afterEach(() => clock.reset());

// ---- helpers -----------------------------------------------------------------------------------

const email = (key: string) => `${key}@example.com`;
const AUDIT = graphql(`
  query BruteForceAuditLog($id: ID!, $actions: [String!]) {
    auditLog(storeId: $id, first: 250, filter: { actions: $actions }) {
      nodes {
        action
        actorName
        targetName
        details
      }
    }
  }
`);
/** Eight guesses of acme-eu's code in one request, each an alias of its own (R3 counts each). */
const EIGHT_GUESSES = graphql(`
  mutation BruteForceEightGuesses(
    $c0: String!
    $c1: String!
    $c2: String!
    $c3: String!
    $c4: String!
    $c5: String!
    $c6: String!
    $c7: String!
  ) {
    a0: collaboratorRequestCreate(
      input: { storeDomain: "acme-eu.example.com", requestCode: $c0, permissions: ["orders"] }
    ) {
      collaborator {
        id
      }
      userErrors {
        code
      }
    }
    a1: collaboratorRequestCreate(
      input: { storeDomain: "acme-eu.example.com", requestCode: $c1, permissions: ["orders"] }
    ) {
      collaborator {
        id
      }
      userErrors {
        code
      }
    }
    a2: collaboratorRequestCreate(
      input: { storeDomain: "acme-eu.example.com", requestCode: $c2, permissions: ["orders"] }
    ) {
      collaborator {
        id
      }
      userErrors {
        code
      }
    }
    a3: collaboratorRequestCreate(
      input: { storeDomain: "acme-eu.example.com", requestCode: $c3, permissions: ["orders"] }
    ) {
      collaborator {
        id
      }
      userErrors {
        code
      }
    }
    a4: collaboratorRequestCreate(
      input: { storeDomain: "acme-eu.example.com", requestCode: $c4, permissions: ["orders"] }
    ) {
      collaborator {
        id
      }
      userErrors {
        code
      }
    }
    a5: collaboratorRequestCreate(
      input: { storeDomain: "acme-eu.example.com", requestCode: $c5, permissions: ["orders"] }
    ) {
      collaborator {
        id
      }
      userErrors {
        code
      }
    }
    a6: collaboratorRequestCreate(
      input: { storeDomain: "acme-eu.example.com", requestCode: $c6, permissions: ["orders"] }
    ) {
      collaborator {
        id
      }
      userErrors {
        code
      }
    }
    a7: collaboratorRequestCreate(
      input: { storeDomain: "acme-eu.example.com", requestCode: $c7, permissions: ["orders"] }
    ) {
      collaborator {
        id
      }
      userErrors {
        code
      }
    }
  }
`);
/** Three guesses of forge's code in one request. */
const THREE_GUESSES = graphql(`
  mutation BruteForceThreeGuesses($c0: String!, $c1: String!, $c2: String!) {
    b0: collaboratorRequestCreate(
      input: { storeDomain: "forge.example.com", requestCode: $c0, permissions: ["orders"] }
    ) {
      userErrors {
        code
      }
    }
    b1: collaboratorRequestCreate(
      input: { storeDomain: "forge.example.com", requestCode: $c1, permissions: ["orders"] }
    ) {
      userErrors {
        code
      }
    }
    b2: collaboratorRequestCreate(
      input: { storeDomain: "forge.example.com", requestCode: $c2, permissions: ["orders"] }
    ) {
      userErrors {
        code
      }
    }
  }
`);
const PASSWORD_CHANGE = graphql(`
  mutation BruteForcePasswordChange($current: String!, $next: String!) {
    passwordChange(currentPassword: $current, newPassword: $next) {
      user {
        email
      }
      userErrors {
        code
      }
    }
  }
`);
const ENROLL = graphql(`
  mutation BruteForceTwoFactorEnroll {
    twoFactorEnroll {
      secret
      userErrors {
        code
      }
    }
  }
`);
const CONFIRM = graphql(`
  mutation BruteForceTwoFactorConfirm($otp: String!) {
    twoFactorConfirm(otp: $otp) {
      recoveryCodes
      userErrors {
        code
      }
    }
  }
`);

function signIn(server: Booted, key: string, extra: { password?: string; otp?: string; email?: string } = {}) {
  const input = {
    email: extra.email ?? email(key),
    password: extra.password ?? `password-${key}`,
    ...(extra.otp !== undefined ? { otp: extra.otp } : {}),
  };
  return server.anonymous().gql(SIGN_IN, { input });
}
/** The sign-in worked: a token, no error. */
async function signedIn(server: Booted, key: string, extra: { otp?: string } = {}): Promise<TestClient> {
  const r = await signIn(server, key, extra);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  const payload = signInPayload(r);
  expect(payload.userErrors).toEqual([]);
  return new TestClient(server.url, payload.token);
}
/** The signIn payload of an answer (failing loudly when there is none). */
const signInPayload = (r: GqlResult<SignInMutation>) => must(must(r.data, "data").signIn, "signIn");
/** The sign-in was judged and refused with exactly this userError code. */
function refusedWith(r: GqlResult<SignInMutation>, code: string) {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  expect(signInPayload(r).userErrors.map((e) => e.code)).toEqual([code]);
  expect(signInPayload(r).token).toBeNull();
}
/** Refused before being judged: THROTTLED at the top level, with a retry hint in (min, max] seconds. */
function throttled(r: GqlResult<unknown>, min: number, max: number): GqlError {
  const error = r.errors?.[0];
  expect(error?.extensions?.code, JSON.stringify(r)).toBe("THROTTLED");
  expect(error?.extensions?.retryAfterSeconds).toBeGreaterThan(min);
  expect(error?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(max);
  return must(error, "a THROTTLED error");
}
const LOCK_S = 15 * 60;

async function count(sql: string): Promise<number> {
  return Number((await ds.query<{ n: number | string }[]>(sql))[0].n);
}
const userIdSql = (key: string) => `(SELECT id FROM users WHERE email = '${email(key)}')`;
const sessionsOf = (key: string) => count(`SELECT COUNT(*) AS n FROM sessions WHERE "userId" = ${userIdSql(key)}`);
async function storeGid(store: StoreKey) {
  const rows = await ds.query<{ id: number }[]>(`SELECT id FROM stores WHERE domain = '${DOMAIN[store]}'`);
  return `gid://latchkey/Store/${rows[0].id}`;
}

const clients = new Map<string, TestClient>();
async function as(key: string): Promise<TestClient> {
  if (!clients.has(key)) clients.set(key, await signedIn(main, key));
  return must(clients.get(key), key);
}
async function request(key: string, store: StoreKey, code: string) {
  return (await as(key)).gql(REQUEST_CREATE, {
    input: { storeDomain: DOMAIN[store], requestCode: code, permissions: ["orders"] },
  });
}
/** The collaboratorRequestCreate payload of an answer (failing loudly when there is none). */
const createPayload = (r: GqlResult<CollaboratorRequestCreateMutation>) =>
  must(must(r.data, "data").collaboratorRequestCreate, "collaboratorRequestCreate");
function wrongCode(r: GqlResult<CollaboratorRequestCreateMutation>) {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  expect(createPayload(r).userErrors.map((e) => e.code)).toEqual(["INVALID_REQUEST_CODE"]);
}
const misses = (key: string, store?: StoreKey) =>
  count(
    `SELECT COUNT(*) AS n FROM request_code_misses WHERE "userId" = ${userIdSql(key)}${store ? ` AND "storeId" = (SELECT id FROM stores WHERE domain = '${DOMAIN[store]}')` : ""}`,
  );
/** The store's audit log of wrong request codes, as its owner reads it. */
async function failedCodes(store: StoreKey) {
  const data = await (
    await as(OWNER[store])
  ).data(AUDIT, { id: await storeGid(store), actions: ["collaborator.request_code_failed"] });
  return must(data.auditLog, "auditLog").nodes;
}
/** Four digits that are not the store's code. */
const guess = (store: StoreKey, i = 0) => String((Number(CODE[store]) + 1 + i) % 10_000).padStart(4, "0");

// ---- R3: request codes -------------------------------------------------------------------------

describe("request codes (R3)", () => {
  test("R3: 5 wrong codes per partner user and store in an hour; then even the right code is THROTTLED with a retry hint until the hour has passed; other stores stay open", async () => {
    for (let i = 0; i < 5; i++) wrongCode(await request("pete", "studio", guess("studio", i)));
    const before = await count(`SELECT COUNT(*) AS n FROM store_users WHERE "userId" = ${userIdSql("pete")}`);
    const locked = throttled(await request("pete", "studio", CODE.studio), 3590, 3600);
    expect(locked.extensions?.rule).toBe("R3");
    throttled(await request("pete", "studio", guess("studio", 9)), 3590, 3600);
    expect(await misses("pete", "studio")).toBe(5); // refused attempts are not judged, so not counted
    expect(await count(`SELECT COUNT(*) AS n FROM store_users WHERE "userId" = ${userIdSql("pete")}`)).toBe(before);
    // The limit is per store: pete still guesses (and is judged) on another store.
    wrongCode(await request("pete", "lab", guess("lab")));

    clock.advance(59 * MINUTE_MS);
    throttled(await request("pete", "studio", CODE.studio), 0, 60);
    clock.advance(2 * MINUTE_MS);
    const lifted = await request("pete", "studio", CODE.studio);
    expect(lifted.errors).toBeUndefined();
    expect(must(createPayload(lifted).collaborator, "collaborator").status).toBe("REQUESTED");
  });

  test("R3: 20 wrong codes per partner user in an hour across stores; then every store refuses even the right code until the hour has passed", async () => {
    // kai: 5 misses on each of four stores (each store at its own limit), nothing yet on lab.
    for (const store of ["acme-eu", "acme-us", "nordic", "studio"] as const) {
      for (let i = 0; i < 5; i++) wrongCode(await request("kai", store, guess(store, i)));
    }
    expect(await misses("kai")).toBe(20);
    expect(await misses("kai", "lab")).toBe(0);
    throttled(await request("kai", "lab", CODE.lab), 3590, 3600);
    throttled(await request("kai", "forge", guess("forge")), 3590, 3600);
    expect(await misses("kai")).toBe(20);
    // The limit is kai's: kira of the same partner organization is judged on lab.
    wrongCode(await request("kira", "lab", guess("lab")));

    clock.advance(61 * MINUTE_MS);
    const lifted = await request("kai", "lab", CODE.lab);
    expect(lifted.errors).toBeUndefined();
    expect(must(createPayload(lifted).collaborator, "collaborator").status).toBe("REQUESTED");
  });

  test("R3: the store sees every wrong code in its audit log (who, never the code); refused attempts of other stores are not in it", async () => {
    const distinctive = "9137";
    wrongCode(await request("pat", "forge", distinctive));
    wrongCode(await request("pat", "forge", "0042"));
    const log = await failedCodes("forge");
    const pats = log.filter((e) => e.actorName === "Pat Pixel");
    expect(pats).toHaveLength(2);
    for (const e of pats) {
      expect(e).toMatchObject({
        action: "collaborator.request_code_failed",
        targetName: "Forge",
        details: { rule: "R3", email: email("pat") },
      });
    }
    expect(JSON.stringify(log)).not.toContain(distinctive);
    expect(JSON.stringify(log)).not.toContain("0042");
    // kai's refused (THROTTLED) attempt on forge in the previous test was never judged: not in the log.
    expect(log.filter((e) => e.actorName === "Kai Koi")).toEqual([]);
    // studio's log has pete's and kai's misses of the tests above.
    const studio = await failedCodes("studio");
    expect(studio.filter((e) => e.actorName === "Pete Pixel")).toHaveLength(5);
    expect(studio.filter((e) => e.actorName === "Kai Koi")).toHaveLength(5);
  });

  test("R3: every alias in one request is an attempt: of 8 aliased guesses 5 are judged and recorded, the other 3 are THROTTLED", async () => {
    // a0..a7 guess 8 different wrong codes of acme-eu (its domain is written in the document).
    const g = (i: number) => guess("acme-eu", i);
    const r = await (
      await as("stan")
    ).gql(EIGHT_GUESSES, { c0: g(0), c1: g(1), c2: g(2), c3: g(3), c4: g(4), c5: g(5), c6: g(6), c7: g(7) });
    // Mutation fields run one after another, each through the R3 check: a0..a4 are judged (5
    // misses recorded, 5 events in the store's log); a5, a6 and a7 are THROTTLED (mutation payloads
    // are nullable, as in Shopify's API, so one throttled alias does not hide the others).
    expect(r.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
      ["THROTTLED", ["a5"]],
      ["THROTTLED", ["a6"]],
      ["THROTTLED", ["a7"]],
    ]);
    expect(r.errors?.[0]?.extensions?.retryAfterSeconds).toBe(3600);
    const d = must(r.data, "data");
    expect([d.a0, d.a1, d.a2, d.a3, d.a4].map((p) => must(p, "payload").userErrors[0].code)).toEqual(
      Array(5).fill("INVALID_REQUEST_CODE"),
    );
    expect([d.a5, d.a6, d.a7]).toEqual([null, null, null]);
    expect(await misses("stan", "acme-eu")).toBe(5);
    const log = await failedCodes("acme-eu");
    expect(log.filter((e) => e.actorName === "Stan Pixel-Staff")).toHaveLength(5);
    // Each later request is THROTTLED as well, even with the right code.
    throttled(await request("stan", "acme-eu", CODE["acme-eu"]), 3590, 3600);
    // Aliases below the limit are each judged: 3 guesses on another store, 3 misses.
    const three = await (
      await as("stan")
    ).gql(THREE_GUESSES, { c0: guess("forge", 0), c1: guess("forge", 1), c2: guess("forge", 2) });
    expect(three.errors).toBeUndefined();
    expect(Object.values(must(three.data, "data")).map((p) => must(p, "payload").userErrors[0].code)).toEqual([
      "INVALID_REQUEST_CODE",
      "INVALID_REQUEST_CODE",
      "INVALID_REQUEST_CODE",
    ]);
    expect(await misses("stan", "forge")).toBe(3);
  });
});

// ---- sign-in -----------------------------------------------------------------------------------

describe("sign-in", () => {
  test("Security: 5 consecutive failed sign-ins lock the account for 15 minutes; even the right password is THROTTLED with a retry hint, and no session is made", async () => {
    const server = await another("account-lock");
    for (let i = 0; i < 5; i++)
      refusedWith(await signIn(server, "erin", { password: `password-nope-${i}` }), "INVALID_CREDENTIALS");
    const sessions = await sessionsOf("erin");
    const locked = throttled(await signIn(server, "erin"), LOCK_S - 10, LOCK_S);
    expect(locked.message).toMatch(/minutes/);
    throttled(await signIn(server, "erin", { password: "password-nope" }), LOCK_S - 10, LOCK_S);
    expect(await sessionsOf("erin")).toBe(sessions);
    // The lock is the account's: another account from the same address signs in.
    await signedIn(server, "ada");
    // An unknown email locks the same way, so that locks tell nothing of which accounts exist.
    for (let i = 0; i < 5; i++)
      refusedWith(await signIn(server, "ghost", { password: `guess-${i}` }), "INVALID_CREDENTIALS");
    throttled(await signIn(server, "ghost"), LOCK_S - 10, LOCK_S);
    // The email is normalized: another spelling is the same account.
    throttled(await signIn(server, "erin", { email: "  ERIN@Example.com " }), LOCK_S - 10, LOCK_S);
  });

  test("Security: a successful sign-in before the limit starts the count of failures again", async () => {
    const server = await another("reset");
    for (let i = 0; i < 4; i++)
      refusedWith(await signIn(server, "nora", { password: "password-nope" }), "INVALID_CREDENTIALS");
    await signedIn(server, "nora");
    for (let i = 0; i < 4; i++)
      refusedWith(await signIn(server, "nora", { password: "password-nope" }), "INVALID_CREDENTIALS");
    await signedIn(server, "nora"); // 8 failures, never 5 in a row
    for (let i = 0; i < 5; i++)
      refusedWith(await signIn(server, "nora", { password: "password-nope" }), "INVALID_CREDENTIALS");
    throttled(await signIn(server, "nora"), LOCK_S - 10, LOCK_S);
  });

  test("Security: 20 failed sign-ins from one address lock it for 15 minutes, whatever the account", async () => {
    const server = await another("ip-lock");
    // 4 failures on each of 5 accounts: no account reaches its own limit.
    for (const key of ["olive", "oscar", "suki", "dan", "uma"]) {
      for (let i = 0; i < 4; i++)
        refusedWith(await signIn(server, key, { password: "password-nope" }), "INVALID_CREDENTIALS");
    }
    const locked = throttled(await signIn(server, "nils"), LOCK_S - 10, LOCK_S); // nils never failed
    expect(locked.message).toMatch(/address/);
    throttled(await signIn(server, "olive"), LOCK_S - 10, LOCK_S);
    // Successful sign-ins do not count: on a fresh server, 25 in a row are fine.
    const other = await another("ip-successes");
    for (let i = 0; i < 25; i++)
      expect((await signIn(other, i % 2 ? "nils" : "nora")).data?.signIn?.token).toBeTruthy();
  });

  test("Security: parallel wrong passwords cannot get past the account's limit", async () => {
    const server = await another("parallel");
    const results = await Promise.all(
      Array.from({ length: 12 }, () => signIn(server, "suki", { password: "password-nope" })),
    );
    const judged = results.filter((r) => !r.errors && signInPayload(r).userErrors[0]?.code === "INVALID_CREDENTIALS");
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === "THROTTLED");
    expect(judged.length).toBe(5);
    expect(refused.length).toBe(7);
    throttled(await signIn(server, "suki"), LOCK_S - 10, LOCK_S);
  });

  test("Security: wrong current passwords from a signed-in session count toward the account's lock (no way around it with a stolen session)", async () => {
    const server = await another("own-password");
    const oscar = await signedIn(server, "oscar");
    for (let i = 0; i < 5; i++) {
      const r = await oscar.gql(PASSWORD_CHANGE, { current: `nope-${i}`, next: "a-new-long-password" });
      expect(must(r.data?.passwordChange, "passwordChange").userErrors).toEqual([{ code: "INVALID_PASSWORD" }]);
    }
    throttled(
      await oscar.gql(PASSWORD_CHANGE, { current: "password-oscar", next: "a-new-long-password" }),
      LOCK_S - 10,
      LOCK_S,
    );
    throttled(await signIn(server, "oscar"), LOCK_S - 10, LOCK_S);
  });
});

// ---- second step (R27) -------------------------------------------------------------------------

describe("second step (R27)", () => {
  const totpNow = (secret: string, at = clock.now()) => authenticator.clone({ epoch: at.getTime() }).generate(secret);
  const validCodes = (secret: string) =>
    [-30_000, 0, 30_000].map((d) => totpNow(secret, new Date(clock.now().getTime() + d)));
  const wrongOtp = (secret: string, i: number) =>
    [...Array(20).keys()]
      .map((k) => String(100_000 + 37_037 * k + i).slice(0, 6))
      .find((c) => !validCodes(secret).includes(c))!;

  test("R27: 5 wrong second-step codes at sign-in lock two-step sign-in for 15 minutes: then even the right code (or a recovery code) is THROTTLED", async () => {
    const server = await another("totp");
    const uma = await signedIn(server, "uma");
    const enrolled = must((await uma.data(ENROLL)).twoFactorEnroll, "twoFactorEnroll");
    const secret = must(enrolled.secret, "secret");
    const confirmed = must((await uma.data(CONFIRM, { otp: totpNow(secret) })).twoFactorConfirm, "twoFactorConfirm");
    expect(confirmed.userErrors).toEqual([]);
    const recoveryCodes = must(confirmed.recoveryCodes, "recoveryCodes");

    refusedWith(await signIn(server, "uma"), "OTP_REQUIRED"); // asking for the code is no failure
    for (let i = 0; i < 5; i++) refusedWith(await signIn(server, "uma", { otp: wrongOtp(secret, i) }), "INVALID_OTP");
    const sessions = await sessionsOf("uma");
    const locked = throttled(await signIn(server, "uma", { otp: totpNow(secret) }), LOCK_S - 10, LOCK_S);
    expect(locked.extensions?.rule).toBe("R27");
    throttled(await signIn(server, "uma", { otp: recoveryCodes[0] }), LOCK_S - 10, LOCK_S);
    expect(await sessionsOf("uma")).toBe(sessions);
    // A wrong password is still a wrong password (the second step comes after it).
    refusedWith(
      await signIn(server, "uma", { password: "password-nope", otp: totpNow(secret) }),
      "INVALID_CREDENTIALS",
    );
  });

  test("R27: a right second-step code before the limit starts the count again", async () => {
    const server = await another("totp-reset");
    const dan = await signedIn(server, "dan");
    const secret = must(must((await dan.data(ENROLL)).twoFactorEnroll, "twoFactorEnroll").secret, "secret");
    expect(must((await dan.data(CONFIRM, { otp: totpNow(secret) })).twoFactorConfirm).userErrors).toEqual([]);
    for (let i = 0; i < 4; i++) refusedWith(await signIn(server, "dan", { otp: wrongOtp(secret, i) }), "INVALID_OTP");
    await signedIn(server, "dan", { otp: totpNow(secret) });
    for (let i = 0; i < 4; i++) refusedWith(await signIn(server, "dan", { otp: wrongOtp(secret, i) }), "INVALID_OTP");
    // A code signs in once (R27): the next sign-in uses the next step's code.
    clock.advance(30_000);
    await signedIn(server, "dan", { otp: totpNow(secret) });
  });
});

// ---- shared counters ---------------------------------------------------------------------------

describe("shared counters", () => {
  test("Security: two servers on one PostgreSQL database share the counts: failures on one lock the account on the other", async ({
    skip,
  }) => {
    if (db.kind !== "postgres")
      skip(
        "PostgreSQL only: run with DATABASE_URL=postgres://... (on SQLite the counters are in memory, see the next test)",
      );
    // Two instances as in production: each with its own connection pool, one database.
    const ds2 = createDataSource(db);
    await ds2.initialize();
    try {
      const a = await another("shared-pg");
      const b = await boot(ds2, { throttle: { keyPrefix: `${RUN}:shared-pg` } });
      try {
        for (let i = 0; i < 3; i++)
          refusedWith(await signIn(a, "olive", { password: "password-nope" }), "INVALID_CREDENTIALS");
        for (let i = 0; i < 2; i++)
          refusedWith(await signIn(b, "olive", { password: "password-nope" }), "INVALID_CREDENTIALS");
        throttled(await signIn(a, "olive"), LOCK_S - 10, LOCK_S);
        throttled(await signIn(b, "olive"), LOCK_S - 10, LOCK_S);
        expect(
          await count(`SELECT COUNT(*) AS n FROM throttle_counters WHERE key LIKE '${RUN}:shared-pg:%'`),
        ).toBeGreaterThan(0);
      } finally {
        await b.close();
      }
    } finally {
      await ds2.destroy();
    }
  });

  test("Security: without PostgreSQL or Redis the counters are in memory: each server counts on its own", async ({
    skip,
  }) => {
    if (db.kind === "postgres") skip("SQLite only: on PostgreSQL the counters are shared (previous test)");
    const a = await another("memory");
    const b = await another("memory"); // the same prefix: memory still keeps them apart
    for (let i = 0; i < 5; i++)
      refusedWith(await signIn(a, "olive", { password: "password-nope" }), "INVALID_CREDENTIALS");
    throttled(await signIn(a, "olive"), LOCK_S - 10, LOCK_S);
    await signedIn(b, "olive");
  });

  test("Security: with REDIS_URL the counters live in Redis, shared by the servers that use it", async ({ skip }) => {
    const redis = new Redis(REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: () => null,
    });
    redis.on("error", () => undefined);
    try {
      await redis.connect();
      await redis.ping();
    } catch {
      redis.disconnect();
      skip(`Redis is not reachable at ${REDIS_URL}`);
    }
    const prefix = `latchkey-test:${RUN}:redis`;
    const keys = async () => {
      const found: string[] = [];
      let cursor = "0";
      do {
        const [next, batch] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 100);
        found.push(...batch);
        cursor = next;
      } while (cursor !== "0");
      return found;
    };
    const a = await boot(ds, { redisUrl: REDIS_URL, throttle: { keyPrefix: prefix } });
    const b = await boot(ds, { redisUrl: REDIS_URL, throttle: { keyPrefix: prefix } });
    try {
      for (let i = 0; i < 3; i++)
        refusedWith(await signIn(a, "oscar", { password: "password-nope" }), "INVALID_CREDENTIALS");
      for (let i = 0; i < 2; i++)
        refusedWith(await signIn(b, "oscar", { password: "password-nope" }), "INVALID_CREDENTIALS");
      throttled(await signIn(b, "oscar"), LOCK_S - 10, LOCK_S);
      throttled(await signIn(a, "oscar"), LOCK_S - 10, LOCK_S);
      const stored = await keys();
      expect(stored.some((k) => k.startsWith(`${prefix}:signInByAccount:`))).toBe(true);
      expect(stored.join("\n")).not.toContain("oscar@example.com"); // accounts are keyed by a hash of the email
      expect(await redis.pttl(stored.find((k) => k.startsWith(`${prefix}:signInByAccount:`))!)).toBeGreaterThan(
        (LOCK_S - 10) * 1000,
      );
    } finally {
      await a.close();
      await b.close();
      const left = await keys();
      if (left.length) await redis.del(...left);
      expect(await keys()).toEqual([]);
      await redis.quit();
    }
  });
});
