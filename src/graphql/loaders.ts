// Per-request DataLoaders: every relation a field follows is batched into one query per kind, each
// a prepared hot read (src/db/hot-reads.ts).
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loadStandings, type StoreStanding } from "../authz/standing";
import { clock } from "../clock";
import { copyOf, rowsThroughCache } from "../db/caches";
import {
  organizationsById,
  partnerOrganizationsById,
  permissionsByRoleIds,
  rolesById,
  rolesWithPermissionsByStoreUserIds,
  storesById,
  storeUsersByAutoRoleIds,
  storeUsersById,
  usersById,
  byString,
  type RoleWithPermissions,
} from "../db/hot-reads";
import type { StoreUser } from "../domain/collaborators/store-user.entity";
import type { Store } from "../domain/stores/store.entity";

function byId<T extends { id: number }>(
  ds: DataSource,
  read: (ds: DataSource, ids: readonly number[]) => Promise<T[]>,
) {
  return new DataLoader<number, T | null>(async (ids) => {
    const map = new Map((await read(ds, ids)).map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function grouped<K, V>(load: (keys: K[]) => Promise<V[]>, keyOf: (v: V) => K) {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await load([...keys]);
    const map = new Map<K, V[]>();
    for (const row of rows) {
      const k = keyOf(row);
      map.set(k, [...(map.get(k) ?? []), row]);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}

/**
 * The loaders of a request that arrived at `since` (performance.now()): the stores come through
 * their cache (src/db/caches.ts), true as of then.
 */
export function createLoaders(ds: DataSource, since: number = performance.now()) {
  /** The roles' permissions, read with them: permissionsOfRole needs no query of its own. */
  const primePermissions = (links: readonly RoleWithPermissions[]) => {
    for (const { role, handles } of links)
      loaders.permissionsOfRole.prime(
        role.id,
        handles.map((handle) => ({ roleId: role.id, handle })),
      );
  };
  const loaders = {
    user: byId(ds, usersById),
    store: byId(ds, (ds, ids) =>
      rowsThroughCache<Store>(ds, "stores", ids, since, (missing) => storesById(ds, missing), copyOf),
    ),
    organization: byId(ds, organizationsById),
    partnerOrganization: byId(ds, partnerOrganizationsById),
    storeUser: byId(ds, storeUsersById),
    role: byId(ds, rolesById),
    /**
     * The account an auto-generated role was made for (R6), by role id: batched, never cached,
     * since an accept in the same request changes what the gate reads of it.
     */
    requestOfAutoRole: new DataLoader<number, StoreUser | null>(
      async (roleIds) => {
        const byRole = new Map<number, StoreUser>();
        for (const row of (await storeUsersByAutoRoleIds(ds, roleIds)).sort((a, b) => a.id - b.id))
          if (row.autoRoleId !== null && !byRole.has(row.autoRoleId)) byRole.set(row.autoRoleId, row);
        return roleIds.map((id) => byRole.get(id) ?? null);
      },
      { cache: false },
    ),
    /** Permission handles of a role (system roles have none stored: their powers are in the abilities). */
    permissionsOfRole: grouped(
      async (ids: number[]) => (await permissionsByRoleIds(ds, ids)).sort((x, y) => byString(x.handle, y.handle)),
      (g) => g.roleId,
    ),
    /**
     * The roles of store accounts: links, roles and the roles' permission handles in one query;
     * the handles go to permissionsOfRole, so that the roles' permissions need no query of their own.
     */
    rolesOfStoreUser: grouped(
      async (ids: number[]) => {
        const links = await rolesWithPermissionsByStoreUserIds(ds, ids);
        primePermissions(links);
        return links.sort((x, y) => x.role.id - y.role.id);
      },
      (l) => l.storeUserId,
    ),
    /** An account's roles read with it (the collaborators page): primed as rolesOfStoreUser would read them. */
    primeRolesOf(storeUserId: number, links: RoleWithPermissions[]) {
      primePermissions(links);
      loaders.rolesOfStoreUser.prime(storeUserId, links);
    },
    /**
     * Users' standings in stores, keyed "storeId:userId", batched per store (the same facts as
     * RequestContext.access): a list of collaborators builds their abilities in a few queries.
     */
    standing: new DataLoader<string, StoreStanding | null>(async (keys) => {
      const pairs = keys.map((key) => key.split(":").map(Number) as [number, number]);
      const [stores, users] = await Promise.all([
        storesById(ds, [...new Set(pairs.map(([storeId]) => storeId))]),
        usersById(ds, [...new Set(pairs.map(([, userId]) => userId))]),
      ]);
      const now = clock.now();
      const byStore = new Map<number, Map<number, StoreStanding>>();
      for (const store of stores) {
        const wanted = new Set(pairs.filter(([storeId]) => storeId === store.id).map(([, userId]) => userId));
        byStore.set(
          store.id,
          await loadStandings(
            ds.manager,
            store,
            users.filter((u) => wanted.has(u.id)),
            now,
          ),
        );
      }
      return pairs.map(([storeId, userId]) => byStore.get(storeId)?.get(userId) ?? null);
    }),
  };
  return loaders;
}
export type Loaders = ReturnType<typeof createLoaders>;
