// Bad input (hardening): property-based tests throw random and hostile values at every mutation
// that takes input (huge strings, unicode, SQL-like text, malformed, foreign and other stores' ids,
// wrong types, very long lists), over HTTP as variables, signed in as users with some standing.
// Every answer must be 200 (or 400/413, or 429 when throttled), every top-level error must carry a
// code of the README's conventions, no answer may carry a stack trace, and a refused call (a userError or a
// top-level error) must change nothing: the row counts of every table stay, and no audit event
// appears but those of refused attempts (wrong request codes, failed sign-ins).
//
// The server here is the real one with one difference: the per-user cost bucket is large, so
// that the runs reach the resolvers instead of the throttle (a THROTTLED answer would be a coded
// error all the same). Accepted calls are fine and change state; the pools of ids are chosen so
// that they never take away the standing of the users signed in (see each property).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DataSource } from "typeorm";
import { clock } from "../src/clock";
import { DEFAULT_LIMITS } from "../src/config";
import { createDataSource } from "../src/db/data-source";
import { PARTNER_PERMISSIONS } from "../src/domain/partners/partner-permissions";
import { PERMISSIONS } from "../src/domain/roles/permissions";
import { loadFixture } from "../src/seed/load";
import { createServer } from "../src/server";
import { graphql } from "./generated";
import { queryText, type GqlError, type TypedDocumentNode } from "./support/client";
import { SIGN_IN } from "./support/documents";
import { migratedDatabase, readFixture } from "./support/server";

// ---- the server -------------------------------------------------------------------------------

let ds: DataSource;
let url = "";
let closeAll: () => Promise<void> = () => Promise.resolve();
const tokens = new Map<string, string>();
const VIEWERS = ["erin", "nora", "pat", "kira", "sam", "oscar"];

/** An answer as it came: its status, its text, and its body when that is JSON (typed by the document). */
interface Answer<R> {
  status: number;
  text: string;
  json: { data?: R | null; errors?: GqlError[] } | null;
}

/**
 * Sends a document. The variables are not checked against it: most of them are hostile on
 * purpose (wrong types, missing fields, oversized values), and the server is what judges them.
 * A string document is one that is invalid as written (it cannot be a typed document).
 */
async function send<R>(
  viewer: string | null,
  document: TypedDocumentNode<R, never> | string,
  variables: unknown,
): Promise<Answer<R>> {
  const token = viewer ? tokens.get(viewer) : undefined;
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: queryText(document), variables }),
  });
  const text = await res.text();
  let json: Answer<R>["json"];
  try {
    json = JSON.parse(text) as Answer<R>["json"];
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

async function signIn(key: string) {
  const answer = await send(null, SIGN_IN, {
    input: { email: `${key}@example.com`, password: `password-${key}` },
  });
  const token = answer.json?.data?.signIn?.token;
  if (!token) throw new Error(`cannot sign in as ${key}: ${answer.text}`);
  tokens.set(key, token);
}

// ---- the world's ids --------------------------------------------------------------------------

const gid = (type: string, id: number | string) => `gid://latchkey/${type}/${id}`;
const pg = () => ds.options.type === "postgres";

async function idWhere(table: string, where: Record<string, unknown>): Promise<number> {
  const keys = Object.keys(where);
  const sql = `SELECT "id" FROM "${table}" WHERE ${keys.map((k, i) => `"${k}" = ${pg() ? `$${i + 1}` : "?"}`).join(" AND ")} ORDER BY "id" LIMIT 1`;
  const rows = await ds.query<{ id: number | string }[]>(sql, Object.values(where));
  if (!rows.length) throw new Error(`no ${table} row ${JSON.stringify(where)}`);
  return Number(rows[0].id);
}

/** Every id of a table now, as global ids of a type. */
async function allIds(table: string, type: string, where = ""): Promise<string[]> {
  return (await ds.query<{ id: number }[]>(`SELECT "id" FROM "${table}" ${where} ORDER BY "id"`)).map((r) =>
    gid(type, r.id),
  );
}

const W = {
  user: {} as Record<string, number>,
  store: {} as Record<string, string>,
  role: {} as Record<string, string>,
  collaborator: {} as Record<string, string>,
  member: {} as Record<string, string>,
  partner: {} as Record<string, string>,
  organization: {} as Record<string, string>,
  staffRows: [] as string[],
};

// ---- the database's fingerprint -----------------------------------------------------------------

let TABLES: string[] = [];
/** Refused attempts are counted, by design: R3's wrong request codes, sign-in failures and locks. */
const REFUSAL_EVENT = /(failed|lock|throttl)/i; // e.g. collaborator.request_code_failed

type Fingerprint = Record<string, number>;

async function fingerprint(): Promise<Fingerprint> {
  const counts = TABLES.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(", ");
  const [row] = await ds.query<Record<string, unknown>[]>(
    `SELECT ${counts}, (SELECT MAX("id") FROM "audit_events") AS "audit_max"`,
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v ?? 0)]));
}

/** Nothing changed but what refused attempts may record (and the tables given). */
async function expectUnchanged(before: Fingerprint, mayChange: readonly string[], context: string) {
  const after = await fingerprint();
  const events = await ds.query<{ action: string }[]>(
    `SELECT "action" FROM "audit_events" WHERE "id" > ${before.audit_max} ORDER BY "id"`,
  );
  const unexpected = events.map((e) => e.action).filter((a) => !REFUSAL_EVENT.test(a));
  expect(unexpected, `audit events of a refused ${context}`).toEqual([]);
  const ignored = new Set(["audit_events", "audit_chain_head", "audit_max", "request_code_misses", ...mayChange]);
  const changed = TABLES.filter((t) => !ignored.has(t) && after[t] !== before[t]).map(
    (t) => `${t}: ${before[t]} -> ${after[t]}`,
  );
  expect(changed, `tables changed by a refused ${context}`).toEqual([]);
}

// ---- what every answer must be ----------------------------------------------------------------

