// `npm run bench:data -- --stores 1000 --collaborators 100000`: builds an organization-scale dataset
// for the benchmarks on the configured database (DATABASE_URL, default sqlite:data/bench.sqlite).
//
// It EMPTIES that database first (a SQLite file is deleted; on PostgreSQL the public schema is
// dropped and made again), runs the migrations, then fills the tables with multi-row INSERTs in
// batches inside transactions, with ids chosen here (no round trip per row for a generated id).
// What it makes, with the defaults:
// - one Plus organization "Bench Org" owning every store; its owner owns every store too (so that,
//   as organization owner, the store owner may accept a request with its auto-generated role, R10),
//   3 Organization administrators and 5 Store user administrators (each assigned to some stores);
// - 1,000 stores, each with ~8 store roles of 4-15 permissions, the owner's STAFF row and 10 staff
//   (the first one an Administrator, the others 1-2 store roles);
// - 50 partner organizations; partner users are STAFF members of one of them (MANAGED: ALL, with
//   ADD_REMOVE); a partner user holds accounts on several stores (R14), at most one per store (R29);
// - 100,000 ACTIVE collaborator accounts (last login within 60 days, partner dashboard login set),
//   each with an auto-generated role "<user name> x <store name>" of 8-12 permissions
//   (~1,000,000 role_permissions rows) and, one time in five, one store role as well;
// - 2,000 pending requests (REQUESTED, sent within the last day) over 5 stores, each with its
//   auto-generated role;
// - the "big store" (store 1) has --big-store-users store users (owner + staff + collaborators), the
//   "bench store" (store 2) exactly 50 ACTIVE collaborators and no pending request.
// The audit log, the outbox and sessions stay empty (an empty audit log is a valid hash chain).
// The same seed (--seed) gives the same dataset, except for the instants, which follow the clock.
// What it made goes to --out (default bench/dataset.json) for the benchmarks.
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import type { DataSource, QueryRunner } from "typeorm";
import { parseCommandLine, usageError } from "../src/cli";
import { clock, DAY_MS } from "../src/clock";
import { ConfigError, DatabaseConfig, parseDatabaseUrl } from "../src/config";
import { STORE_PERMISSION_HANDLES } from "../src/domain/roles/permissions";

/**
 * TypeORM, the entities and the password hashing: loaded once the command line and the plan are
 * checked (--help and a wrong argument need none of it).
 */
function databaseModules() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require("../src/db/data-source") as typeof import("../src/db/data-source")),
    ...(require("../src/domain/roles/role.service") as typeof import("../src/domain/roles/role.service")),
    ...(require("../src/domain/users/passwords") as typeof import("../src/domain/users/passwords")),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

const DEFAULT_DATABASE_URL = "sqlite:data/bench.sqlite";
const PASSWORD = "bench-password";
const EMAIL_DOMAIN = "bench.example.com";
const BENCH_STORE_COLLABORATORS = 50;
const ORG_ADMINS = 3;
const STORE_USER_ADMINS = 5;
const STORE_ROLE_NAMES = [
  "Online store editor",
  "Customer support",
  "Merchandiser",
  "Marketer",
  "Fulfilment",
  "Finance viewer",
  "Developer",
  "Analyst",
];
/** Commit every this many rows: bounded transactions (and SQLite WAL growth) without a commit per batch. */
const COMMIT_EVERY_ROWS = 250_000;

// ---------------------------------------------------------------- options

interface Options {
  stores: number;
  staff: number;
  collaborators: number;
  partners: number;
  bigStoreUsers: number;
  pending: number;
  pendingStores: number;
  seed: number;
  out: string;
  analyze: boolean;
  force: boolean;
}

const USAGE = `usage: node dist/bench/generate.js [options]   (database: DATABASE_URL, default ${DEFAULT_DATABASE_URL})
  --stores N            stores of the organization (1000)
  --staff N             staff per store, besides the owner (10)
  --collaborators N     ACTIVE collaborator accounts in all (100000)
  --partners N          partner organizations (50)
  --big-store-users N   store users of the first store, owner + staff + collaborators (5000)
  --pending N           pending REQUESTED requests (2000)
  --pending-stores N    stores the pending requests are spread over (5)
  --seed N              random seed (42)
  --out FILE            where to write what was made (bench/dataset.json)
  --analyze             also ANALYZE on SQLite (PostgreSQL is always vacuumed and analyzed)
  --force               empty the database even if it holds users that are not bench users
The database is emptied first.`;

const OPTION_SPEC = {
  stores: { type: "string" },
  staff: { type: "string" },
  collaborators: { type: "string" },
  partners: { type: "string" },
  "big-store-users": { type: "string" },
  pending: { type: "string" },
  "pending-stores": { type: "string" },
  seed: { type: "string" },
  out: { type: "string" },
  analyze: { type: "boolean" },
  force: { type: "boolean" },
} as const;

