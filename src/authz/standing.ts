// The facts about one user in one store that abilities are built from: ownership, organization
// roles, the user's account on the store and the permissions of its roles, the partner side.
import { EntityManager, In } from "typeorm";
import { hydrate } from "../db/hydrate";
import { effectiveStatus } from "../domain/collaborators/lifecycle-time";
import { CollaboratorStatus, LIVE_STATUS_SQL, StoreUser } from "../domain/collaborators/store-user.entity";
import { StoreUserRole } from "../domain/collaborators/store-user-role.entity";
import { Organization } from "../domain/organizations/organization.entity";
import { OrganizationMember } from "../domain/organizations/organization-member.entity";
import { OrganizationMemberRole } from "../domain/organizations/organization-member-role.entity";
import { OrganizationMemberStore } from "../domain/organizations/organization-member-store.entity";
import { PartnerMember } from "../domain/partners/partner-member.entity";
import { Role, SystemRoleKey } from "../domain/roles/role.entity";
import { RolePermission } from "../domain/roles/role-permission.entity";
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

export interface StandingOptions {
  /** Only these permissions matter (an audit of one permission): role grants of others are not read. */
  handles?: string[];
}

/**
 * The standings in one store of some users, or of everyone who has a way into it, in a fixed
 * number of queries however many users: per request for the viewer, and for audits (who can do
 * what here). With "everyone", the people are the owner, the organization's owner and members,
 * the store's accounts and the members of the partner organization owning the store.
 */