const CODES = new Set([
  "UNAUTHENTICATED",
  "ACCESS_DENIED",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "THROTTLED",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "MAX_DEPTH_EXCEEDED",
  "MAX_ALIASES_EXCEEDED",
  "MAX_COST_EXCEEDED",
  "PAYLOAD_TOO_LARGE",
]);
const STACK_FRAME = /\n\s+at \S.*:\d+:\d+/;

const stats = { runs: 0, throttled: 0, reached: 0 };
/** FUZZ_STATS=1 prints what each mutation answered, to see that the runs reach deep into the services. */
const outcomes: Record<string, Record<string, number>> = {};

/** What every property's mutation answers: a payload with its userErrors (or null). */
type Payloads = Record<string, { userErrors: { code: string | null }[] } | null>;

/** Checks an answer; tells whether the call was refused and whether a resolver ran. */
function judge(answer: Answer<Payloads>, field: string): { refused: boolean; reached: boolean } {
  stats.runs++;
  expect([200, 400, 413, 429], `HTTP status of ${field}: ${answer.text.slice(0, 500)}`).toContain(answer.status);
  expect(answer.text).not.toMatch(/stacktrace/i);
  expect(answer.text).not.toMatch(STACK_FRAME);
  expect(answer.text).not.toMatch(/QueryFailedError|SQLITE_|driverError|Internal server error/);
  if (answer.json === null) {
    expect(answer.status, `a body that is not JSON: ${answer.text.slice(0, 200)}`).toBe(413);
    return { refused: true, reached: false };
  }
  const errors = answer.json.errors ?? [];
  for (const error of errors) {
    expect(CODES, `error code of ${field}: ${JSON.stringify(error).slice(0, 500)}`).toContain(error.extensions?.code);
    if (error.extensions?.code === "THROTTLED") stats.throttled++;
  }
  if (answer.status === 429) expect(errors.map((e) => e.extensions?.code)).toContain("THROTTLED");
  const result = answer.json.data?.[field];
  const reached = !!result || errors.some((e) => e.path?.[0] === field);
  if (reached) stats.reached++;
  const refused = answer.status !== 200 || errors.length > 0 || !result || (result.userErrors?.length ?? 0) > 0;
  if (process.env.FUZZ_STATS) {
    const outcome = errors.length
      ? `top:${errors[0].extensions?.code}`
      : result?.userErrors?.length
        ? `ue:${result.userErrors[0].code}`
        : "accepted";
    const counts = (outcomes[field] ??= {});
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return { refused, reached };
}

// ---- hostile values ---------------------------------------------------------------------------

const SQLISH = [
  "'; DROP TABLE users; --",
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR ""="',
  "admin'--",
  "1; SELECT pg_sleep(5); --",
  '%\' UNION SELECT "tokenHash" FROM sessions --',
  "') ON CONFLICT DO NOTHING; --",
  "$1",
  "?",
  "%",
  "_",
  "\\",
  "\\x00",
  "*/ /*",
];
const WEIRD = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\u202Eevil.exe",
  "مرحبا بالعالم",
  "שלום עולם",
  "👩‍👩‍👧‍👦🏳️‍🌈🔥",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
  "\uFEFF",
  "\uD800",
  "x\uDFFFy",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "true",
  "<script>alert(1)</script>",
  "${7*7}",
  "{{constructor.constructor('x')()}}",
  "__proto__",
  "constructor",
  "../../../etc/passwd",
  "gid://latchkey/Store/1",
  "a@b.co",
  "ERIN@EXAMPLE.COM",
  "\u00A0",
  "ǅ",
  "ß",
  "İ",
];
const PIECES = ["a", "é", "𝒳", "🔥", "'", " ", "漢", "\u0301", "-", "0"];

/** A string of about n characters of one piece (an emoji counts two UTF-16 units). */
const sized = (min: number, max: number) =>
  fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min, max })).map(([piece, n]) => piece.repeat(n));

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SQLISH, ...WEIRD) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.oneof(sized(195, 205), sized(1995, 2005), sized(9995, 10_005)) },
  { weight: 1, arbitrary: sized(10_006, 100_000) },
);

/** Now and then, a value of the wrong type (GraphQL refuses it with a coded error). */
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.constant({ nested: { deep: ["x"] } }),
  fc.constant(null),
);
const w = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 40, arbitrary: arb }, { weight: 1, arbitrary: wrongType });
/** Absent, null, or a value. */
const opt = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: arb },
  );

/** Mostly short lists; now and then one around and beyond 250 items (of a short item). */
const list = <T>(item: fc.Arbitrary<T>, short: fc.Arbitrary<T> = item) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(item, { maxLength: 5 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(short, fc.integer({ min: 245, max: 400 }))
        .map(([x, n]) => Array.from({ length: n }, () => x)),
    },
  );

const malformedIds = (type: string) => [
  `gid://latchkey/${type}/abc`,
  `gid://latchkey/${type}/-1`,
  `gid://latchkey/${type}/0`,
  `gid://latchkey/${type}/01`,
  `gid://latchkey/${type}/1.5`,
  `gid://latchkey/${type}/1e3`,
  `gid://latchkey/${type}/0x10`,
  `gid://latchkey/${type}/ 1`,
  `gid://latchkey/${type}/`,
  `gid://latchkey/${type}`,
  `gid://latchkey/${type}/999999999999999999999`,
  `gid://latchkey/${type}/99999999999`,
  `gid://latchkey/${type}/2147483648`,
  `gid://latchkey/${type}/999999999999999`,
  `gid://other/${type}/1`,
  `GID://LATCHKEY/${type.toUpperCase()}/1`,
  `gid://latchkey/${type.toLowerCase()}/1`,
  "",
  " ",
  "1",
  "gid://latchkey/Nope/1",
  `gid://latchkey/${type}/1/2`,
  `gid://latchkey/${type}/1?x=1`,
  `gid://latchkey/${type}/1'; DROP TABLE stores; --`,
];

