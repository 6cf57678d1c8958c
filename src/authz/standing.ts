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
  const organization = store.organizationId ? await db.findOneBy(Organization, { id: store.organizationId }) : null;

  // Organization roles (R9, R10): system roles held, and Store user administrator assignments here.
  const orgRoles = new Map<number, Set<SystemRoleKey>>();
  const suaHere = new Set<number>();
  if (organization && userIds.length) {
    const members = await db.findBy(OrganizationMember, { organizationId: organization.id, userId: In(userIds) });
    const memberIds = members.map((m) => m.id);
    const links = memberIds.length ? await db.findBy(OrganizationMemberRole, { memberId: In(memberIds) }) : [];
    const roles = links.length ? await db.findBy(Role, { id: In([...new Set(links.map((l) => l.roleId))]) }) : [];
    const assigned = memberIds.length ? await db.findBy(OrganizationMemberStore, { memberId: In(memberIds), storeId: store.id }) : [];
    const assignedMembers = new Set(assigned.map((a) => a.memberId));
    for (const m of members) {
      const keys = new Set(
        links.filter((l) => l.memberId === m.id).map((l) => roles.find((r) => r.id === l.roleId)?.systemKey).filter((k): k is SystemRoleKey => !!k),
      );
      orgRoles.set(m.userId, keys);
      if (keys.has("STORE_USER_ADMINISTRATOR") && assignedMembers.has(m.id)) suaHere.add(m.userId);
    }
  }

  // Accounts on the store, and the permissions of their roles.
  const accounts = userIds.length ? await db.find(StoreUser, { where: { storeId: store.id, userId: In(userIds), status: In(["ACTIVE", "REQUESTED"]) } }) : [];
  const accountOf = new Map(accounts.map((a) => [a.userId, a]));
  const activeIds = accounts.filter((a) => effectiveStatus(a, now) === "ACTIVE").map((a) => a.id);
  const rolesByAccount = await heldRolesOf(db, activeIds);

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
      roles: account ? rolesByAccount.get(account.id) ?? [] : [],
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
