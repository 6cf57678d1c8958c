// Per-request DataLoaders: every relation a field follows is batched into one query per kind.
import DataLoader from "dataloader";
import { DataSource, In, ObjectLiteral, EntityTarget } from "typeorm";
import { StoreUser, StoreUserRole } from "../domain/collaborators/store-user.entity";
import { Organization } from "../domain/organizations/organization.entity";
import { PartnerOrganization } from "../domain/partners/partner.entity";
import { Role, RolePermission } from "../domain/roles/role.entity";
import { Store } from "../domain/stores/store.entity";
import { User } from "../domain/users/user.entity";

function byId<T extends ObjectLiteral & { id: number }>(ds: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
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
      (ids: number[]) => ds.getRepository(RolePermission).find({ where: { roleId: In(ids) }, order: { handle: "ASC" } }),
      (g) => g.roleId,
    ),
    /** The roles of store accounts: links and roles in one query. */
    rolesOfStoreUser: grouped(
      async (ids: number[]) =>
        (
          await ds
            .getRepository(StoreUserRole)
            .createQueryBuilder("l")
            .innerJoinAndMapOne("l.role", Role, "r", "r.id = l.roleId")
            .where("l.storeUserId IN (:...ids)", { ids })
            .orderBy("r.id", "ASC")
            .getMany()
        ).map((l) => ({ storeUserId: l.storeUserId, role: (l as StoreUserRole & { role: Role }).role })),
      (l) => l.storeUserId,
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
