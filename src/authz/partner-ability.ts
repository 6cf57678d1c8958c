// Who may do what in a partner organization (R22, R23, R26, R27): owners do everything; staff
// manage members only with manage_members, and never owners.
import { AbilityBuilder, createMongoAbility, MongoAbility, subject } from "@casl/ability";
import { EntityManager } from "typeorm";
import { PartnerMember } from "../domain/partners/partner-member.entity";
import { PartnerOrganization } from "../domain/partners/partner-organization.entity";
import { effectivePartnerPermissions } from "../domain/partners/partner-permissions";
import type { User } from "../domain/users/user.entity";
import { abilityForPlatform } from "./platform-ability";

export type PartnerAction =
  | "read" // see the organization and its team
  | "manageMembers" // invite, update, remove staff; manage their store access (R26)
  | "manageOwners" // invite, promote, demote or remove owners (R22)
  | "readReports" // R30: platform support
  | "grantPermission"; // R23: give a staff member a sensitive permission (never one the granter lacks)
export type PartnerSubject = "PartnerOrganization" | "PartnerPermission" | ReturnType<typeof partnerPermission>;
export type PartnerAbility = MongoAbility<[PartnerAction, PartnerSubject]>;

/** A sensitive partner permission (R23), as the subject of "grantPermission". */
export const partnerPermission = (handle: string) => subject("PartnerPermission", { handle });

export interface PartnerStanding {
  organization: PartnerOrganization;
  /** The viewer's active membership, if any. */
  member: PartnerMember | null;
  ability: PartnerAbility;
}

export function abilityForPartner(user: User, member: PartnerMember | null): PartnerAbility {
  const { can, build } = new AbilityBuilder<PartnerAbility>(createMongoAbility);
  if (member?.type === "OWNER") {
    can(["read", "manageMembers", "manageOwners"], "PartnerOrganization").because("R22: partner organization owner");
    can("grantPermission", "PartnerPermission").because(
      "R22: partner organization owners grant every partner permission",
    );
  } else if (member) {
    can("read", "PartnerOrganization").because("R22: partner organization staff");
    const held = effectivePartnerPermissions(member.permissions);
    if (held.includes("manage_members")) {
      can("manageMembers", "PartnerOrganization").because("R26: staff with manage_members");
      can("grantPermission", "PartnerPermission", { handle: { $in: held } }).because(
        "R23: staff with manage_members grant only the partner permissions they hold",
      );
    }
  }
  // R30: platform support, as the platform ability says.
  const platform = abilityForPlatform(user);
  if (platform.can("readReports", "PartnerOrganization"))
    can(["read", "readReports"], "PartnerOrganization").because("R30: platform support");
  return build();
}

export async function loadPartnerStanding(
  db: EntityManager,
  user: User,
  organization: PartnerOrganization,
): Promise<PartnerStanding> {
  const member = await db.findOneBy(PartnerMember, {
    partnerOrganizationId: organization.id,
    userId: user.id,
    status: "ACTIVE",
  });
  return { organization, member, ability: abilityForPartner(user, member) };
}
