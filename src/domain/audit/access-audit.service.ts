// Who can do what, where, and why: answers read from the same abilities that decide requests.
import { EntityManager, In } from "typeorm";
import { abilityForStore, AccessVia, explain, permission, reasonKey } from "../../authz/store-ability";
import { candidateHolders, candidateScope, loadStandings, StoreStanding } from "../../authz/standing";
import * as gate from "../../authz/gate";
import type { Actor } from "../../authz/actor";
import { StoreUser } from "../collaborators/store-user.entity";
import { badInput, notFound } from "../errors";
import { Organization } from "../organizations/organization.entity";
import { OrganizationMember } from "../organizations/organization-member.entity";
import { PartnerMember } from "../partners/partner-member.entity";
import { permissionInfo, SENSITIVE_HANDLES, STORE_PERMISSION_HANDLES } from "../roles/permissions";
import { Role } from "../roles/role.entity";
import { RolePermission } from "../roles/role-permission.entity";
import { Store } from "../stores/store.entity";
import { User } from "../users/user.entity";
import { msg } from "../../i18n";

export type AuditUserType = "STAFF" | "COLLABORATOR";

export interface AccessGrant {
  user: User;
  userType: AuditUserType;
  permission: string;
  via: AccessVia[];
}

/** A store whose access the viewer may audit (R9): the gate's NOT_FOUND (hidden) or ACCESS_DENIED (seen). */
export function auditableStore(actor: Actor, storeId: number): Promise<Store> {
  return gate.need(actor, "Store", storeId, "manageCollaborators");
}

/** The permission handles an audit looks at: the catalog, and the app and channel permissions the store's roles grant. */
async function auditedHandles(
  db: EntityManager,
  store: Store,
  only: string | null | undefined,
  sensitiveOnly: boolean,
): Promise<string[]> {
  if (only) {
    const info = permissionInfo(only);
    if (!info || info.scope !== "STORE") throw badInput(msg("denied.unknownStorePermission", { handle: only }));
    return sensitiveOnly && !info.sensitive ? [] : [only];
  }
  if (sensitiveOnly) return [...SENSITIVE_HANDLES];
  const roleIds = (
    await db.find(Role, {
      where: [{ storeId: store.id }, ...(store.organizationId ? [{ organizationId: store.organizationId }] : [])],
      select: { id: true },
    })
  ).map((r) => r.id);
  const extra = roleIds.length
    ? await db
        .createQueryBuilder(RolePermission, "g")
        .select("DISTINCT g.handle", "handle")
        .where("g.roleId IN (:...roleIds)", { roleIds })
        .andWhere("(g.handle LIKE 'app:%' OR g.handle LIKE 'channel:%')")
        .getRawMany<{ handle: string }>()
    : [];
  return [...STORE_PERMISSION_HANDLES, ...extra.map((e) => e.handle).sort()];
}

const userTypeOf = (s: StoreStanding): AuditUserType =>
  s.account?.userType === "COLLABORATOR" ? "COLLABORATOR" : "STAFF";

/** Where a page of grants starts: after this user's grant of this permission. */
export interface GrantPosition {
  userId: number;
  permission: string;
}

/**
 * One page of the grants of a store, by user id then permission (catalog order): at most `size`
 * after `after`, and whether more follow. The candidates are read in user-id order from the
 * accounts that can hold the audited permissions (candidateHolders: a superset of the holders),
 * a batch a little bigger than the page at a time, and only they are judged by their abilities, so a
 * page costs the same however many people the store has.
 */
