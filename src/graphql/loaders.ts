// Per-request DataLoaders: every relation a field follows is batched into one query per kind.
import DataLoader from "dataloader";
import { DataSource, EntityTarget, In, ObjectLiteral } from "typeorm";
import { loadStandings, type StoreStanding } from "../authz/standing";
import { clock } from "../clock";
import { StoreUser } from "../domain/collaborators/store-user.entity";
import { StoreUserRole } from "../domain/collaborators/store-user-role.entity";
import { Organization } from "../domain/organizations/organization.entity";
import { PartnerOrganization } from "../domain/partners/partner-organization.entity";
import { Role } from "../domain/roles/role.entity";
import { RolePermission } from "../domain/roles/role-permission.entity";
import { Store } from "../domain/stores/store.entity";
import { User } from "../domain/users/user.entity";
import { hydrate } from "../db/hydrate";

function byId<T extends ObjectLiteral & { id: number }>(ds: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const raw = await ds.manager
      .createQueryBuilder(entity, "e")
      .where("e.id IN (:...ids)", { ids: [...ids] })
      .getRawMany<Record<string, unknown>>();
    const map = new Map(raw.map((row) => hydrate(ds.manager, entity, row, "e")).map((r) => [r.id, r]));
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

export function createLoaders(ds: DataSource) {
  return {
    user: byId(ds, User),
    store: byId(ds, Store),
    organization: byId(ds, Organization),
    partnerOrganization: byId(ds, PartnerOrganization),
    storeUser: byId(ds, StoreUser),
    role: byId(ds, Role),
    /** Permission handles of a role (system roles have none stored: their powers are in the abilities). */
    permissionsOfRole: grouped(
      async (ids: number[]) =>
        (
          await ds.manager
            .createQueryBuilder(RolePermission, "g")
            .select(['g.roleId AS "roleId"', "g.handle AS handle"])
            .where("g.roleId IN (:...ids)", { ids })
            .getRawMany<{ roleId: number; handle: string }>()
        )
          .map((g) => ({ roleId: Number(g.roleId), handle: g.handle }))
          .sort((x, y) => (x.handle < y.handle ? -1 : x.handle > y.handle ? 1 : 0)),
      (g) => g.roleId,
    ),
    /** The roles of store accounts: links and roles in one query. */
    rolesOfStoreUser: grouped(
      async (ids: number[]) =>
        (
          await ds.manager
            .createQueryBuilder(StoreUserRole, "l")
            .innerJoin(Role, "r", "r.id = l.roleId")
            .select(["l.storeUserId", "r"])
            .where("l.storeUserId IN (:...ids)", { ids })
            .getRawMany<Record<string, unknown>>()
        )
          .map((row) => ({ storeUserId: Number(row.l_storeUserId), role: hydrate(ds.manager, Role, row, "r") }))
          .sort((x, y) => x.role.id - y.role.id),
      (l) => l.storeUserId,
    ),
    /**
     * Users' standings in stores, keyed "storeId:userId", batched per store (the same facts as
     * RequestContext.access): a list of collaborators builds their abilities in a few queries.
     */
    standing: new DataLoader<string, StoreStanding | null>(async (keys) => {
      const pairs = keys.map((key) => key.split(":").map(Number) as [number, number]);
      const [stores, users] = await Promise.all([
        ds.manager.findBy(Store, { id: In([...new Set(pairs.map(([storeId]) => storeId))]) }),
        ds.manager.findBy(User, { id: In([...new Set(pairs.map(([, userId]) => userId))]) }),
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
}
export type Loaders = ReturnType<typeof createLoaders>;
