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
  const roleById = byId(ds, Role);
  const roleIdsByStoreUser = grouped(
    (ids: number[]) => ds.getRepository(StoreUserRole).findBy({ storeUserId: In(ids) }),
    (l) => l.storeUserId,
  );
  return {
    user: byId(ds, User),
    store: byId(ds, Store),
    organization: byId(ds, Organization),
    partnerOrganization: byId(ds, PartnerOrganization),
    storeUser: byId(ds, StoreUser),
    role: roleById,
    /** Permission handles of a role (system roles have none stored: their powers are in the abilities). */
    permissionsOfRole: grouped(
      (ids: number[]) => ds.getRepository(RolePermission).find({ where: { roleId: In(ids) }, order: { handle: "ASC" } }),
      (g) => g.roleId,
    ),
    rolesOfStoreUser: new DataLoader<number, Role[]>(async (ids) => {
      const links = await roleIdsByStoreUser.loadMany([...ids]);
      const all = links.flatMap((l) => (l instanceof Error ? [] : l));
      const roles = await roleById.loadMany([...new Set(all.map((l) => l.roleId))]);
      const map = new Map(roles.filter((r): r is Role => !!r && !(r instanceof Error)).map((r) => [r.id, r]));
      return links.map((l) => (l instanceof Error ? [] : l.map((x) => map.get(x.roleId)!).filter(Boolean).sort((a, b) => a.id - b.id)));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