export async function loadStandings(
  db: EntityManager,
  store: Store,
  who: User[] | "everyone",
  now: Date,
  options: StandingOptions = {},
): Promise<Map<number, StoreStanding>> {
  const everyone = who === "everyone";
  const userIds = everyone ? [] : [...new Set(who.map((u) => u.id))];
  const someUsers = userIds.length ? userIds : [0];
  const users = new Map<number, User>(everyone ? [] : who.map((u) => [u.id, u]));

  // The organization with the memberships, organization roles and store assignments: one query.
  const orgRoles = new Map<number, Set<SystemRoleKey>>();
  const suaHere = new Set<number>();
  let organization: Organization | null = null;
  if (store.organizationId) {
    const qb = db
      .createQueryBuilder(Organization, "o")
      .leftJoin(
        OrganizationMember,
        "m",
        `m.organizationId = o.id${everyone ? "" : " AND m.userId IN (:...someUsers)"}`,
        { someUsers },
      )
      .leftJoin(OrganizationMemberRole, "ml", "ml.memberId = m.id")
      .leftJoin(Role, "mr", "mr.id = ml.roleId")
      .leftJoin(OrganizationMemberStore, "ms", "ms.memberId = m.id AND ms.storeId = :storeId", { storeId: store.id })
      .select(["o.id", "o.name", "o.plus", "o.ownerId", "m.userId", "mr.systemKey", "ms.storeId"])
      .where("o.id = :orgId", { orgId: store.organizationId });
    const raw = await qb.getRawMany<{
      o_id: number;
      o_name: string;
      o_plus: unknown;
      o_ownerId: number;
      m_userId: number | null;
      mr_systemKey: SystemRoleKey | null;
      ms_storeId: number | null;
    }>();
    if (raw.length)
      organization = Object.assign(new Organization(), {
        id: Number(raw[0].o_id),
        name: raw[0].o_name,
        plus: !!raw[0].o_plus,
        ownerId: Number(raw[0].o_ownerId),
      });
    for (const row of raw) {
      if (row.m_userId == null) continue;
      const userId = Number(row.m_userId);
      const keys = orgRoles.get(userId) ?? new Set<SystemRoleKey>();
      if (row.mr_systemKey) keys.add(row.mr_systemKey);
      orgRoles.set(userId, keys);
      if (row.mr_systemKey === "STORE_USER_ADMINISTRATOR" && row.ms_storeId != null) suaHere.add(userId);
    }
  }

  // Accounts with the partner membership behind them, their roles and the roles' permissions: one query.
  const accountsQuery = db
    .createQueryBuilder(StoreUser, "su")
    .leftJoin(
      PartnerMember,
      "pm",
      "pm.partnerOrganizationId = su.partnerOrganizationId AND pm.userId = su.userId AND pm.status = 'ACTIVE'",
    )
    .leftJoin(StoreUserRole, "l", "l.storeUserId = su.id")
    .leftJoin(Role, "r", "r.id = l.roleId")
    .leftJoin(
      RolePermission,
      "g",
      !options.handles
        ? "g.roleId = r.id"
        : options.handles.length
          ? "g.roleId = r.id AND g.handle IN (:...handles)"
          : "1 = 0",
      { handles: options.handles },
    )
    .select(["su", "pm", "r.id", "r.name", "r.systemKey", "g.handle"])
    .where("su.storeId = :storeId", { storeId: store.id })
    .andWhere("su.status IN ('ACTIVE', 'REQUESTED')");
  if (everyone)
    accountsQuery.leftJoin(User, "u", "u.id = su.userId").addSelect(["u.id", "u.name", "u.email", "u.platformSupport"]);
  else accountsQuery.andWhere("su.userId IN (:...someUsers)", { someUsers });
  const accountOf = new Map<number, StoreUser>();
  const partnerOf = new Map<number, PartnerMember>();
  const rolesByAccount = new Map<number, Map<number, HeldRole>>();
  for (const row of await accountsQuery.getRawMany<Record<string, unknown>>()) {
    const accountId = Number(row.su_id);
    const userId = Number(row.su_userId);
    if (!accountOf.has(userId)) {
      accountOf.set(userId, hydrate(db, StoreUser, row, "su"));
      if (row.pm_id != null) partnerOf.set(userId, hydrate(db, PartnerMember, row, "pm"));
      if (everyone && !users.has(userId)) {
        users.set(
          userId,
          Object.assign(new User(), {
            id: userId,
            name: row.u_name,
            email: row.u_email,
            platformSupport: !!row.u_platformSupport,
          }),
        );
      }
    }
    if (row.r_id == null) continue;
    const held = rolesByAccount.get(accountId) ?? new Map<number, HeldRole>();
    const role = held.get(Number(row.r_id)) ?? {
      id: Number(row.r_id),
      name: String(row.r_name),
      systemKey: (row.r_systemKey as SystemRoleKey | null) ?? null,
      permissions: [],
    };
    const handle = row.g_handle as string | null; // the granted permission's handle (varchar), null without one
    if (handle && !role.permissions.includes(handle)) role.permissions.push(handle);
    held.set(role.id, role);
    rolesByAccount.set(accountId, held);
  }
  const rolesOf = (account: StoreUser) =>
    effectiveStatus(account, now) === "ACTIVE"
      ? [...(rolesByAccount.get(account.id)?.values() ?? [])]
          .map((r) => ({ ...r, permissions: r.permissions.sort() }))
          .sort((a, b) => a.id - b.id)
      : [];

  // The partner organization owning a development or Plus sandbox store: its members.
  const owningMembers = new Map<number, PartnerMember>();
  if (store.partnerOrganizationId) {
    const members = await db.findBy(PartnerMember, {
      partnerOrganizationId: store.partnerOrganizationId,
      status: "ACTIVE",
      ...(everyone ? {} : { userId: In(someUsers) }),
    });
    for (const m of members) if (m.userId) owningMembers.set(m.userId, m);
  }

  // Everyone: the people without an account here (owners, organization members, owning partner members).
  if (everyone) {
    const others = [store.ownerId, organization?.ownerId, ...orgRoles.keys(), ...owningMembers.keys()].filter(
      (id): id is number => !!id && !users.has(id),
    );
    if (others.length)
      for (const u of await db.find(User, { where: { id: In([...new Set(others)]) } })) users.set(u.id, u);
  }

  const out = new Map<number, StoreStanding>();
  for (const user of users.values()) {
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
      partnerMember: partnerOf.get(user.id) ?? null,
      owningPartnerMember: owningMembers.get(user.id) ?? null,
    });
  }
  return out;
}

