// Caches that never go stale, kept in the process, per data source, so that a request does not
// read them again: the sessions (by token hash, with their user), the standings (what a user's
// roles, accounts and memberships grant in a store, src/authz/standing.ts), the stores by id, and
// the collaborators pages (src/db/hot-reads.ts): each page's account ids, and the rows by account
// (each account with its user, partner organization and role grants: the roles with their
// permission handles).
//
// The guarantee: a request never uses a cached session or standing older than a write whose answer
// was sent before the request arrived, on this instance or any other.
// - Every statement that writes goes through TypeORM's query runners, and src/db/cache-invalidation.ts
//   sees each one: the tables it writes say which cache is stale (a write it cannot read makes both
//   stale). Within the process, the caches are cleared synchronously after the COMMIT (and after a
//   ROLLBACK: on SQLite a read outside the transaction can see its uncommitted rows), before the
//   transaction's caller goes on, so before the mutation answers.
// - Other instances hear it on the bus subscriptions already use (src/realtime/pubsub.ts), before
//   the writer answers: on PostgreSQL the NOTIFY is part of the writing transaction; on Redis it is
//   published, and acknowledged, after the COMMIT. A cached entry is used only after the bus's
//   barrier for the request's arrival (`since`), which has applied every invalidation published
//   before it; when the bus cannot say (connection down or slow), the database is read instead, and
//   when it may have lost messages (a connection lost or made again), everything is cleared.
// - A read that raced a write never fills the cache: each cache has a generation, bumped by every
//   clearing, and a value read from the database is stored only if no clearing happened meanwhile.
// - Entries are bounded (least recently used go first) and live at most TTL_MS as a backstop, for
//   writes made outside Latchkey (SQL by hand, another program).
// Clearing is coarse on purpose: a write to sessions or users clears every session, a write to any
// table a standing reads clears every standing. It costs a few reads after each such write; a stale
// entry would be a security hole (a signed-out token, a removed collaborator keeping access).
// The stores and the collaborators pages are read from the same tables, so the same two scopes
// clear them: what clears a user's sessions clears the rows holding that user, what clears every
// standing clears every store, page and row, and a login written to an account (R17) clears its
// row (a page's ids depend only on which accounts a store has).
// Cached values are never handed out: a request gets its own copy (copyOf).
import type { DataSource } from "typeorm";
import type { StoreStanding } from "../authz/standing";
import type { CollaboratorRow } from "./hot-reads";
import { expiresAt } from "../domain/collaborators/lifecycle-time";
import type { Store } from "../domain/stores/store.entity";
import type { Session } from "../domain/users/session.entity";
import type { User } from "../domain/users/user.entity";
import type { EventBus, Invalidation } from "../realtime/pubsub";

/** How long an entry lives at most (a backstop: invalidation is what keeps entries true). */
export const TTL_MS = 30_000;
export const MAX_SESSIONS = 10_000;
export const MAX_STANDINGS = 20_000;
export const MAX_STORES = 5_000;
/** About 1.5 kB each: at most ~15 MB. */
export const MAX_COLLABORATOR_ROWS = 10_000;
/** At most 250 ids each: at most ~4 MB. */
export const MAX_COLLABORATOR_PAGES = 2_000;

/**
 * A bounded map whose entries expire. `generation` counts its clearings: a value read while it was
 * at some generation is stored only if nothing it may hold was cleared since (any clearing of the
 * whole map, or of that value's own key).
 */
export class TtlLru<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  /** Keys dropped one by one (forget), with the generation each was last dropped at. */
  private readonly forgotten = new Map<K, number>();
  /** The generation of the last clearing of the whole map (clear, clearWhere). */
  private clearedAt = 0;
  generation = 0;

  constructor(
    readonly max: number,
    readonly ttlMs: number,
  ) {}

  get size() {
    return this.entries.size;
  }

  /** Whether a live entry is there (without making it the most recently used). */
  has(key: K): boolean {
    const entry = this.entries.get(key);
    return !!entry && entry.expires > performance.now();
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= performance.now()) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry.value;
  }

  /** Stores a value read while the cache was at `generation`: dropped if it, or its key, was cleared since. */
  set(key: K, value: V, generation: number): void {
    if (this.clearedAt > generation || (this.forgotten.get(key) ?? 0) > generation) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expires: performance.now() + this.ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** Drops the entries whose value `stale` accepts (and, as any clearing, what is being read meanwhile). */
  clearWhere(stale: (value: V) => boolean): void {
    for (const [key, entry] of this.entries) if (stale(entry.value)) this.entries.delete(key);
    this.clearedAt = ++this.generation;
    this.forgotten.clear();
  }

  /**
   * Drops the entries of `keys`, and what is being read of them meanwhile: other keys' reads still
   * store (a login written to one account, R17, leaves the page being read for another store).
   */
  forget(keys: Iterable<K>): void {
    const at = ++this.generation;
    for (const key of keys) {
      this.entries.delete(key);
      this.forgotten.set(key, at);
    }
    // Bounded: past `max` keys, forgetting one by one becomes clearing the whole map.
    if (this.forgotten.size > this.max) this.clear();
  }

  clear(): void {
    this.entries.clear();
    this.clearedAt = ++this.generation;
    this.forgotten.clear();
  }
}

