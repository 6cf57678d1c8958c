// The facts about one user in one store that abilities are built from: ownership, organization
// roles, the user's account on the store and the permissions of its roles, the partner side.
import { EntityManager, In } from "typeorm";
import { effectiveStatus } from "../domain/collaborators/lifecycle-time";
import { CollaboratorStatus, StoreUser, StoreUserRole } from "../domain/collaborators/store-user.entity";
import { Organization, OrganizationMember, OrganizationMemberRole, OrganizationMemberStore } from "../domain/organizations/organization.entity";
import { PartnerMember } from "../domain/partners/partner.entity";
import { Role, RolePermission, SystemRoleKey } from "../domain/roles/role.entity";
import { Store } from "../domain/stores/store.entity";
import { User } from "../domain/users/user.entity";

export interface HeldRole {
  id: number;
  name: string;
  systemKey: SystemRoleKey | null;
  permissions: string[];
}

export interface StoreStanding {
  user: User;
  store: Store;
  organization: Organization | null;
  isStoreOwner: boolean;
  isOrganizationOwner: boolean;
  /** Organization system roles the user holds in the store's organization. */
  organizationRoles: Set<SystemRoleKey>;
  /** Whether a Store user administrator role covers this store (R9). */
  storeUserAdminHere: boolean;
  /** The user's live account on the store (staff or collaborator), if any. */
  account: StoreUser | null;
  accountStatus: CollaboratorStatus | null;
  roles: HeldRole[];
  /** For collaborators: the partner organization membership the account was requested through. */
  partnerMember: PartnerMember | null;
  /** For a development or Plus sandbox store: the user's membership in the partner organization owning it. */
  owningPartnerMember: PartnerMember | null;
}

export async function loadStanding(db: EntityManager, user: User, store: Store, now: Date): Promise<StoreStanding> {
  return (await loadStandings(db, store, [user], now)).get(user.id)!;
}

const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};

/**
 * The standings of many users in one store, in a fixed number of queries however many users:
 * audits (who can do what here) build every user's ability from these.
 */