export async function accessAudit(
  actor: Actor,
  storeId: number,
  filter: { permission?: string | null; userType?: AuditUserType | null; sensitiveOnly?: boolean | null },
  page: { size: number; after: GrantPosition | null },
): Promise<{ grants: AccessGrant[]; more: boolean }> {
  const store = await auditableStore(actor, storeId);
  const db = actor.ds.manager;
  const handles = await auditedHandles(db, store, filter.permission, !!filter.sensitiveOnly);
  if (!handles.length) return { grants: [], more: false };
  const after = page.after;
  const scope = await candidateScope(db, store);
  const grants: AccessGrant[] = [];
  let from = after?.userId ?? 1;
  // A batch: the page and one more (to know whether more follow), and a margin for candidates the
  // abilities turn down; it doubles while batches come back without filling the page.
  let batch = page.size + 1 + CANDIDATE_MARGIN;
  for (;;) {
    const ids = await candidateHolders(db, scope, handles, from, batch);
    if (!ids.length) return { grants, more: false };
    const users = await db.find(User, { where: { id: In(ids) } });
    const standings = await loadStandings(db, store, users, actor.now(), { handles });
    for (const id of ids) {
      const standing = standings.get(id);
      if (!standing) continue;
      const userType = userTypeOf(standing);
      if (filter.userType && filter.userType !== userType) continue;
      const ability = abilityForStore(standing);
      const start = after && id === after.userId ? handles.indexOf(after.permission) + 1 : 0;
      for (const handle of handles.slice(start)) {
        const e = explain(ability, "use", permission(handle));
        if (!e.allowed) continue;
        if (grants.length === page.size) return { grants, more: true };
        grants.push({ user: standing.user, userType, permission: handle, via: e.via });
      }
    }
    if (ids.length < batch) return { grants, more: false };
    from = ids[ids.length - 1] + 1;
    batch = Math.min(batch * 2, MAX_CANDIDATE_BATCH);
  }
}

/** Candidates read beyond the page at first, for those the abilities turn down. */
const CANDIDATE_MARGIN = 10;
/** The most candidates one batch reads. */
const MAX_CANDIDATE_BATCH = 1000;

export interface UserStoreAccess {
  store: Store;
  userType: AuditUserType;
  permissions: string[];
  via: AccessVia[];
}

/** The stores a user may have a way into, from every side. */
async function storesOf(db: EntityManager, user: User): Promise<Store[]> {
  const ids = new Set<number>();
  for (const s of await db.find(Store, { where: { ownerId: user.id }, select: { id: true } })) ids.add(s.id);
  for (const a of await db.find(StoreUser, {
    where: { userId: user.id, status: In(["ACTIVE", "REQUESTED"]) },
    select: { storeId: true },
  }))
    ids.add(a.storeId);
  const owned = await db.find(Organization, { where: { ownerId: user.id }, select: { id: true } });
  const memberships = await db.findBy(OrganizationMember, { userId: user.id });
  const orgIds = new Set([...owned.map((o) => o.id), ...memberships.map((m) => m.organizationId)]);
  if (orgIds.size)
    for (const s of await db.find(Store, { where: { organizationId: In([...orgIds]) }, select: { id: true } }))
      ids.add(s.id);
  const partner = await db.findBy(PartnerMember, { userId: user.id, status: "ACTIVE" });
  if (partner.length)
    for (const s of await db.find(Store, {
      where: { partnerOrganizationId: In(partner.map((m) => m.partnerOrganizationId)) },
      select: { id: true },
    }))
      ids.add(s.id);
  return ids.size ? db.find(Store, { where: { id: In([...ids]) }, order: { name: "ASC", id: "ASC" } }) : [];
}

/**
 * Every store a user can reach, with which permissions and through what. The user sees all of
 * theirs; someone who manages them sees the stores where the viewer manages collaborators (R9).
 */
export async function userAccess(actor: Actor, userId: number): Promise<UserStoreAccess[]> {
  // The gate's User rule: by id a user reads only themself, who sees every store of theirs. Anyone
  // else reaches the user only through the stores where they manage collaborators (R9).
  const self = await gate.find(actor, "User", userId);
  const user = self ?? (await actor.lookups.user.load(userId));
  if (!user) throw notFound("thing.user");
  const db = actor.ds.manager;
  const entries: UserStoreAccess[] = [];
  for (const store of await storesOf(db, user)) {
    if (!self && !(await gate.may(actor, "Store", store, "manageCollaborators"))) continue;
    const { ability, standing } = await actor.access(store, user);
    if (ability.cannot("read", "Store")) continue;
    const held = STORE_PERMISSION_HANDLES.map((h) => explain(ability, "use", permission(h))).map((e, i) => ({
      ...e,
      handle: STORE_PERMISSION_HANDLES[i],
    }));
    const allowed = held.filter((e) => e.allowed);
    const via = [...new Map(allowed.flatMap((e) => e.via).map((v) => [reasonKey(v.reason), v])).values()];
    entries.push({ store, userType: userTypeOf(standing), permissions: allowed.map((e) => e.handle), via });
  }
  if (!entries.length && !self) throw notFound("thing.user");
  return entries;
}
