// The facts about one user in one store that abilities are built from: ownership, organization
// roles, the user's account on the store and the permissions of its roles, the partner side.
import { EntityManager, In } from "typeorm";
import { hydrate } from "../db/hydrate";
import { standingInStore } from "../db/hot-reads";
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
 * what here). Some users: one prepared statement (standingInStore). With "everyone", the people
 * are the owner, the organization's owner and members, the store's accounts and the members of the
 * partner organization owning the store.
 */
export async function loadStandings(
  db: EntityManager,
  store: Store,
  who: User[] | "everyone",
  now: Date,
  options: StandingOptions = {},
): Promise<Map<number, StoreStanding>> {
  const everyone = who === "everyone";
  const users = new Map<number, User>(everyone ? [] : who.map((u) => [u.id, u]));
  const rows = everyone
    ? await everyonesRows(db, store, options)
    : await someUsersRows(db, store, [...users.keys()], options);

  // The organization with the memberships, organization roles and store assignments.
  const orgRoles = new Map<number, Set<SystemRoleKey>>();
  const suaHere = new Set<number>();
  let organization: Organization | null = null;
  const [org] = rows.organization;
  if (org)
    organization = Object.assign(new Organization(), {
      id: Number(org.o_id),
      name: org.o_name,
      plus: !!org.o_plus,
      ownerId: Number(org.o_ownerId),
    });
  for (const row of rows.organization) {
    if (row.m_userId == null) continue;
    const userId = Number(row.m_userId);
    const keys = orgRoles.get(userId) ?? new Set<SystemRoleKey>();
    if (row.mr_systemKey) keys.add(row.mr_systemKey);
    orgRoles.set(userId, keys);
    if (row.mr_systemKey === "STORE_USER_ADMINISTRATOR" && row.ms_storeId != null) suaHere.add(userId);
  }

  // Accounts with the partner membership behind them, their roles and the roles' permissions.
  const accountOf = new Map<number, StoreUser>();
  const partnerOf = new Map<number, PartnerMember>();
  const rolesByAccount = new Map<number, Map<number, HeldRole>>();
  for (const row of rows.accounts) {
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
  for (const m of rows.owningMembers) if (m.userId) owningMembers.set(m.userId, m);

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

/** A row of the organization side: the organization, and one of a member's roles and store assignments. */
interface OrganizationRow {
  o_id: number;
  o_name: string;
  o_plus: unknown;
  o_ownerId: number;
  m_userId: number | null;
  mr_systemKey: SystemRoleKey | null;
  ms_storeId: number | null;
}

/** What standings are built from: the organization side, the accounts side (su_, pm_, r_, g_), the owning partner's members. */
interface StandingRows {
  organization: OrganizationRow[];
  accounts: Record<string, unknown>[];
  owningMembers: PartnerMember[];
}

/** Some users' standing rows: one prepared statement (src/db/hot-reads.ts, standingInStore). */
async function someUsersRows(
  db: EntityManager,
  store: Store,
  userIds: number[],
  options: StandingOptions,
): Promise<StandingRows> {
  const rows: StandingRows = { organization: [], accounts: [], owningMembers: [] };
  if (!userIds.length) return rows;
  for (const row of await standingInStore(db, store, userIds, options.handles)) {
    if (row.kind === "A") rows.accounts.push(row);
    else if (row.kind === "O") rows.organization.push(row as unknown as OrganizationRow);
    else rows.owningMembers.push(hydrate(db, PartnerMember, row, "pm"));
  }
  return rows;
}

/**
 * Everyone's standing rows, through TypeORM: the reference the paged audits are checked against
 * (test/audit-paging.test.ts), never on a request's path.
 */
async function everyonesRows(db: EntityManager, store: Store, options: StandingOptions): Promise<StandingRows> {
  const organization = store.organizationId
    ? await db
        .createQueryBuilder(Organization, "o")
        .leftJoin(OrganizationMember, "m", "m.organizationId = o.id")
        .leftJoin(OrganizationMemberRole, "ml", "ml.memberId = m.id")
        .leftJoin(Role, "mr", "mr.id = ml.roleId")
        .leftJoin(OrganizationMemberStore, "ms", "ms.memberId = m.id AND ms.storeId = :storeId", { storeId: store.id })
        .select(["o.id", "o.name", "o.plus", "o.ownerId", "m.userId", "mr.systemKey", "ms.storeId"])
        .where("o.id = :orgId", { orgId: store.organizationId })
        .getRawMany<OrganizationRow>()
    : [];
  const accounts = await db
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
    .leftJoin(User, "u", "u.id = su.userId")
    .select(["su", "pm", "r.id", "r.name", "r.systemKey", "g.handle", "u.id", "u.name", "u.email", "u.platformSupport"])
    .where("su.storeId = :storeId", { storeId: store.id })
    .andWhere(`su.status IN (${LIVE_STATUS_SQL})`)
    .getRawMany<Record<string, unknown>>();
  const owningMembers = store.partnerOrganizationId
    ? await db.findBy(PartnerMember, { partnerOrganizationId: store.partnerOrganizationId, status: "ACTIVE" })
    : [];
  return { organization, accounts, owningMembers };
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
