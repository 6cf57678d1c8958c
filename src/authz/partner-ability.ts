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
export type PartnerSubject =
  | "PartnerOrganization"
  | "PartnerPermission"
  | ReturnType<typeof partnerPermission>
  | "PartnerAuditEvent"
  | ReturnType<typeof partnerAuditEvent>;
export type PartnerAbility = MongoAbility<[PartnerAction, PartnerSubject]>;

/** A sensitive partner permission (R23), as the subject of "grantPermission". */
export const partnerPermission = (handle: string) => subject("PartnerPermission", { handle });

/** R30: the events of a report of a partner organization and of its closing by support. */
export const REPORT_EVENT_ACTIONS = ["partner_organization.reported", "partner_report.closed"] as const;

/** An event of a partner organization's audit log, by its action, as the subject of "read". */
export const partnerAuditEvent = (action: string) => subject("PartnerAuditEvent", { action });

export interface PartnerStanding {
  organization: PartnerOrganization;
  /** The viewer's active membership, if any. */
  member: PartnerMember | null;
  ability: PartnerAbility;
}

export function abilityForPartner(user: User, member: PartnerMember | null): PartnerAbility {
  const { can, cannot, build } = new AbilityBuilder<PartnerAbility>(createMongoAbility);
  if (member?.type === "OWNER") {
    can(["read", "manageMembers", "manageOwners"], "PartnerOrganization").because("R22: partner organization owner");
    can("grantPermission", "PartnerPermission").because(
      "R22: partner organization owners grant every partner permission",
    );
    can("read", "PartnerAuditEvent").because("R27: partner organization owners read its audit log");
  } else if (member) {
    can("read", "PartnerOrganization").because("R22: partner organization staff");
    const held = effectivePartnerPermissions(member.permissions);
    if (held.includes("manage_members")) {
      can("manageMembers", "PartnerOrganization").because("R26: staff with manage_members");
      can("grantPermission", "PartnerPermission", { handle: { $in: held } }).because(
        "R23: staff with manage_members grant only the partner permissions they hold",
      );
      can("read", "PartnerAuditEvent").because("R26, R27: staff with manage_members read its audit log");
    }
  }
  // R30: the reports of the organization and support's resolutions are not for its team, whoever
  // reads its audit log (R27); platform support reads them (below).
  cannot("read", "PartnerAuditEvent", { action: { $in: [...REPORT_EVENT_ACTIONS] } }).because(
    "R30: reports of a partner organization and their resolutions are for platform support only",
  );
  // R30: platform support, as the platform ability says.
  const platform = abilityForPlatform(user);
  if (platform.can("readReports", "PartnerOrganization"))
    can(["read", "readReports"], "PartnerOrganization").because("R30: platform support");
  if (platform.can("readReports", "PartnerOrganization"))
    can("read", "PartnerAuditEvent").because("R30: platform support reads the reports of partners");
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