function parseOptions(): Options {
  const { values } = parseCommandLine({ usage: USAGE, options: OPTION_SPEC });
  const int = (name: string, raw: string | undefined, fallback: number, min = 0) => {
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < min) usageError(USAGE, `--${name} must be an integer >= ${min}, got "${raw}"`);
    return n;
  };
  return {
    stores: int("stores", values.stores, 1000, 2),
    staff: int("staff", values.staff, 10, 1),
    collaborators: int("collaborators", values.collaborators, 100_000),
    partners: int("partners", values.partners, 50, 1),
    bigStoreUsers: int("big-store-users", values["big-store-users"], 5000, 1),
    pending: int("pending", values.pending, 2000),
    pendingStores: int("pending-stores", values["pending-stores"], 5, 1),
    seed: int("seed", values.seed, 42),
    out: values.out ?? path.join("bench", "dataset.json"),
    analyze: values.analyze ?? false,
    force: values.force ?? false,
  };
}

// ---------------------------------------------------------------- the plan: how many of what, where

interface StorePlan {
  id: number;
  name: string;
  domain: string;
  staff: number;
  /** ACTIVE collaborator accounts. */
  active: number;
  /** REQUESTED rows. */
  pending: number;
}

interface Plan {
  options: Options;
  stores: StorePlan[];
  /** Partner users (the people behind collaborator accounts). */
  partnerUsers: number;
  bigStore: StorePlan;
  benchStore: StorePlan;
}

function makePlan(o: Options, rng: () => number): Plan {
  const stores: StorePlan[] = [];
  for (let id = 1; id <= o.stores; id++) {
    const n = String(id).padStart(4, "0");
    stores.push({
      id,
      name: `Bench Store ${n}`,
      domain: `bench-store-${n}.example.com`,
      staff: o.staff,
      active: 0,
      pending: 0,
    });
  }
  const [big, bench, ...rest] = stores;
  big.name = "Bench Big Store";
  bench.name = "Bench Throughput Store";

  // The big store: owner + staff + collaborators = --big-store-users.
  if (o.bigStoreUsers < 1 + o.staff)
    throw new ConfigError(
      `--big-store-users (${o.bigStoreUsers}) must be at least the owner and the staff: ${1 + o.staff}`,
    );
  big.active = o.bigStoreUsers - 1 - o.staff;
  bench.active = BENCH_STORE_COLLABORATORS;
  let left = o.collaborators - big.active - bench.active;
  if (left < 0) {
    throw new ConfigError(
      `--collaborators (${o.collaborators}) must cover the big store's ${big.active} and the bench store's ${bench.active} collaborators`,
    );
  }
  if (left > 0 && !rest.length)
    throw new ConfigError(`${left} collaborators are left for other stores, but --stores is 2`);

  // The other stores: collaborators spread with some unevenness (weights 0.5-1.5), summing exactly.
  const weights = rest.map(() => 0.5 + rng());
  const sum = weights.reduce((a, b) => a + b, 0);
  rest.forEach((s, i) => (s.active = Math.floor((left * weights[i]) / sum)));
  left -= rest.reduce((a, s) => a + s.active, 0);
  for (let i = 0; left > 0; i = (i + 1) % rest.length, left--) rest[i].active++;

  // Pending requests: over a few stores that are neither the big nor the bench store.
  if (o.pending > 0) {
    if (!rest.length) throw new ConfigError("pending requests need a third store (--stores 3 or more)");
    const where = rest.slice(0, Math.min(o.pendingStores, rest.length));
    where.forEach(
      (s, i) => (s.pending = Math.floor(o.pending / where.length) + (i < o.pending % where.length ? 1 : 0)),
    );
  }

  // About four accounts per partner user (R14), and enough of them for the busiest store (R29).
  const busiest = Math.max(...stores.map((s) => s.active + s.pending));
  const partnerUsers = Math.max(Math.ceil((o.collaborators + o.pending) / 4), busiest, o.partners);
  return { options: o, stores, partnerUsers, bigStore: big, benchStore: bench };
}

// ---------------------------------------------------------------- randomness (seeded: same seed, same data)

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

// ---------------------------------------------------------------- the two engines

interface Dialect {
  postgres: boolean;
  /** Rows per INSERT (capped by the engine's parameter limit). */
  batchRows: number;
  maxParams: number;
  placeholder(i: number): string;
  timestamp(d: Date): string;
  bool(b: boolean): boolean | number;
}

function dialectFor(db: DatabaseConfig): Dialect {
  if (db.kind === "postgres") {
    return {
      postgres: true,
      batchRows: 1000,
      maxParams: 65535,
      placeholder: (i) => `$${i}`,
      timestamp: (d) => d.toISOString(),
      bool: (b) => b,
    };
  }
  return {
    postgres: false,
    batchRows: 500,
    maxParams: 32766,
    placeholder: () => "?",
    // How TypeORM writes a `datetime` on SQLite: UTC, 'YYYY-MM-DD HH:MM:SS.SSS'.
    timestamp: (d) => d.toISOString().replace("T", " ").slice(0, 23),
    bool: (b) => (b ? 1 : 0),
  };
}

// ---------------------------------------------------------------- tables written (columns not listed keep their default: NULL)