/** Where a read of audit candidates stands: the organization's owner, read once per audit. */
export interface CandidateScope {
  store: Store;
  organizationOwnerId: number | null;
}

export async function candidateScope(db: EntityManager, store: Store): Promise<CandidateScope> {
  const organization = store.organizationId
    ? await db.findOne(Organization, { where: { id: store.organizationId }, select: { id: true, ownerId: true } })
    : null;
  return { store, organizationOwnerId: organization?.ownerId ?? null };
}

/**
 * The ids, ascending, from `fromUserId` on (inclusive), of at most `limit` users who may hold one of
 * `handles` in the store: everyone an ability (store-ability.ts) could give one of them to. A
 * superset, never less: the store's and the organization's owners; the organization's members with
 * the Organization administrator role, or the Store user administrator role when `users` is asked;
 * the members of the partner organization owning the store; the store's live accounts with an
 * Administrator role or a role that grants one of `handles`. The abilities still judge each of them.
 * Each side is read by keyset (user id) and limited, so a read costs the same however big the store.
 */
export async function candidateHolders(
  db: EntityManager,
  scope: CandidateScope,
  handles: string[],
  fromUserId: number,
  limit: number,
): Promise<number[]> {
  const { store } = scope;
  const ids = new Set<number>();
  for (const id of [store.ownerId, scope.organizationOwnerId]) if (id && id >= fromUserId) ids.add(id);
  if (handles.length) {
    const accounts = await db
      .createQueryBuilder(StoreUser, "su")
      .select("su.userId", "uid")
      .innerJoin(StoreUserRole, "l", "l.storeUserId = su.id")
      .innerJoin(Role, "r", "r.id = l.roleId")
      .leftJoin(RolePermission, "g", "g.roleId = r.id AND g.handle IN (:...handles)", { handles })
      .where("su.storeId = :storeId", { storeId: store.id })
      .andWhere(`su.status IN (${LIVE_STATUS_SQL})`)
      .andWhere("su.userId >= :fromUserId", { fromUserId })
      .andWhere("(r.systemKey = 'ADMINISTRATOR' OR g.handle IS NOT NULL)")
      .groupBy("su.userId")
      .orderBy("su.userId", "ASC")
      .limit(limit)
      .getRawMany<{ uid: number }>();
    for (const a of accounts) ids.add(Number(a.uid));
  }
  if (store.organizationId) {
    const keys: SystemRoleKey[] = ["ORGANIZATION_ADMINISTRATOR"];
    if (handles.includes("users")) keys.push("STORE_USER_ADMINISTRATOR");
    const members = await db
      .createQueryBuilder(OrganizationMember, "m")
      .select("m.userId", "uid")
      .innerJoin(OrganizationMemberRole, "ml", "ml.memberId = m.id")
      .innerJoin(Role, "mr", "mr.id = ml.roleId")
      .where("m.organizationId = :orgId", { orgId: store.organizationId })
      .andWhere("m.userId >= :fromUserId", { fromUserId })
      .andWhere("mr.systemKey IN (:...keys)", { keys })
      .groupBy("m.userId")
      .orderBy("m.userId", "ASC")
      .limit(limit)
      .getRawMany<{ uid: number }>();
    for (const m of members) ids.add(Number(m.uid));
  }
  if (store.partnerOrganizationId) {
    const members = await db
      .createQueryBuilder(PartnerMember, "pm")
      .select("pm.userId", "uid")
      .where("pm.partnerOrganizationId = :p", { p: store.partnerOrganizationId })
      .andWhere("pm.status = 'ACTIVE'")
      .andWhere("pm.userId >= :fromUserId", { fromUserId })
      .orderBy("pm.userId", "ASC")
      .limit(limit)
      .getRawMany<{ uid: number }>();
    for (const m of members) ids.add(Number(m.uid));
  }
  // Each side gave its first `limit`: together, their first `limit` are everyone's first `limit`.
  return [...ids].sort((a, b) => a - b).slice(0, limit);
}
