// Who may do what in one organization (R9, R10, R14): its owner and Organization administrators.
import { AbilityBuilder, createMongoAbility, MongoAbility } from "@casl/ability";
import { EntityManager, In } from "typeorm";
import { Organization } from "../domain/organizations/organization.entity";
import { OrganizationMember } from "../domain/organizations/organization-member.entity";
import { OrganizationMemberRole } from "../domain/organizations/organization-member-role.entity";
import { StoreUser } from "../domain/collaborators/store-user.entity";
import { Role, SYSTEM_ROLES } from "../domain/roles/role.entity";
import { Store } from "../domain/stores/store.entity";
import type { User } from "../domain/users/user.entity";

export type OrganizationAction = "read" | "manageRoles" | "manageCollaborators";
export type OrganizationAbility = MongoAbility<[OrganizationAction, "Organization"]>;

export async function abilityForOrganization(
  db: EntityManager,
  user: User,
  organization: Organization,
): Promise<OrganizationAbility> {
  const { can, build } = new AbilityBuilder<OrganizationAbility>(createMongoAbility);
  if (organization.ownerId === user.id)
    can(["read", "manageRoles", "manageCollaborators"], "Organization").because("organization owner");
  const member = await db.findOneBy(OrganizationMember, { organizationId: organization.id, userId: user.id });
  if (member) {
    can("read", "Organization").because("organization member");
    const links = await db.findBy(OrganizationMemberRole, { memberId: member.id });
    const roles = links.length ? await db.findBy(Role, { id: In(links.map((l) => l.roleId)) }) : [];
    if (roles.some((r) => r.systemKey === "ORGANIZATION_ADMINISTRATOR")) {
      can(["manageRoles", "manageCollaborators"], "Organization").because(
        `role ${SYSTEM_ROLES.ORGANIZATION_ADMINISTRATOR}`,
      );
    }
  }
  const storeStaff = await db
    .createQueryBuilder(Store, "store")
    .leftJoin(
      StoreUser,
      "su",
      "su.storeId = store.id AND su.userId = :userId AND su.userType = 'STAFF' AND su.status = 'ACTIVE'",
      { userId: user.id },
    )
    .where("store.organizationId = :orgId", { orgId: organization.id })
    .andWhere("(store.ownerId = :userId OR su.id IS NOT NULL)", { userId: user.id })
    .getCount();
  if (storeStaff) can("read", "Organization").because("owner or staff of one of its stores");
  return build();
}