let everyId: string[] = [];

/**
 * An id of a type: mostly from the pool (the viewer's own objects and other stores' and
 * organizations' ones; repeat an id to weigh it), else malformed, of another type, unknown, or text.
 */
const idOf = (type: string, pool: string[]) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...pool) },
    { weight: 2, arbitrary: fc.constantFrom(...malformedIds(type)) },
    { weight: 1, arbitrary: fc.constantFrom(...everyId) },
    { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 2 ** 31 - 1 }).map((n) => gid(type, n)) },
    { weight: 1, arbitrary: text },
  );

const STORE_HANDLES = PERMISSIONS.map((p) => p.handle);
const permission = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(...STORE_HANDLES, "app:theme-kit", "channel:pos", "orders", "products.view"),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "APP:x",
      "app:",
      `app:${"a".repeat(64)}`,
      `app:${"a".repeat(65)}`,
      "orders ",
      " orders",
      "ORDERS",
      "orders.*",
      "*",
    ),
  },
  { weight: 1, arbitrary: text },
);
const partnerPermission = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PARTNER_PERMISSIONS) },
  { weight: 1, arbitrary: text },
);
const enumOf = (...values: string[]) =>
  fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom("owner", "ROOT", "", "ALL; --") },
  );
const email = fc.oneof(
  { weight: 2, arbitrary: fc.emailAddress() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "someone.new@example.com",
      "x@y.io",
      "a@b.c",
      "not-an-email",
      "@example.com",
      "a@",
      "a b@example.com",
      `${"a".repeat(310)}@example.com`,
    ),
  },
  { weight: 2, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }), text)
      .map(([a, b]) => `${a}@${b}.com`),
  },
);
const validName = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 });
const nameLike = fc.oneof({ weight: 1, arbitrary: validName }, { weight: 1, arbitrary: text });
const bool = w(fc.boolean());

// ---- the properties ---------------------------------------------------------------------------

interface Property {
  mutation: string;
  viewer: string | null;
  query: TypedDocumentNode<Payloads, never>;
  variables: () => Promise<fc.Arbitrary<Record<string, unknown>>> | fc.Arbitrary<Record<string, unknown>>;
  /** Tables a refused call may write (sign-in's sessions and devices). */
  mayChange?: string[];
  numRuns?: number;
}

const PARTNER_STORE_CREATE = graphql(`
  mutation FuzzPartnerStoreCreate($input: PartnerStoreCreateInput!) {
    partnerStoreCreate(input: $input) {
      store {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
/** The name of the viewer, or what is wrong with it. */
const VIEWER_UPDATE = graphql(`
  mutation FuzzViewerUpdateName($input: ViewerUpdateInput!) {
    viewerUpdate(input: $input) {
      userErrors {
        field
        message
        code
      }
    }
  }
`);

beforeAll(async () => {
  clock.reset();
  const { db, drop } = await migratedDatabase();
  ds = createDataSource(db);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  await loadFixture(ds, readFixture());
  const app = await createServer(ds, {
    limits: { ...DEFAULT_LIMITS, costBucketSize: 1_000_000, costLeakPerSecond: 1_000_000 },
  });
  const port = await app.listen(0, "127.0.0.1");
  url = `http://127.0.0.1:${port}`;
  closeAll = async () => {
    await app.close();
    await ds.destroy();
    await drop();
    clock.reset();
  };
  TABLES = [...new Set(ds.entityMetadatas.filter((m) => m.tableType !== "view").map((m) => m.tableName))].sort();
  for (const key of VIEWERS) await signIn(key);

  for (const row of await ds.query<{ id: number; email: string }[]>(`SELECT "id", "email" FROM "users"`))
    W.user[String(row.email).split("@")[0]] = Number(row.id);
  for (const [key, domain] of [
    ["acmeEu", "acme-eu"],
    ["acmeUs", "acme-us"],
    ["nordic", "nordic"],
    ["studio", "studio"],
  ]) {
    W.store[key] = gid("Store", await idWhere("stores", { domain: `${domain}.example.com` }));
  }
  for (const name of [
    "Fulfilment",
    "Team lead",
    "Point of sale",
    "Support",
    "Editor",
    "Org merchandiser",
    "Billing viewer",
    "Administrator",
    "Organization administrator",
    "Store user administrator",
  ]) {
    W.role[name] = gid("Role", await idWhere("roles", { name }));
  }
  const storeRow = (key: string) => Number(W.store[key].split("/").pop());
  for (const [key, user, store] of [
    ["piaEu", "pia", "acmeEu"],
    ["peteUs", "pete", "acmeUs"],
    ["kiraNordic", "kira", "nordic"],
  ] as const) {
    W.collaborator[key] = gid(
      "Collaborator",
      await idWhere("store_users", { userId: W.user[user], storeId: storeRow(store) }),
    );
  }
  W.staffRows = await allIds("store_users", "Collaborator", `WHERE "userType" = 'STAFF'`);
  W.partner.pixel = gid("PartnerOrganization", await idWhere("partner_organizations", { name: "Pixel Union" }));
  W.partner.koi = gid("PartnerOrganization", await idWhere("partner_organizations", { name: "Koi Commerce" }));
  W.organization.acme = gid("Organization", await idWhere("organizations", { name: "Acme" }));
  for (const key of ["pat", "pia", "pete", "pax", "stan", "kai", "kira"])
    W.member[key] = gid("PartnerMember", await idWhere("partner_members", { userId: W.user[key] }));
  // A development store of Pixel Union, for the partner store mutations to aim at.
  const created = await send("pat", PARTNER_STORE_CREATE, {
    input: {
      partnerOrganizationId: W.partner.pixel,
      storeType: "DEVELOPMENT",
      name: "Pixel Dev",
      domain: "pixel-dev.example.com",
    },
  });
  const pixelDev = created.json?.data?.partnerStoreCreate?.store?.id;
  if (!pixelDev) throw new Error(`cannot create Pixel's development store: ${created.text}`);
  W.store.pixelDev = pixelDev;
  everyId = [
    ...Object.values(W.store),
    ...Object.values(W.role),
    ...Object.values(W.collaborator),
    ...W.staffRows,
    ...Object.values(W.partner),
    ...Object.values(W.organization),
    ...Object.values(W.member),
    ...Object.values(W.user).map((id) => gid("User", id)),
    ...W.staffRows.map((id) => id.replace("/Collaborator/", "/StoreUser/")),
  ];
});