const TABLES = {
  users: ["id", "email", "name", "passwordHash", "platformSupport", "preferredLanguage", "createdAt"],
  organizations: ["id", "name", "plus", "ownerId", "createdAt"],
  organization_members: ["id", "organizationId", "userId", "createdAt"],
  organization_member_roles: ["memberId", "roleId"],
  organization_member_stores: ["memberId", "storeId"],
  partner_organizations: ["id", "name", "plus", "createdAt"],
  partner_members: [
    "id",
    "partnerOrganizationId",
    "userId",
    "status",
    "type",
    "permissions",
    "storeAccess",
    "joinedAt",
    "createdAt",
  ],
  stores: [
    "id",
    "name",
    "domain",
    "email",
    "organizationId",
    "ownerId",
    "requestCode",
    "requireRequestCode",
    "staffLimit",
    "storeType",
    "partnerOrganizationId",
    "createdAt",
  ],
  roles: ["id", "name", "scope", "systemKey", "storeId", "organizationId", "autoGenerated", "createdAt"],
  role_permissions: ["roleId", "handle"],
  store_users: [
    "id",
    "storeId",
    "userId",
    "userType",
    "status",
    "partnerOrganizationId",
    "requestedPermissions",
    "message",
    "autoRoleId",
    "createdAt",
    "acceptedAt",
    "endedAt",
    "lastLoginAt",
    "dashboardLoginAt",
  ],
  store_user_roles: ["storeUserId", "roleId"],
} as const;
type Table = keyof typeof TABLES;
const TABLE_NAMES = Object.keys(TABLES) as Table[];

/** Where generated rows go: counted only (the first pass, for exact totals), or inserted. */
interface Sink {
  add(table: Table, row: unknown[]): Promise<void> | void;
  section(label: string): void;
}

class CountingSink implements Sink {
  counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<Table, number>;
  add(table: Table) {
    this.counts[table]++;
  }
  section() {}
}

/** Buffers rows per table and writes each full buffer as one multi-row INSERT. */
class InsertSink implements Sink {
  private buffers = new Map<Table, unknown[]>(TABLE_NAMES.map((t) => [t, []]));
  private fullSql = new Map<Table, string>();
  private sinceCommit = 0;
  counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<Table, number>;

  constructor(
    private qr: QueryRunner,
    private d: Dialect,
    private progress: Progress,
  ) {}

  private batchRows(table: Table) {
    return Math.min(this.d.batchRows, Math.floor(this.d.maxParams / TABLES[table].length));
  }

  private sql(table: Table, rows: number) {
    const cols = TABLES[table];
    const tuples: string[] = [];
    let p = 1;
    for (let r = 0; r < rows; r++) {
      const marks: string[] = [];
      for (let c = 0; c < cols.length; c++) marks.push(this.d.placeholder(p++));
      tuples.push(`(${marks.join(",")})`);
    }
    return `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES ${tuples.join(",")}`;
  }

  async add(table: Table, row: unknown[]) {
    const buffer = this.buffers.get(table)!;
    for (const v of row) buffer.push(v);
    if (buffer.length >= this.batchRows(table) * TABLES[table].length) await this.flush(table);
  }

  section(label: string) {
    this.progress.section(label);
  }

  private async flush(table: Table) {
    const params = this.buffers.get(table)!;
    if (!params.length) return;
    this.buffers.set(table, []);
    const rows = params.length / TABLES[table].length;
    let sql: string;
    if (rows === this.batchRows(table)) {
      sql = this.fullSql.get(table) ?? this.sql(table, rows);
      this.fullSql.set(table, sql);
    } else {
      sql = this.sql(table, rows);
    }
    await this.qr.query(sql, params);
    this.counts[table] += rows;
    this.progress.advance(rows);
    this.sinceCommit += rows;
    if (this.sinceCommit >= COMMIT_EVERY_ROWS) {
      await this.qr.commitTransaction();
      await this.qr.startTransaction();
      this.sinceCommit = 0;
    }
  }

  async flushAll() {
    for (const t of TABLE_NAMES) await this.flush(t);
  }
}

// ---------------------------------------------------------------- progress on stderr

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const clockTime = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

class Progress {
  private readonly started = Date.now();
  private label = "";
  private done = 0;
  private lastDraw = 0;
  private readonly tty = !!process.stderr.isTTY;

  constructor(private total: number) {}

  elapsedMs() {
    return Date.now() - this.started;
  }

  section(label: string) {
    this.label = label;
    this.draw();
  }

  advance(rows: number) {
    this.done += rows;
    this.draw();
  }

  /** A step with no row count (migrations, sequences, analyze): shown as its own line. */
  step(label: string) {
    this.label = label;
    this.draw(true);
  }

  line() {
    const pct = this.total ? (100 * this.done) / this.total : 100;
    const width = 24;
    const filled = Math.min(width, Math.round((pct / 100) * width));
    const seconds = this.elapsedMs() / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    return `${this.label.padEnd(26).slice(0, 26)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${fmt(this.done)}/${fmt(this.total)} rows ${pct.toFixed(1).padStart(5)}%  ${fmt(rate)} rows/s  ${clockTime(this.elapsedMs())}`;
  }

  draw(force = false) {
    const now = Date.now();
    // On a terminal: one line redrawn at most every 100 ms. Into a file: a line every 5 s.
    if (!force && now - this.lastDraw < (this.tty ? 100 : 5000)) return;
    this.lastDraw = now;
    if (this.tty) process.stderr.write(`\r${this.line()}\x1b[K`);
    else process.stderr.write(`${this.line()}\n`);
  }

