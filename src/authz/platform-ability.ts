// What platform support may do (R18, R30): the one place that reads `user.platformSupport`.
// Everything else asks this ability (through the gate, src/authz/gate.ts).
import { AbilityBuilder, createMongoAbility, MongoAbility } from "@casl/ability";
import type { User } from "../domain/users/user.entity";

export type PlatformAction =
  | "read" // see the object at all
  | "readReports" // R30: the reports of a partner organization
  | "close" // R30: close a report with a resolution
  | "liftBlock" // R18: let a rejected partner organization request a store again
  | "verify"; // check the audit log's hash chain
export type PlatformSubject = "PartnerReport" | "PartnerOrganization" | "Store" | "AuditChain";
export type PlatformAbility = MongoAbility<[PlatformAction, PlatformSubject]>;

export function abilityForPlatform(user: User): PlatformAbility {
  const { can, build } = new AbilityBuilder<PlatformAbility>(createMongoAbility);
  if (user.platformSupport) {
    can(["read", "close"], "PartnerReport").because("R30: platform support");
    can(["read", "readReports"], "PartnerOrganization").because("R30: platform support");
    can("liftBlock", "Store").because("R18: platform support lifts rejection blocks");
    can("verify", "AuditChain").because("platform support");
  }
  return build();
}