export async function loadStandings(db: EntityManager, store: Store, users: User[], now: Date): Promise<Map<number, StoreStanding>> {
  const userIds = [...new Set(users.map((u) => u.id))];
  const someUsers = userIds.length ? userIds : [0];

  // The organization with the users' memberships, organization roles and store assignments: one query.
  const orgRoles = new Map<number, Set<SystemRoleKey>>();
  const suaHere = new Set<number>();
  let organization: Organization | null = null;
  if (store.organizationId) {
    const { entities, raw } = await db
      .createQueryBuilder(Organization, "o")
      .leftJoin(OrganizationMember, "m", "m.organizationId = o.id AND m.userId IN (:...someUsers)", { someUsers })
      .leftJoin(OrganizationMemberRole, "ml", "ml.memberId = m.id")
      .leftJoin(Role, "mr", "mr.id = ml.roleId")
      .leftJoin(OrganizationMemberStore, "ms", "ms.memberId = m.id AND ms.storeId = :storeId", { storeId: store.id })
      .addSelect(["m.userId", "mr.systemKey", "ms.storeId"])
      .where("o.id = :orgId", { orgId: store.organizationId })
      .getRawAndEntities();
    organization = entities[0] ?? null;
    for (const row of raw as { m_userId: number | null; mr_systemKey: SystemRoleKey | null; ms_storeId: number | null }[]) {
      if (row.m_userId == null) continue;
      const userId = Number(row.m_userId);
      const keys = orgRoles.get(userId) ?? new Set<SystemRoleKey>();
      if (row.mr_systemKey) keys.add(row.mr_systemKey);
      orgRoles.set(userId, keys);
      if (row.mr_systemKey === "STORE_USER_ADMINISTRATOR" && row.ms_storeId != null) suaHere.add(userId);
    }
  }

  // Accounts on the store with their roles and the roles' permissions: one query.
  const { entities: accounts, raw: accountRoles } = await db
    .createQueryBuilder(StoreUser, "su")
    .leftJoin(StoreUserRole, "l", "l.storeUserId = su.id")
    .leftJoin(Role, "r", "r.id = l.roleId")
    .leftJoin(RolePermission, "g", "g.roleId = r.id")
    .addSelect(["r.id", "r.name", "r.systemKey", "g.handle"])
    .where("su.storeId = :storeId", { storeId: store.id })
    .andWhere("su.userId IN (:...someUsers)", { someUsers })
    .andWhere("su.status IN ('ACTIVE', 'REQUESTED')")
    .getRawAndEntities();
  const accountOf = new Map(accounts.map((a) => [a.userId, a]));
  const rolesByAccount = new Map<number, Map<number, HeldRole>>();
  for (const row of accountRoles as { su_id: number; r_id: number | null; r_name: string; r_systemKey: SystemRoleKey | null; g_handle: string | null }[]) {
    if (row.r_id == null) continue;
    const held = rolesByAccount.get(Number(row.su_id)) ?? new Map<number, HeldRole>();
    const role = held.get(Number(row.r_id)) ?? { id: Number(row.r_id), name: row.r_name, systemKey: row.r_systemKey, permissions: [] };
    if (row.g_handle && !role.permissions.includes(row.g_handle)) role.permissions.push(row.g_handle);
    held.set(role.id, role);
    rolesByAccount.set(Number(row.su_id), held);
  }
  const rolesOf = (account: StoreUser) =>
    effectiveStatus(account, now) === "ACTIVE"
      ? [...(rolesByAccount.get(account.id)?.values() ?? [])].map((r) => ({ ...r, permissions: r.permissions.sort() })).sort((a, b) => a.id - b.id)
      : [];

  // The partner side: memberships behind collaborator accounts, and in the organization owning the store.
  const partnerKeys = accounts.filter((a) => a.userType === "COLLABORATOR" && a.partnerOrganizationId);
  const partnerMembers = partnerKeys.length
    ? await db.findBy(PartnerMember, { partnerOrganizationId: In([...new Set(partnerKeys.map((a) => a.partnerOrganizationId!))]), userId: In(partnerKeys.map((a) => a.userId)), status: "ACTIVE" })
    : [];
  const owningMembers = store.partnerOrganizationId && userIds.length
    ? await db.findBy(PartnerMember, { partnerOrganizationId: store.partnerOrganizationId, userId: In(userIds), status: "ACTIVE" })
    : [];

  const out = new Map<number, StoreStanding>();
  for (const user of users) {
    const account = accountOf.get(user.id) ?? null;
    out.set(user.id, {
      user,
      store,
      organization,
      isStoreOwner: store.ownerId === user.id,
      isOrganizationOwner: organization?.ownerId === user.id,
      organizationRoles: orgRoles.get(user.id) ?? new Set(),
      storeUserAdminHere: suaHere.has(user.id),
      account,
      accountStatus: account ? effectiveStatus(account, now) : null,
      roles: account ? rolesOf(account) : [],
      partnerMember: account ? partnerMembers.find((m) => m.userId === user.id && m.partnerOrganizationId === account.partnerOrganizationId) ?? null : null,
      owningPartnerMember: owningMembers.find((m) => m.userId === user.id) ?? null,
    });
  }
  return out;
}

/** The roles, with their permissions, of many store accounts: three queries. */
export async function heldRolesOf(db: EntityManager, storeUserIds: number[]): Promise<Map<number, HeldRole[]>> {
  const out = new Map<number, HeldRole[]>();
  if (!storeUserIds.length) return out;
  const links = await db.findBy(StoreUserRole, { storeUserId: In(storeUserIds) });
  if (!links.length) return out;
  const roles = await db.findBy(Role, { id: In([...new Set(links.map((l) => l.roleId))]) });
  const grants = groupBy(await db.findBy(RolePermission, { roleId: In(roles.map((r) => r.id)) }), (g) => g.roleId);
  const held = new Map(roles.map((r) => [r.id, { id: r.id, name: r.name, systemKey: r.systemKey, permissions: (grants.get(r.id) ?? []).map((g) => g.handle).sort() }]));
  for (const [accountId, accountLinks] of groupBy(links, (l) => l.storeUserId)) {
    out.set(accountId, accountLinks.map((l) => held.get(l.roleId)!).filter(Boolean).sort((a, b) => a.id - b.id));
  }
  return out;
}