afterAll(async () => {
  if (process.env.FUZZ_STATS) console.log(JSON.stringify(outcomes, null, 1));
  await closeAll();
});

const stores = () => Object.values(W.store);
const roles = () => Object.values(W.role);
const collaborators = () => [...Object.values(W.collaborator), ...W.staffRows];
const partners = () => Object.values(W.partner);
/** An id repeated, to weigh it in a pool. */
const thrice = (id: string) => [id, id, id];
const requests = () => allIds("store_users", "Collaborator", `WHERE "status" = 'REQUESTED'`);

function storeAccessInput(storeIds: string[] = stores()) {
  return fc.record({
    storeType: enumOf("DEVELOPMENT", "MANAGED", "PLUS_SANDBOX"),
    access: enumOf("NONE", "ALL", "SPECIFIC"),
    storeIds: opt(w(list(idOf("Store", storeIds), fc.constantFrom(...storeIds)))),
    actions: opt(w(list(enumOf("ADD_ARCHIVE_UNARCHIVE", "TRANSFER", "ADD_REMOVE"), fc.constant("ADD_REMOVE")))),
  });
}

const PROPERTIES: Property[] = [
  // ---- account (R27): the viewer's own, and the public steps ----
  {
    mutation: "viewerUpdate",
    viewer: "nora",
    query: graphql(`
      mutation FuzzViewerUpdate($input: ViewerUpdateInput!) {
        viewerUpdate(input: $input) {
          user {
            id
            name
            preferredLanguage
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        input: w(
          fc.record({
            name: opt(w(nameLike)),
            preferredLanguage: opt(
              w(fc.oneof(fc.constantFrom("en", "sv", "pt-BR", "PT-br", " de ", "xx", "zh-Hans-CN"), text)),
            ),
          }),
        ),
      }),
  },
  {
    // Real accounts that no property signs in as, so that a lock-out hurts nobody here.
    mutation: "signIn",
    viewer: null,
    query: graphql(`
      mutation FuzzSignIn($input: SignInInput!) {
        signIn(input: $input) {
          token
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        input: w(
          fc.record({
            email: w(
              fc.oneof(
                fc.constantFrom("ada@example.com", " DAN@example.com ", "uma@example.com", "owen@example.com"),
                email,
              ),
            ),
            password: w(text),
            otp: opt(w(fc.oneof(text, fc.stringMatching(/^[0-9]{6}$/)))),
            client: opt(enumOf("PARTNER_DASHBOARD", "ADMIN", "MOBILE_APP")),
          }),
        ),
      }),
    mayChange: ["sessions", "known_devices"],
  },
  {
    mutation: "passwordResetRequest",
    viewer: null,
    query: graphql(`
      mutation FuzzPasswordResetRequest($email: String!) {
        passwordResetRequest(email: $email) {
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () => fc.record({ email: w(fc.oneof(fc.constantFrom("uma@example.com", "owen@example.com "), email)) }),
  },
  {
    mutation: "passwordReset",
    viewer: null,
    query: graphql(`
      mutation FuzzPasswordReset($token: String!, $newPassword: String!) {
        passwordReset(token: $token, newPassword: $newPassword) {
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () => fc.record({ token: w(text), newPassword: w(text) }),
  },
  {
    mutation: "partnerInvitationAccept",
    viewer: null,
    query: graphql(`
      mutation FuzzPartnerInvitationAccept($input: PartnerInvitationAcceptInput!) {
        partnerInvitationAccept(input: $input) {
          partnerMember {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({ input: w(fc.record({ token: w(text), name: opt(w(nameLike)), password: opt(w(text)) })) }),
  },
  {
    // The current password is never erin's: nothing changes, and her token stays.
    mutation: "passwordChange",
    viewer: "erin",
    query: graphql(`
      mutation FuzzPasswordChange($c: String!, $n: String!) {
        passwordChange(currentPassword: $c, newPassword: $n) {
          user {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () => fc.record({ c: w(text), n: w(fc.oneof(text, fc.constant("a-strong-new-password"))) }),
  },
  {
    mutation: "twoFactorConfirm",
    viewer: "kira",
    query: graphql(`
      mutation FuzzTwoFactorConfirm($otp: String!) {
        twoFactorConfirm(otp: $otp) {
          recoveryCodes
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () => fc.record({ otp: w(fc.oneof(text, fc.stringMatching(/^[0-9]{6}$/))) }),
  },
  {
    mutation: "twoFactorDisable",
    viewer: "sam",
    query: graphql(`
      mutation FuzzTwoFactorDisable($password: String!) {
        twoFactorDisable(password: $password) {
          user {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () => fc.record({ password: w(text) }),
  },

  // ---- the collaborator lifecycle (R1-R21) ----
  {
    // kira (Koi staff, managed stores: all) asks; her name has the maximal 200 characters (set in the test).
    mutation: "collaboratorRequestCreate",
    viewer: "kira",
    query: graphql(`
      mutation FuzzCollaboratorRequestCreate($input: CollaboratorRequestCreateInput!) {
        collaboratorRequestCreate(input: $input) {
          collaborator {
            id
            status
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        input: w(
          fc.record({
            storeDomain: w(
              fc.oneof(
                {
                  weight: 4,
                  arbitrary: fc.constantFrom(
                    "acme-eu.example.com",
                    "acme-us.example.com",
                    "nordic.example.com",
                    "studio.example.com",
                    " ACME-EU.example.COM ",
                    "nordic.example.com.",
                  ),
                },
                { weight: 1, arbitrary: text },
              ),
            ),
            requestCode: opt(
              w(
                fc.oneof(
                  { weight: 3, arbitrary: fc.constantFrom("4821", "7310", "1234", "5555", " 4821 ") },
                  { weight: 1, arbitrary: text },
                ),
              ),
            ),
            permissions: w(list(permission, fc.constantFrom("orders", "nope"))),
            message: opt(w(text)),
            partnerOrganizationId: opt(w(idOf("PartnerOrganization", [...thrice(W.partner.koi), W.partner.pixel]))),
          }),
        ),
      }),
    numRuns: 60,
  },
  {
    // nora owns Nordic, where kira's request waits; the other ids are foreign to her.
    mutation: "collaboratorRequestAccept",
    viewer: "nora",
    query: graphql(`
      mutation FuzzCollaboratorRequestAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {
        collaboratorRequestAccept(id: $id, input: $input) {
          collaborator {
            id
            status
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        id: w(
          idOf("Collaborator", [
            ...thrice(W.collaborator.kiraNordic),
            ...thrice(W.collaborator.kiraNordic),
            ...collaborators(),
          ]),
        ),
        input: opt(
          w(
            fc.record({
              roleIds: opt(w(list(idOf("Role", [...thrice(W.role.Support), ...roles()]), fc.constantFrom(...roles())))),
              autoRole: opt(
                w(fc.record({ name: opt(w(nameLike)), permissions: opt(w(list(permission, fc.constant("orders")))) })),
              ),
              dropAutoRole: opt(bool),
            }),
          ),
        ),
      }),
  },
  {
    // erin decides on her stores' pending requests (kira's, if the fuzzer made some); the rest is foreign.
    mutation: "collaboratorRequestReject",
    viewer: "erin",
    query: graphql(`
      mutation FuzzCollaboratorRequestReject($id: ID!) {
        collaboratorRequestReject(id: $id) {
          collaborator {
            id
            status
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () => fc.record({ id: w(idOf("Collaborator", [...(await requests()), ...collaborators()])) }),
  },
  {
    mutation: "collaboratorRequestWithdraw",
    viewer: "kira",
    query: graphql(`
      mutation FuzzCollaboratorRequestWithdraw($id: ID!) {
        collaboratorRequestWithdraw(id: $id) {
          collaborator {
            id
            status
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () => fc.record({ id: w(idOf("Collaborator", [...(await requests()), ...collaborators()])) }),
  },
  {
    // The password is never erin's, so nobody is removed.
    mutation: "collaboratorRemove",
    viewer: "erin",
    query: graphql(`
      mutation FuzzCollaboratorRemove($id: ID!, $password: String!) {
        collaboratorRemove(id: $id, password: $password) {
          collaborator {
            id
            status
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        id: w(idOf("Collaborator", [...thrice(W.collaborator.piaEu), ...collaborators()])),
        password: w(text),
      }),
  },
  {
    mutation: "collaboratorRolesSet",
    viewer: "erin",
    query: graphql(`
      mutation FuzzCollaboratorRolesSet($id: ID!, $roleIds: [ID!]!) {
        collaboratorRolesSet(id: $id, roleIds: $roleIds) {
          collaborator {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        id: w(
          idOf("Collaborator", [...thrice(W.collaborator.piaEu), ...thrice(W.collaborator.peteUs), ...collaborators()]),
        ),
        roleIds: w(
          list(
            idOf("Role", [...thrice(W.role.Fulfilment), ...thrice(W.role["Org merchandiser"]), ...roles()]),
            fc.constantFrom(...roles()),
          ),
        ),
      }),
  },
  {
    mutation: "organizationCollaboratorsRoleAssign",
    viewer: "oscar",
    query: graphql(`
      mutation FuzzOrganizationCollaboratorsRoleAssign($o: ID!, $r: ID!) {
        organizationCollaboratorsRoleAssign(organizationId: $o, roleId: $r) {
          assignedCount
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        o: w(idOf("Organization", [...thrice(W.organization.acme), ...stores()])),
        r: w(idOf("Role", roles())),
      }),
  },
  {
    mutation: "storeCollaboratorCodeRegenerate",
    viewer: "nora",
    query: graphql(`
      mutation FuzzStoreCollaboratorCodeRegenerate($s: ID!) {
        storeCollaboratorCodeRegenerate(storeId: $s) {
          code
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () => fc.record({ s: w(idOf("Store", stores())) }),
  },
  {
    mutation: "storeCollaboratorSettingsUpdate",
    viewer: "nora",
    query: graphql(`
      mutation FuzzStoreCollaboratorSettingsUpdate($s: ID!, $r: Boolean!) {
        storeCollaboratorSettingsUpdate(storeId: $s, requireRequestCode: $r) {
          store {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () => fc.record({ s: w(idOf("Store", stores())), r: bool }),
  },
  {
    mutation: "collaboratorRequestBlockLift",
    viewer: "sam",
    query: graphql(`
      mutation FuzzCollaboratorRequestBlockLift($s: ID!, $p: ID!) {
        collaboratorRequestBlockLift(storeId: $s, partnerOrganizationId: $p) {
          store {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () => fc.record({ s: w(idOf("Store", stores())), p: w(idOf("PartnerOrganization", partners())) }),
  },
  {
    // Nordic's only staff (nils) is left out of the pool: nora keeps her store.
    mutation: "storeOwnershipTransfer",
    viewer: "nora",
    query: graphql(`
      mutation FuzzStoreOwnershipTransfer($s: ID!, $u: ID!) {
        storeOwnershipTransfer(storeId: $s, userId: $u) {
          store {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        s: w(idOf("Store", [...thrice(W.store.nordic), ...stores()])),
        u: w(
          idOf(
            "User",
            Object.entries(W.user)
              .filter(([k]) => k !== "nils")
              .map(([, id]) => gid("User", id)),
          ),
        ),
      }),
  },
  {
    mutation: "roleCreate",
    viewer: "erin",
    query: graphql(`
      mutation FuzzRoleCreate($input: RoleCreateInput!) {
        roleCreate(input: $input) {
          role {
            id
            name
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        input: w(
          fc.record({
            storeId: opt(w(idOf("Store", [...thrice(W.store.acmeEu), ...stores()]))),
            organizationId: opt(w(idOf("Organization", Object.values(W.organization)))),
            name: w(nameLike),
            permissions: w(list(permission, fc.constantFrom("orders", "nope"))),
          }),
        ),
      }),
  },
  {
    mutation: "roleUpdate",
    viewer: "erin",
    query: graphql(`
      mutation FuzzRoleUpdate($id: ID!, $input: RoleUpdateInput!) {
        roleUpdate(id: $id, input: $input) {
          role {
            id
            name
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        id: w(idOf("Role", [...thrice(W.role["Point of sale"]), ...thrice(W.role["Team lead"]), ...roles()])),
        input: w(fc.record({ name: opt(w(nameLike)), permissions: opt(w(list(permission, fc.constant("orders")))) })),
      }),
  },
  {
    mutation: "roleDelete",
    viewer: "nora",
    query: graphql(`
      mutation FuzzRoleDelete($id: ID!) {
        roleDelete(id: $id) {
          deletedRoleId
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () => fc.record({ id: w(idOf("Role", roles())) }),
  },

  // ---- partner organizations (R22-R27, R30) ----
  {
    mutation: "partnerMemberInvite",
    viewer: "pat",
    query: graphql(`
      mutation FuzzPartnerMemberInvite($input: PartnerMemberInviteInput!) {
        partnerMemberInvite(input: $input) {
          partnerMember {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () => {
      const storeIds = await allIds("stores", "Store");
      return fc.record({
        input: w(
          fc.record({
            partnerOrganizationId: w(idOf("PartnerOrganization", [...thrice(W.partner.pixel), W.partner.koi])),
            email: w(email),
            type: enumOf("OWNER", "STAFF"),
            permissions: opt(w(list(partnerPermission, fc.constantFrom("manage_apps", "nope")))),
            storeAccess: opt(w(list(storeAccessInput(storeIds), storeAccessInput(storeIds)))),
          }),
        ),
      });
    },
  },
  {
    // pat's own membership is left out: he stays an owner of Pixel Union.
    mutation: "partnerMemberUpdate",
    viewer: "pat",
    query: graphql(`
      mutation FuzzPartnerMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {
        partnerMemberUpdate(id: $id, input: $input) {
          partnerMember {
            id
            type
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () => {
      const storeIds = await allIds("stores", "Store");
      return fc.record({
        id: w(
          idOf(
            "PartnerMember",
            Object.entries(W.member)
              .filter(([k]) => k !== "pat")
              .map(([, id]) => id),
          ),
        ),
        input: w(
          fc.record({
            type: opt(enumOf("OWNER", "STAFF")),
            permissions: opt(w(list(partnerPermission, fc.constantFrom("manage_apps", "nope")))),
            storeAccess: opt(w(list(storeAccessInput(storeIds), storeAccessInput(storeIds)))),
          }),
        ),
      });
    },
  },
  {
    // Koi's members are foreign to pat; pax (Pixel staff, no store access) may go. pat's own id is
    // left out: once the fuzzer has promoted another owner, removing himself would be accepted.
    mutation: "partnerMemberRemove",
    viewer: "pat",
    query: graphql(`
      mutation FuzzPartnerMemberRemove($id: ID!) {
        partnerMemberRemove(id: $id) {
          removedPartnerMemberId
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({ id: w(idOf("PartnerMember", [...thrice(W.member.kai), ...thrice(W.member.kira), W.member.pax])) }),
  },
  {
    mutation: "partnerMemberInviteResend",
    viewer: "pat",
    query: graphql(`
      mutation FuzzPartnerMemberInviteResend($id: ID!) {
        partnerMemberInviteResend(id: $id) {
          partnerMember {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () =>
      fc.record({ id: w(idOf("PartnerMember", await allIds("partner_members", "PartnerMember"))) }),
  },
  {
    mutation: "partnerMemberInviteRevoke",
    viewer: "pat",
    query: graphql(`
      mutation FuzzPartnerMemberInviteRevoke($id: ID!) {
        partnerMemberInviteRevoke(id: $id) {
          revokedPartnerMemberId
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () =>
      fc.record({ id: w(idOf("PartnerMember", await allIds("partner_members", "PartnerMember"))) }),
  },
  {
    mutation: "partnerStoreTeamUpdate",
    viewer: "pat",
    query: graphql(`
      mutation FuzzPartnerStoreTeamUpdate($input: PartnerStoreTeamUpdateInput!) {
        partnerStoreTeamUpdate(input: $input) {
          storeTeam {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () => {
      const members = await allIds("partner_members", "PartnerMember");
      const storeIds = await allIds("stores", "Store");
      return fc.record({
        input: w(
          fc.record({
            partnerOrganizationId: w(idOf("PartnerOrganization", [...thrice(W.partner.pixel), W.partner.koi])),
            storeId: w(idOf("Store", [...thrice(W.store.pixelDev), ...storeIds])),
            addMemberIds: opt(w(list(idOf("PartnerMember", members), fc.constantFrom(...members)))),
            removeMemberIds: opt(w(list(idOf("PartnerMember", members), fc.constantFrom(...members)))),
          }),
        ),
      });
    },
  },
  {
    mutation: "partnerStoreCreate",
    viewer: "pat",
    query: PARTNER_STORE_CREATE,
    variables: () =>
      fc.record({
        input: w(
          fc.record({
            partnerOrganizationId: w(idOf("PartnerOrganization", [...thrice(W.partner.pixel), W.partner.koi])),
            storeType: enumOf("DEVELOPMENT", "DEVELOPMENT", "PLUS_SANDBOX", "MANAGED"),
            name: w(nameLike),
            domain: w(
              fc.oneof(
                fc.domain(),
                fc.constantFrom(
                  "acme-eu.example.com",
                  "pixel-dev.example.com",
                  "UPPER.Example.COM",
                  "-bad-.example.com",
                  "a..b.com",
                  "x.y",
                ),
                text,
              ),
            ),
          }),
        ),
      }),
  },
  {
    mutation: "partnerStoreArchive",
    viewer: "pat",
    query: graphql(`
      mutation FuzzPartnerStoreArchive($id: ID!) {
        partnerStoreArchive(id: $id) {
          store {
            id
            archivedAt
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () =>
      fc.record({ id: w(idOf("Store", [...thrice(W.store.pixelDev), ...(await allIds("stores", "Store"))])) }),
  },
  {
    mutation: "partnerStoreUnarchive",
    viewer: "pat",
    query: graphql(`
      mutation FuzzPartnerStoreUnarchive($id: ID!) {
        partnerStoreUnarchive(id: $id) {
          store {
            id
            archivedAt
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () =>
      fc.record({ id: w(idOf("Store", [...thrice(W.store.pixelDev), ...(await allIds("stores", "Store"))])) }),
  },
  {
    mutation: "partnerStoreTransfer",
    viewer: "pat",
    query: graphql(`
      mutation FuzzPartnerStoreTransfer($id: ID!, $m: String!) {
        partnerStoreTransfer(id: $id, merchantEmail: $m) {
          store {
            id
            storeType
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () =>
      fc.record({
        id: w(idOf("Store", [...thrice(W.store.pixelDev), ...(await allIds("stores", "Store"))])),
        m: w(
          fc.oneof(
            fc.constantFrom("owen@example.com", "pia@example.com", "kira@example.com", " OWEN@example.com"),
            email,
          ),
        ),
      }),
  },
  {
    mutation: "partnerOrganizationReport",
    viewer: "nora",
    query: graphql(`
      mutation FuzzPartnerOrganizationReport($input: PartnerOrganizationReportInput!) {
        partnerOrganizationReport(input: $input) {
          report {
            id
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: () =>
      fc.record({
        input: w(
          fc.record({
            storeId: w(idOf("Store", [...thrice(W.store.nordic), ...stores()])),
            partnerOrganizationId: w(idOf("PartnerOrganization", [...thrice(W.partner.koi), W.partner.pixel])),
            reason: w(fc.oneof(text, fc.string({ unit: "grapheme", minLength: 10, maxLength: 80 }))),
          }),
        ),
      }),
  },
  {
    mutation: "partnerReportClose",
    viewer: "sam",
    query: graphql(`
      mutation FuzzPartnerReportClose($id: ID!, $r: String!) {
        partnerReportClose(id: $id, resolution: $r) {
          report {
            id
            status
          }
          userErrors {
            field
            message
            code
          }
        }
      }
    `),
    variables: async () => {
      const reports = await allIds("partner_reports", "PartnerReport");
      return fc.record({
        id: w(idOf("PartnerReport", reports.length ? reports : [gid("PartnerReport", 1)])),
        r: w(text),
      });
    },
  },
];

// First, on the world as the fixture has it.
describe("bounded sizes", () => {
  const CREATE = graphql(`
    mutation FuzzBoundedRequestCreate($input: CollaboratorRequestCreateInput!) {
      collaboratorRequestCreate(input: $input) {
        collaborator {
          id
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `);
  const ROLE = graphql(`
    mutation FuzzBoundedRoleCreate($input: RoleCreateInput!) {
      roleCreate(input: $input) {
        role {
          id
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `);
  const REJECT = graphql(`
    mutation FuzzBoundedRequestReject($id: ID!) {
      collaboratorRequestReject(id: $id) {
        userErrors {
          field
          message
          code
        }
      }
    }
  `);
  const INVITE = graphql(`
    mutation FuzzBoundedMemberInvite($input: PartnerMemberInviteInput!) {
      partnerMemberInvite(input: $input) {
        userErrors {
          field
          message
          code
        }
      }
    }
  `);
  const MEMBER_UPDATE = graphql(`
    mutation FuzzBoundedMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {
      partnerMemberUpdate(id: $id, input: $input) {
        userErrors {
          field
          message
          code
        }
      }
    }
  `);
  const NODES = graphql(`
    query FuzzBoundedNodes($ids: [ID!]!) {
      nodes(ids: $ids) {
        id
      }
    }
  `);

  async function refusedForSize<R>(
    viewer: string,
    query: TypedDocumentNode<R, never> | string,
    variables: unknown,
    names: string,
  ) {
    const before = await fingerprint();
    const answer = await send(viewer, query, variables);
    expect(answer.status).toBe(400);
    expect(answer.json?.data ?? null).toBeNull();
    expect(answer.json?.errors).toHaveLength(1);
    expect(answer.json?.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(answer.json?.errors?.[0].message).toContain(names);
    await expectUnchanged(before, [], names);
    return answer.json!.errors![0].message;
  }

  test("Security: names, messages and lists have bounded sizes", async () => {
    // A message of 10,001 characters: refused before any resolver runs, naming the argument.
    const message = await refusedForSize(
      "pat",
      CREATE,
      {
        input: {
          storeDomain: "nordic.example.com",
          requestCode: "1234",
          permissions: ["orders"],
          message: "m".repeat(10_001),
        },
      },
      "collaboratorRequestCreate(input.message)",
    );
    expect(message).toMatch(/10,001 characters; at most 10,000/);
    // The same written in the document, and through a fragment-free literal list (a document built
    // here, too long to be a typed one).
    await refusedForSize(
      "pat",
      `mutation { collaboratorRequestCreate(input: { storeDomain: "nordic.example.com", permissions: ["orders"], message: "${"m".repeat(10_001)}" }) { userErrors { field message code } } }`,
      {},
      "collaboratorRequestCreate(input.message)",
    );
    // Characters, not UTF-16 units: 10,000 emoji pass the bound and meet the service's rule (at most 2,000).
    const emoji = await send("pat", CREATE, {
      input: {
        storeDomain: "nordic.example.com",
        requestCode: "1234",
        permissions: ["orders"],
        message: "🔥".repeat(10_000),
      },
    });
    expect(emoji.status).toBe(200);
    expect(emoji.json?.data?.collaboratorRequestCreate?.userErrors).toEqual([
      { field: ["input", "message"], message: "The message has at most 2,000 characters.", code: "INVALID" },
    ]);

    // A list of 251 permissions: refused; 250 reach the service (which names the first unknown one).
    const list = await refusedForSize(
      "erin",
      ROLE,
      { input: { storeId: W.store.acmeEu, name: "Big", permissions: Array.from({ length: 251 }, (_, i) => `p${i}`) } },
      "roleCreate(input.permissions)",
    );
    expect(list).toMatch(/251 items; at most 250/);
    const most = await send("erin", ROLE, {
      input: { storeId: W.store.acmeEu, name: "Big", permissions: Array.from({ length: 250 }, (_, i) => `p${i}`) },
    });
    expect(most.json?.data?.roleCreate?.userErrors).toEqual([
      { field: ["input", "permissions", "0"], message: 'Unknown permission "p0".', code: "UNKNOWN_PERMISSION" },
    ]);

    // A role name of 10,001 characters, an id of 201, a list of ids inside an input object's list.
    await refusedForSize(
      "erin",
      ROLE,
      { input: { storeId: W.store.acmeEu, name: "n".repeat(10_001), permissions: ["orders"] } },
      "roleCreate(input.name)",
    );
    await refusedForSize(
      "erin",
      REJECT,
      { id: `gid://latchkey/Collaborator/${"1".repeat(201)}` },
      "collaboratorRequestReject(id)",
    );
    await refusedForSize(
      "pat",
      INVITE,
      {
        input: {
          partnerOrganizationId: W.partner.pixel,
          email: "new@example.com",
          type: "STAFF",
          storeAccess: [{ storeType: "MANAGED", access: "SPECIFIC", storeIds: Array(251).fill(W.store.acmeEu) }],
        },
      },
      "partnerMemberInvite(input.storeAccess.0.storeIds)",
    );
    // Queries too: nodes(ids:) takes at most 250 ids.
    const nodes = await send("erin", NODES, {
      ids: Array(251).fill(W.store.acmeEu),
    });
    expect(nodes.status).toBe(400);
    expect(nodes.json?.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(nodes.json?.errors?.[0].message).toContain("nodes(ids)");

    // More invalid values than GraphQL reports one by one (50): one coded refusal, not graphql-js's uncoded abort.
    const many = await send("pat", MEMBER_UPDATE, {
      id: W.member.pia,
      input: { storeAccess: Array.from({ length: 60 }, () => ({ storeType: "MANAGED", access: "EVERYTHING" })) },
    });
    expect(many.status).toBe(400);
    expect(many.json?.errors).toHaveLength(1);
    expect(many.json?.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(many.json?.errors?.[0].message).toMatch(
      /input\.storeAccess\[0\]\.access.*and more than 49 other invalid values/,
    );
    // Fewer are each reported, as GraphQL does.
    const few = await send("pat", MEMBER_UPDATE, {
      id: W.member.pia,
      input: { storeAccess: Array.from({ length: 3 }, () => ({ storeType: "MANAGED", access: "EVERYTHING" })) },
    });
    expect(few.status).toBe(400);
    expect(few.json?.errors?.map((e) => e.extensions?.code)).toEqual([
      "BAD_USER_INPUT",
      "BAD_USER_INPUT",
      "BAD_USER_INPUT",
    ]);

    // A NUL character cannot be stored (PostgreSQL), nor a lone surrogate as given: refused the same way on both databases.
    await refusedForSize("nora", VIEWER_UPDATE, { input: { name: "No\u0000ra" } }, "viewerUpdate(input.name)");
    await refusedForSize("nora", VIEWER_UPDATE, { input: { name: "Nora \uD83D" } }, "viewerUpdate(input.name)");
  });
});

describe("hostile input to every mutation", () => {
  const VERIFY = graphql(`
    query FuzzVerify {
      auditLogVerify {
        valid
        checkedCount
        problem
      }
    }
  `);

  for (const property of PROPERTIES) {
    test(`Security: ${property.mutation} never answers a 500 or changes anything on hostile input`, async () => {
      if (property.mutation === "collaboratorRequestCreate") {
        // The longest name a user may have must not break what is built from it (the auto-generated role's name).
        const named = await send("kira", VIEWER_UPDATE, { input: { name: `K${"ira ".repeat(50)}`.slice(0, 200) } });
        expect(named.json?.data?.viewerUpdate?.userErrors).toEqual([]);
      }
      let reached = 0;
      const variables = await property.variables();
      await fc.assert(
        fc.asyncProperty(variables, async (vars) => {
          const before = await fingerprint();
          const answer = await send(property.viewer, property.query, vars);
          const verdict = judge(answer, property.mutation);
          if (verdict.reached) reached++;
          if (verdict.refused) await expectUnchanged(before, property.mayChange ?? [], property.mutation);
        }),
        { numRuns: property.numRuns ?? 40 },
      );
      // The runs really reached the resolver, not only GraphQL's own checks.
      expect(reached).toBeGreaterThan(0);
    });
  }

  test("Security: the runs reach the resolvers (not the throttle), and the audit chain still verifies afterwards", async () => {
    expect(stats.runs).toBeGreaterThan(PROPERTIES.length * 30);
    expect(stats.throttled / stats.runs).toBeLessThan(0.1);
    expect(stats.reached / stats.runs).toBeGreaterThan(0.5);
    const verdict = await send("sam", VERIFY, {});
    expect(verdict.json?.errors).toBeUndefined();
    expect(verdict.json?.data?.auditLogVerify).toMatchObject({ valid: true, problem: null });
  });
});