export interface CachedSession {
  session: Session;
  user: User;
}

export interface CachedStanding {
  standing: StoreStanding;
  /** The store's fields the standing was built from: owner, organization, owning partner. */
  storeShape: string;
  /** Clock instants between which the standing holds (an account's status changes with time, R7, R17). */
  from: number;
  until: number;
}

/** What a write made stale. */
export type Staleness = Pick<Invalidation, "sessions" | "standings">;

class Caches {
  readonly sessions = new TtlLru<string, CachedSession>(MAX_SESSIONS, TTL_MS);
  readonly standings = new TtlLru<string, CachedStanding>(MAX_STANDINGS, TTL_MS);
  readonly stores = new TtlLru<number, Store>(MAX_STORES, TTL_MS);
  /** The collaborators pages' account ids (src/db/hot-reads.ts), by store, direction and bounds. */
  readonly collaboratorPages = new TtlLru<string, readonly number[]>(MAX_COLLABORATOR_PAGES, TTL_MS);
  /** The collaborators pages' rows (src/db/hot-reads.ts), by account id. */
  readonly collaboratorRows = new TtlLru<number, CollaboratorRow>(MAX_COLLABORATOR_ROWS, TTL_MS);
  readonly buses = new Set<EventBus>();
}
type CacheName = "sessions" | "standings" | "stores" | "collaboratorPages" | "collaboratorRows";

const all = new WeakMap<DataSource, Caches>();

export function cachesOf(ds: DataSource): Caches {
  let caches = all.get(ds);
  if (!caches) all.set(ds, (caches = new Caches()));
  return caches;
}

/** Clears what a write made stale, in this process (synchronously). */
export function invalidate(ds: DataSource, stale: Staleness): void {
  const caches = cachesOf(ds);
  const { sessions, standings } = stale;
  if (sessions === true) {
    caches.sessions.clear();
    caches.collaboratorRows.clear();
  } else if (sessions) {
    const ids = new Set(sessions.sessionIds);
    const users = new Set(sessions.userIds);
    caches.sessions.clearWhere((c) => ids.has(c.session.id) || users.has(c.user.id));
    if (users.size > 0) caches.collaboratorRows.clearWhere((r) => users.has(r.user.id));
  }
  if (standings === true) {
    caches.standings.clear();
    caches.stores.clear();
    caches.collaboratorPages.clear();
    caches.collaboratorRows.clear();
  } else if (standings) {
    const accounts = new Set(standings.storeUserIds);
    caches.standings.clearWhere((c) => !!c.standing.account && accounts.has(c.standing.account.id));
    caches.collaboratorRows.forget(accounts);
  }
}

/** Both scopes together: what two writes made stale. Lists longer than MAX_IDS become everything. */
export function merge(a: Staleness, b: Staleness): Staleness {
  return {
    sessions: mergeScope(a.sessions, b.sessions),
    standings: mergeScope(a.standings, b.standings),
  };
}
const MAX_IDS = 100;
function mergeScope<S extends Record<string, number[]>>(a: boolean | S, b: boolean | S): boolean | S {
  if (a === true || b === true) return true;
  if (!a) return b;
  if (!b) return a;
  const out = {} as Record<string, number[]>;
  for (const list of Object.keys(a)) {
    const ids = [...new Set([...a[list], ...b[list]])];
    if (ids.length > MAX_IDS) return true;
    out[list] = ids;
  }
  return out as S;
}

/**
 * The caches of `ds` hear other instances' invalidations on `bus`, and trust an entry only after
 * its barrier. Returns the function that unbinds them (the server's close).
 */
export function bindCachesToBus(ds: DataSource, bus: EventBus): () => void {
  const caches = cachesOf(ds);
  caches.buses.add(bus);
  const stop = bus.onInvalidation((message) => invalidate(ds, message));
  return () => {
    stop();
    caches.buses.delete(bus);
    invalidate(ds, { sessions: true, standings: true });
  };
}

/** Resolves once every invalidation published before `since` has been applied here. */
function applied(caches: Caches, since: number): Promise<unknown> {
  if (caches.buses.size === 0) return Promise.resolve();
  if (caches.buses.size === 1) return caches.buses.values().next().value!.since(since);
  return Promise.all([...caches.buses].map((bus) => bus.since(since)));
}