  finish() {
    this.label = "done";
    this.draw(true);
    if (this.tty) process.stderr.write("\n");
  }
}

// ---------------------------------------------------------------- generation

interface GenerationIds {
  administratorRoleId: number;
  organizationAdministratorRoleId: number;
  storeUserAdministratorRoleId: number;
  firstRoleId: number;
}

interface Generated {
  ownerEmail: string;
  pendingByStore: Map<number, number[]>;
  sampleCollaborator: { userId: number; email: string; storeId: number } | null;
  /** Ids of users by kind, for the summary. */
  users: {
    total: number;
    staff: number;
    partnerUsers: number;
    partnerOwners: number;
    orgAdmins: number;
    storeUserAdmins: number;
  };
}

/**
 * Emits every row of the dataset to `sink`, in id order per table. Everything random comes from
 * `rng`, so two runs with the same seed (the counting pass and the writing pass) emit the same rows.
 */
async function generate(
  plan: Plan,
  d: Dialect,
  ids: GenerationIds,
  passwordHash: string,
  now: Date,
  rng: () => number,
  sink: Sink,
): Promise<Generated> {
  const o = plan.options;
  const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const since = daysAgo(365);
  const ts = (date: Date | null) => (date ? d.timestamp(date) : null);
  const t0 = ts(since);
  const pickHandles = (min: number, max: number) => {
    const pool = [...STORE_PERMISSION_HANDLES];
    const k = int(min, max);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, k).sort();
  };
  const partnerMemberAccess = JSON.stringify({ MANAGED: { access: "ALL", storeIds: [], actions: ["ADD_REMOVE"] } });

  // Users. The password is hashed ONCE and the hash shared by every user: scrypt (N=16384) costs
  // ~50 ms per call, so hashing each of ~36,000 users would take half an hour on two cores (hours at
  // larger sizes). Everyone signs in with the same password, which is what the benchmarks need.
  sink.section("users");
  let userId = 0;
  const addUser = async (email: string, name: string, platformSupport = false) => {
    await sink.add("users", [++userId, email, name, passwordHash, d.bool(platformSupport), "en", t0]);
    return userId;
  };
  const ownerEmail = `owner@${EMAIL_DOMAIN}`;
  const ownerId = await addUser(ownerEmail, "Bench Owner");
  const orgAdminIds: number[] = [];
  for (let i = 1; i <= ORG_ADMINS; i++)
    orgAdminIds.push(await addUser(`org-admin-${i}@${EMAIL_DOMAIN}`, `Org Admin ${i}`));
  const suaIds: number[] = [];
  for (let i = 1; i <= STORE_USER_ADMINS; i++)
    suaIds.push(await addUser(`user-admin-${i}@${EMAIL_DOMAIN}`, `User Admin ${i}`));
  await addUser(`support@${EMAIL_DOMAIN}`, "Bench Support", true);
  const partnerOwnerIds: number[] = [];
  for (let i = 1; i <= o.partners; i++)
    partnerOwnerIds.push(await addUser(`partner-owner-${i}@${EMAIL_DOMAIN}`, `Partner Owner ${i}`));
  const firstStaffUserId = userId + 1;
  const staffTotal = plan.stores.reduce((a, s) => a + s.staff, 0);
  for (let i = 1; i <= staffTotal; i++) await addUser(`staff-${i}@${EMAIL_DOMAIN}`, `Staff ${i}`);
  const firstPartnerUserId = userId + 1;
  for (let i = 1; i <= plan.partnerUsers; i++) await addUser(`partner-${i}@${EMAIL_DOMAIN}`, `Partner ${i}`);
  const partnerUserId = (k: number) => firstPartnerUserId + k;
  const partnerUserName = (k: number) => `Partner ${k + 1}`;
  const partnerOrgOf = (k: number) => 1 + (k % o.partners);

  // The organization, its administrators and store user administrators.
  sink.section("organization");
  const organizationId = 1;
  await sink.add("organizations", [organizationId, "Bench Org", d.bool(true), ownerId, t0]);
  let memberId = 0;
  for (const id of orgAdminIds) {
    await sink.add("organization_members", [++memberId, organizationId, id, t0]);
    await sink.add("organization_member_roles", [memberId, ids.organizationAdministratorRoleId]);
  }
  // Store user administrator i is assigned to every STORE_USER_ADMINS-th store from store i (at
  // most 200): the first one covers the big store, the second the bench store.
  for (let i = 0; i < suaIds.length; i++) {
    await sink.add("organization_members", [++memberId, organizationId, suaIds[i], t0]);
    await sink.add("organization_member_roles", [memberId, ids.storeUserAdministratorRoleId]);
    for (let s = i + 1, n = 0; s <= plan.stores.length && n < 200; s += STORE_USER_ADMINS, n++)
      await sink.add("organization_member_stores", [memberId, s]);
  }

  // Partner organizations: an owner each, and the partner users as staff of one of them.
  sink.section("partners");
  let partnerMemberId = 0;
  for (let p = 1; p <= o.partners; p++) {
    await sink.add("partner_organizations", [
      p,
      `Bench Partner ${String(p).padStart(2, "0")}`,
      d.bool(p % 5 === 0),
      t0,
    ]);
    await sink.add("partner_members", [
      ++partnerMemberId,
      p,
      partnerOwnerIds[p - 1],
      "ACTIVE",
      "OWNER",
      "[]",
      "{}",
      t0,
      t0,
    ]);
  }
  for (let k = 0; k < plan.partnerUsers; k++) {
    const permissions = k % 3 === 0 ? '["manage_apps","manage_themes"]' : "[]";
    await sink.add("partner_members", [
      ++partnerMemberId,
      partnerOrgOf(k),
      partnerUserId(k),
      "ACTIVE",
      "STAFF",
      permissions,
      partnerMemberAccess,
      t0,
      t0,
    ]);
  }

  // Stores, their roles, staff, collaborators and pending requests.
  let roleId = ids.firstRoleId - 1;
  let storeUserId = 0;
  let staffUserId = firstStaffUserId;
  const pendingByStore = new Map<number, number[]>();
  let sampleCollaborator: Generated["sampleCollaborator"] = null;
  const addRole = async (
    name: string,
    storeId: number,
    autoGenerated: boolean,
    handles: string[],
    createdAt: string | null,
  ) => {
    await sink.add("roles", [++roleId, name, "STORE", null, storeId, null, d.bool(autoGenerated), createdAt]);
    for (const h of handles) await sink.add("role_permissions", [roleId, h]);
    return roleId;
  };

  for (const s of plan.stores) {
    if (s.id % 10 === 1) sink.section(`stores ${s.id}-${Math.min(s.id + 9, plan.stores.length)}/${plan.stores.length}`);
    const requestCode = String(int(0, 9999)).padStart(4, "0");
    await sink.add("stores", [
      s.id,
      s.name,
      s.domain,
      ownerEmail,
      organizationId,
      ownerId,
      requestCode,
      d.bool(true),
      null,
      "MANAGED",
      null,
      t0,
    ]);

    const storeRoles: number[] = [];
    const roleCount = int(7, 9);
    for (let r = 0; r < roleCount; r++) {
      const name = STORE_ROLE_NAMES[r % STORE_ROLE_NAMES.length] + (r >= STORE_ROLE_NAMES.length ? ` ${r + 1}` : "");
      storeRoles.push(await addRole(name, s.id, false, pickHandles(4, 15), t0));
    }
    const pickStoreRole = () => storeRoles[Math.floor(rng() * storeRoles.length)];

    const staffRow = async (uid: number) =>
      sink.add("store_users", [
        ++storeUserId,
        s.id,
        uid,
        "STAFF",
        "ACTIVE",
        null,
        null,
        null,
        null,
        t0,
        null,
        null,
        null,
        null,
      ]);
    await staffRow(ownerId);
    for (let j = 0; j < s.staff; j++) {
      await staffRow(staffUserId++);
      if (j === 0) {
        await sink.add("store_user_roles", [storeUserId, ids.administratorRoleId]);
      } else {
        const first = pickStoreRole();
        await sink.add("store_user_roles", [storeUserId, first]);
        const second = rng() < 0.4 ? pickStoreRole() : first;
        if (second !== first) await sink.add("store_user_roles", [storeUserId, second]);
      }
    }

    // The store's partner users: k-th is (offset + k * stride) mod N, distinct for k < N (gcd 1),
    // so that a user has at most one live row per store (R29), active and pending ones together.
    const n = plan.partnerUsers;
    const offset = Math.floor(rng() * n);
    let stride = 1 + Math.floor(rng() * Math.max(1, n - 1));
    while (gcd(stride, n) !== 1) stride = (stride % n) + 1;
    const nth = (k: number) => (offset + k * stride) % n;

    for (let k = 0; k < s.active; k++) {
      const u = nth(k);
      const handles = pickHandles(8, 12);
      const acceptedDays = 1 + rng() * 300;
      const acceptedAt = daysAgo(acceptedDays);
      const requestedAt = new Date(acceptedAt.getTime() - rng() * 2 * DAY_MS);
      const lastLoginAt = daysAgo(rng() * Math.min(60, acceptedDays));
      const dashboardLoginAt = new Date(acceptedAt.getTime() + rng() * (lastLoginAt.getTime() - acceptedAt.getTime()));
      const requested = ts(requestedAt);
      const autoRoleId = await addRole(`${partnerUserName(u)} x ${s.name}`, s.id, true, handles, requested);
      await sink.add("store_users", [
        ++storeUserId,
        s.id,
        partnerUserId(u),
        "COLLABORATOR",
        "ACTIVE",
        partnerOrgOf(u),
        JSON.stringify(handles),
        null,
        autoRoleId,
        requested,
        ts(acceptedAt),
        null,
        ts(lastLoginAt),
        ts(dashboardLoginAt),
      ]);
      await sink.add("store_user_roles", [storeUserId, autoRoleId]);
      if (rng() < 0.2) await sink.add("store_user_roles", [storeUserId, pickStoreRole()]);
      if (s === plan.benchStore && !sampleCollaborator)
        sampleCollaborator = { userId: partnerUserId(u), email: `partner-${u + 1}@${EMAIL_DOMAIN}`, storeId: s.id };
    }

    for (let k = s.active; k < s.active + s.pending; k++) {
      const u = nth(k);
      const handles = pickHandles(8, 12);
      const requested = ts(new Date(now.getTime() - rng() * 20 * 3600 * 1000));
      const autoRoleId = await addRole(`${partnerUserName(u)} x ${s.name}`, s.id, true, handles, requested);
      const message = rng() < 0.3 ? "Benchmark request: help with the store" : null;
      await sink.add("store_users", [
        ++storeUserId,
        s.id,
        partnerUserId(u),
        "COLLABORATOR",
        "REQUESTED",
        partnerOrgOf(u),
        JSON.stringify(handles),
        message,
        autoRoleId,
        requested,
        null,
        null,
        null,
        null,
      ]);
      const list = pendingByStore.get(s.id) ?? [];
      list.push(storeUserId);
      pendingByStore.set(s.id, list);
    }
  }

  return {
    ownerEmail,
    pendingByStore,
    sampleCollaborator,
    users: {
      total: userId,
      staff: staffTotal,
      partnerUsers: plan.partnerUsers,
      partnerOwners: o.partners,
      orgAdmins: ORG_ADMINS,
      storeUserAdmins: STORE_USER_ADMINS,
    },
  };
}

