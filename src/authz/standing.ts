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
  const organization = store.organizationId ? await db.findOneBy(Organization, { id: store.organizationId }) : null;
  const organizationRoles = new Set<SystemRoleKey>();
  let storeUserAdminHere = false;
  if (organization) {
    const member = await db.findOneBy(OrganizationMember, { organizationId: organization.id, userId: user.id });
    if (member) {
      const links = await db.findBy(OrganizationMemberRole, { memberId: member.id });
      const roles = links.length ? await db.findBy(Role, { id: In(links.map((l) => l.roleId)) }) : [];
      for (const r of roles) if (r.systemKey) organizationRoles.add(r.systemKey);
      if (organizationRoles.has("STORE_USER_ADMINISTRATOR")) {
        storeUserAdminHere = (await db.countBy(OrganizationMemberStore, { memberId: member.id, storeId: store.id })) > 0;
      }
    }
  }
  const account = await db.findOne(StoreUser, {
    where: { storeId: store.id, userId: user.id, status: In(["ACTIVE", "REQUESTED"]) },
  });
  const accountStatus = account ? effectiveStatus(account, now) : null;
  const roles = account && accountStatus === "ACTIVE" ? await heldRoles(db, account.id) : [];
  const partnerMember =
    account?.userType === "COLLABORATOR" && account.partnerOrganizationId
      ? await db.findOneBy(PartnerMember, { partnerOrganizationId: account.partnerOrganizationId, userId: user.id, status: "ACTIVE" })
      : null;
  const owningPartnerMember = store.partnerOrganizationId
    ? await db.findOneBy(PartnerMember, { partnerOrganizationId: store.partnerOrganizationId, userId: user.id, status: "ACTIVE" })
    : null;
  return {
    owningPartnerMember,
    user,
    store,
    organization,
    isStoreOwner: store.ownerId === user.id,
    isOrganizationOwner: organization?.ownerId === user.id,
    organizationRoles,
    storeUserAdminHere,
    account,
    accountStatus,
    roles,
    partnerMember,
  };
}

export async function heldRoles(db: EntityManager, storeUserId: number): Promise<HeldRole[]> {
  const links = await db.findBy(StoreUserRole, { storeUserId });
  if (!links.length) return [];
  const roles = await db.findBy(Role, { id: In(links.map((l) => l.roleId)) });
  const grants = await db.findBy(RolePermission, { roleId: In(roles.map((r) => r.id)) });
  return roles.map((r) => ({
    id: r.id,
    name: r.name,
    systemKey: r.systemKey,
    permissions: grants.filter((g) => g.roleId === r.id).map((g) => g.handle),
  }));
}