/**
 * Resolves once the caches of `ds` are true as of `since`: every invalidation the bus published
 * before it has been applied. When the bus cannot vouch for them (its connection down or slow),
 * every cache is distrusted and cleared instead. A request waits here first, holding nothing but
 * its body (src/server.ts): then what follows finds the caches ready and runs without waiting.
 */
export async function cachesTrueAsOf(ds: DataSource, since: number): Promise<void> {
  try {
    await applied(cachesOf(ds), since);
  } catch {
    invalidate(ds, { sessions: true, standings: true });
  }
}

/** The cached values of `keys`, true as of `since` (see cachesTrueAsOf), undefined where none is. */
export async function cachedValues<V>(
  ds: DataSource,
  which: CacheName,
  keys: readonly (string | number)[],
  since: number,
): Promise<(V | undefined)[]> {
  const cache = cachesOf(ds)[which] as unknown as TtlLru<string | number, V>;
  if (!keys.some((key) => cache.has(key))) return keys.map(() => undefined);
  await cachesTrueAsOf(ds, since);
  return keys.map((key) => cache.get(key)); // what the bus delivered meanwhile may have cleared some
}

/**
 * A value through a cache: a cached one that `usable` accepts (see cachedValues); else `load`'s,
 * stored unless the cache was cleared while it was read. Null (nothing found) is never stored.
 */
export async function throughCache<V>(
  ds: DataSource,
  which: "sessions" | "standings",
  key: string,
  since: number,
  load: () => Promise<V | null>,
  usable: (value: V) => boolean = () => true,
): Promise<V | null> {
  const [cached] = await cachedValues<V>(ds, which, [key], since);
  if (cached !== undefined && usable(cached)) return cached;
  const cache = cachesOf(ds)[which] as unknown as TtlLru<string, V>;
  const generation = cache.generation;
  const value = await load();
  if (value !== null) cache.set(key, value, generation);
  return value;
}

/**
 * Rows by id through a cache (see cachedValues), each handed out as `copy` of it: the cached ones,
 * and the others read by `load` and stored unless the cache was cleared while they were read.
 */
export async function rowsThroughCache<V extends { id: number }>(
  ds: DataSource,
  which: "stores",
  ids: readonly number[],
  since: number,
  load: (ids: number[]) => Promise<V[]>,
  copy: (value: V) => V,
): Promise<V[]> {
  const cache = cachesOf(ds)[which] as unknown as TtlLru<number, V>;
  const cached = await cachedValues<V>(ds, which, ids, since);
  const missing = ids.filter((_, i) => cached[i] === undefined);
  const rows = cached.filter((v): v is V => v !== undefined);
  if (missing.length > 0) {
    const generation = cache.generation;
    const read = await load(missing);
    for (const row of read) cache.set(row.id, row, generation);
    rows.push(...read);
  }
  return rows.map(copy);
}

/** A copy of an entity (same class, own fields): what a request receives, so it never changes the cached one. */
export function copyOf<T extends object>(entity: T): T;
export function copyOf<T extends object>(entity: T | null): T | null;
export function copyOf<T extends object>(entity: T | null): T | null {
  return entity ? (Object.assign(Object.create(Object.getPrototypeOf(entity) as object), entity) as T) : null;
}

/**
 * The standing of `user` in `store` at `now`, through the standings cache (see throughCache), as the
 * request's own copy. A cached standing holds for the store it was built from (owner, organization,
 * owning partner) and for the instants its account's status stays the same (R7, R17).
 */
export async function standingThroughCache(
  ds: DataSource,
  user: User,
  store: Store,
  now: Date,
  since: number,
  load: () => Promise<StoreStanding>,
): Promise<StoreStanding> {
  const storeShape = `${store.ownerId}:${store.organizationId ?? ""}:${store.partnerOrganizationId ?? ""}`;
  const at = now.getTime();
  const cached = await throughCache<CachedStanding>(
    ds,
    "standings",
    `${store.id}:${user.id}`,
    since,
    async () => {
      const standing = await load();
      const changes = standing.account ? expiresAt(standing.account) : null;
      return { standing, storeShape, from: at, until: changes ? changes.getTime() : Infinity };
    },
    (c) => c.storeShape === storeShape && c.from <= at && at < c.until,
  );
  const s = cached!.standing;
  return {
    ...s,
    user,
    store,
    organization: copyOf(s.organization),
    organizationRoles: new Set(s.organizationRoles),
    account: copyOf(s.account),
    roles: s.roles.map((r) => ({ ...r, permissions: [...r.permissions] })),
    partnerMember: copyOf(s.partnerMember),
    owningPartnerMember: copyOf(s.owningPartnerMember),
  };
}