// ---------------------------------------------------------------- emptying the database

/** Refuses to wipe a database holding users that this generator did not make, unless --force. */
async function refuseForeignData(ds: DataSource, d: Dialect, force: boolean) {
  const exists = d.postgres
    ? (await ds.query<{ t: string | null }[]>(`SELECT to_regclass('public.users') AS t`))[0]?.t
    : (await ds.query<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'`))[0];
  if (!exists) return;
  const [row] = await ds.query<{ n: number | string }[]>(
    `SELECT COUNT(*) AS n FROM "users" WHERE "email" NOT LIKE '%@${EMAIL_DOMAIN}'`,
  );
  const foreign = Number(row.n);
  if (foreign > 0 && !force) {
    throw new ConfigError(
      `the database holds ${foreign} user(s) that are not bench users (not @${EMAIL_DOMAIN}); it would be emptied. Use --force to go ahead.`,
    );
  }
}

async function freshDataSource(db: DatabaseConfig, d: Dialect, force: boolean): Promise<DataSource> {
  const { createDataSource } = databaseModules();
  if (db.kind === "sqlite") {
    if (db.file === ":memory:")
      throw new ConfigError("an in-memory SQLite database would vanish with this process: give a file");
    if (fs.existsSync(db.file)) {
      const old = createDataSource(db);
      await old.initialize();
      try {
        await refuseForeignData(old, d, force);
      } finally {
        await old.destroy();
      }
    }
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(db.file + suffix, { force: true });
    const ds = createDataSource(db);
    await ds.initialize();
    return ds;
  }
  const ds = createDataSource(db);
  await ds.initialize();
  await refuseForeignData(ds, d, force);
  await ds.query(`DROP SCHEMA public CASCADE`);
  await ds.query(`CREATE SCHEMA public`);
  return ds;
}

// ---------------------------------------------------------------- main

const redact = (url: string) => url.replace(/:[^:@/]*@/, ":***@");

async function main() {
  const options = parseOptions();
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const db = parseDatabaseUrl(databaseUrl);
  const d = dialectFor(db);
  const now = clock.now();
  const started = Date.now();

  let plan: Plan;
  try {
    plan = makePlan(options, mulberry32(options.seed));
  } catch (error) {
    // Options that contradict each other are a wrong command line too.
    if (error instanceof ConfigError) usageError(USAGE, error.message);
    throw error;
  }
  // Shared by every user (see generate): one scrypt instead of one per user.
  const passwordHash = await databaseModules().hashPassword(PASSWORD);

  // First pass: count the rows (same seed, same rows), for an exact progress total.
  const placeholderIds: GenerationIds = {
    administratorRoleId: 1,
    organizationAdministratorRoleId: 2,
    storeUserAdministratorRoleId: 3,
    firstRoleId: 4,
  };
  const counting = new CountingSink();
  await generate(plan, d, placeholderIds, passwordHash, now, mulberry32(options.seed + 1), counting);
  const totalRows = TABLE_NAMES.reduce((a, t) => a + counting.counts[t], 0);

  const where = db.kind === "sqlite" ? `sqlite:${db.file}` : redact(databaseUrl);
  process.stderr.write(
    `bench:data: ${where}: ${fmt(options.stores)} stores, ${fmt(plan.stores.reduce((a, s) => a + s.staff, 0))} staff, ` +
      `${fmt(options.collaborators)} collaborators (${fmt(plan.partnerUsers)} partner users), ${fmt(options.pending)} pending, ` +
      `${fmt(totalRows)} rows; the database is emptied first\n`,
  );

  const progress = new Progress(totalRows);
  progress.step("emptying the database");
  const ds = await freshDataSource(db, d, options.force);
  try {
    progress.step("migrations");
    await ds.runMigrations({ transaction: "each" });
    const system = await databaseModules().ensureSystemRoles(ds.manager);
    const [{ maxId }] = await ds.query<{ maxId: number | string | null }[]>(`SELECT MAX("id") AS "maxId" FROM "roles"`);
    const ids: GenerationIds = {
      administratorRoleId: system.ADMINISTRATOR.id,
      organizationAdministratorRoleId: system.ORGANIZATION_ADMINISTRATOR.id,
      storeUserAdministratorRoleId: system.STORE_USER_ADMINISTRATOR.id,
      firstRoleId: Number(maxId) + 1,
    };

    const qr = ds.createQueryRunner();
    await qr.connect();
    let generated: Generated;
    let sink: InsertSink;
    try {
      if (d.postgres) await qr.query(`SET synchronous_commit = off`);
      else await qr.query(`PRAGMA cache_size = -262144`); // 256 MB of page cache for the index inserts
      // Rows are generated in the dataset's order, not the foreign keys' (a member's stores before the
      // stores): the keys are off while loading, and every row is checked against them afterwards.
      await qr.query(d.postgres ? `SET session_replication_role = replica` : `PRAGMA foreign_keys = OFF`);
      sink = new InsertSink(qr, d, progress);
      await qr.startTransaction();
      generated = await generate(plan, d, ids, passwordHash, now, mulberry32(options.seed + 1), sink);
      await sink.flushAll();
      await qr.commitTransaction();
      if (d.postgres) await qr.query(`SET session_replication_role = DEFAULT`);
      else {
        const orphans = (await qr.query(`PRAGMA foreign_key_check`)) as unknown[];
        await qr.query(`PRAGMA foreign_keys = ON`);
        if (orphans.length) throw new Error(`bench:data wrote ${orphans.length} rows that break a foreign key`);
      }
    } catch (error) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await qr.release();
    }

    if (d.postgres) {
      // Ids were given explicitly: move each serial sequence past the largest one.
      progress.step("sequences");
      for (const m of ds.entityMetadatas) {
        for (const col of m.primaryColumns.filter((p) => p.generationStrategy === "increment")) {
          await ds.query(
            `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX("${col.databaseName}") FROM "${m.tableName}"), 1), (SELECT MAX("${col.databaseName}") FROM "${m.tableName}") IS NOT NULL)`,
            [`"${m.tableName}"`, col.databaseName],
          );
        }
      }
      // What autovacuum would do soon after a bulk load anyway; done now, benchmarks start from it.
      progress.step("vacuum analyze");
      await ds.query(`VACUUM ANALYZE`);
    } else {
      // SQLite has no autovacuum/autoanalyze and the app never runs ANALYZE: left without statistics
      // (as a real database of the app would be) unless --analyze.
      if (options.analyze) {
        progress.step("analyze");
        await ds.query(`ANALYZE`);
      }
      progress.step("wal checkpoint");
      await ds.query(`PRAGMA wal_checkpoint(TRUNCATE)`);
    }
    progress.finish();

    // Read back what matters to the benchmarks, from the database itself.
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await ds.query<{ n: number | string }[]>(sql, params))[0].n);
    const p = (i: number) => d.placeholder(i);
    const storeUsersOf = (storeId: number, extra: string) =>
      count(`SELECT COUNT(*) AS n FROM "store_users" WHERE "storeId" = ${p(1)} ${extra}`, [storeId]);
    const benchActive = await storeUsersOf(
      plan.benchStore.id,
      `AND "userType" = 'COLLABORATOR' AND "status" = 'ACTIVE'`,
    );
    const benchOther = await storeUsersOf(
      plan.benchStore.id,
      `AND "userType" = 'COLLABORATOR' AND "status" <> 'ACTIVE'`,
    );
    const bigUsers = await storeUsersOf(plan.bigStore.id, `AND "status" = 'ACTIVE'`);
    const counts = {
      users: await count(`SELECT COUNT(*) AS n FROM "users"`),
      stores: await count(`SELECT COUNT(*) AS n FROM "stores"`),
      staff: await count(
        `SELECT COUNT(*) AS n FROM "store_users" WHERE "userType" = 'STAFF' AND "userId" <> ${p(1)}`,
        [1],
      ),
      ownerRows: await count(
        `SELECT COUNT(*) AS n FROM "store_users" WHERE "userType" = 'STAFF' AND "userId" = ${p(1)}`,
        [1],
      ),
      collaborators: await count(
        `SELECT COUNT(*) AS n FROM "store_users" WHERE "userType" = 'COLLABORATOR' AND "status" = 'ACTIVE'`,
      ),
      pending: await count(
        `SELECT COUNT(*) AS n FROM "store_users" WHERE "userType" = 'COLLABORATOR' AND "status" = 'REQUESTED'`,
      ),
      partnerUsers: generated.users.partnerUsers,
      partnerOrganizations: await count(`SELECT COUNT(*) AS n FROM "partner_organizations"`),
      partnerMembers: await count(`SELECT COUNT(*) AS n FROM "partner_members"`),
      roles: await count(`SELECT COUNT(*) AS n FROM "roles"`),
      autoGeneratedRoles: await count(`SELECT COUNT(*) AS n FROM "roles" WHERE "autoGenerated" = ${p(1)}`, [
        d.bool(true),
      ]),
      rolePermissionGrants: await count(`SELECT COUNT(*) AS n FROM "role_permissions"`),
      storeUserRoles: await count(`SELECT COUNT(*) AS n FROM "store_user_roles"`),
    };
    const problems: string[] = [];
    if (benchActive !== BENCH_STORE_COLLABORATORS || benchOther !== 0)
      problems.push(
        `bench store: ${benchActive} ACTIVE and ${benchOther} other collaborator rows, expected ${BENCH_STORE_COLLABORATORS} and 0`,
      );
    if (bigUsers !== options.bigStoreUsers)
      problems.push(`big store: ${bigUsers} store users, expected ${options.bigStoreUsers}`);
    if (counts.collaborators !== options.collaborators)
      problems.push(`${counts.collaborators} ACTIVE collaborators, expected ${options.collaborators}`);
    if (counts.pending !== options.pending)
      problems.push(`${counts.pending} pending requests, expected ${options.pending}`);
    for (const t of TABLE_NAMES)
      if (sink!.counts[t] !== counting.counts[t])
        problems.push(`${t}: wrote ${sink!.counts[t]} rows, counted ${counting.counts[t]}`);
    if (problems.length) throw new Error(`the dataset is not as planned:\n  ${problems.join("\n  ")}`);

    const durationSeconds = Math.round((Date.now() - started) / 100) / 10;
    const gid = (type: string, id: number) => `gid://latchkey/${type}/${id}`;
    const out = {
      database: db.kind === "sqlite" ? `sqlite:${db.file}` : redact(databaseUrl),
      engine: db.kind,
      generatedAt: now.toISOString(),
      durationSeconds,
      options: { ...options, out: undefined },
      counts,
      password: PASSWORD,
      organization: { id: 1, name: "Bench Org", ownerEmail: generated.ownerEmail },
      bigStore: {
        id: plan.bigStore.id,
        gid: gid("Store", plan.bigStore.id),
        domain: plan.bigStore.domain,
        ownerEmail: generated.ownerEmail,
        users: bigUsers,
      },
      benchStore: {
        id: plan.benchStore.id,
        gid: gid("Store", plan.benchStore.id),
        domain: plan.benchStore.domain,
        ownerEmail: generated.ownerEmail,
        collaborators: benchActive,
      },
      // Requests expire 7 days after they were sent (R7): regenerate before benchmarking on an old dataset.
      pendingExpireAfter: new Date(now.getTime() + 6 * DAY_MS).toISOString(),
      pendingRequests: [...generated.pendingByStore].map(([storeId, ids]) => ({
        storeId,
        storeGid: gid("Store", storeId),
        domain: plan.stores[storeId - 1].domain,
        ownerEmail: generated.ownerEmail,
        ids,
      })),
      sampleCollaborator: generated.sampleCollaborator,
      otherSignIns: {
        organizationAdministrators: Array.from({ length: ORG_ADMINS }, (_, i) => `org-admin-${i + 1}@${EMAIL_DOMAIN}`),
        storeUserAdministrators: Array.from(
          { length: STORE_USER_ADMINS },
          (_, i) => `user-admin-${i + 1}@${EMAIL_DOMAIN}`,
        ),
        platformSupport: `support@${EMAIL_DOMAIN}`,
        staff: `staff-1@${EMAIL_DOMAIN} .. staff-${generated.users.staff}@${EMAIL_DOMAIN}`,
        partnerUsers: `partner-1@${EMAIL_DOMAIN} .. partner-${generated.users.partnerUsers}@${EMAIL_DOMAIN}`,
      },
    };
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    fs.writeFileSync(options.out, JSON.stringify(out, null, 2) + "\n");

    const rows = TABLE_NAMES.reduce((a, t) => a + sink!.counts[t], 0);
    const table = TABLE_NAMES.map((t) => `  ${t.padEnd(28)} ${fmt(sink!.counts[t]).padStart(11)}`).join("\n");
    console.log(
      [
        `bench:data: ${fmt(rows)} rows in ${durationSeconds} s (${fmt(rows / Math.max(durationSeconds, 0.001))} rows/s) into ${out.database}`,
        table,
        `  users ${fmt(counts.users)}, stores ${fmt(counts.stores)}, staff ${fmt(counts.staff)} (+${fmt(counts.ownerRows)} owner rows), ` +
          `collaborators ${fmt(counts.collaborators)} ACTIVE + ${fmt(counts.pending)} REQUESTED, roles ${fmt(counts.roles)} (3 system roles included), grants ${fmt(counts.rolePermissionGrants)}`,
        `  big store ${plan.bigStore.id} (${plan.bigStore.domain}): ${fmt(bigUsers)} users; bench store ${plan.benchStore.id} (${plan.benchStore.domain}): ${benchActive} collaborators`,
        `  every user signs in with "${PASSWORD}"; stores are owned by ${generated.ownerEmail}`,
        `  wrote ${options.out}`,
      ].join("\n"),
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((error) => {
  process.stderr.write("\n");
  console.error(error instanceof ConfigError ? `bench:data: ${error.message}` : error);
  process.exit(1);
});
