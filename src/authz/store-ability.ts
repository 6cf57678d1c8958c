// Who may do what in one store. Every rule carries the reason that explains it (with its rule id),
// so `explainAccess` and `accessAudit` read their answers from the same rules that decide.
import { AbilityBuilder, createMongoAbility, MongoAbility, subject } from "@casl/ability";
import { STORE_PERMISSION_HANDLES } from "../domain/roles/permissions";
import { SYSTEM_ROLES } from "../domain/roles/role.entity";
import { partnerStoreAccess } from "./partner-access";
import type { StoreStanding } from "./standing";

export type StoreAction =
  | "read" // see the store at all
  | "manageCollaborators" // R9: view requests and the code, accept, reject, remove, change collaborators' roles
  | "editAutoRole" // R10: edit or accept with the auto-generated role
  | "manageRoles" // create, edit and delete store roles (never escalating)
  | "transferOwnership" // owner only
  | "liftBlock" // R18: platform support
  | "use"; // hold a store permission
export type StoreSubject = "Store" | "Permission";
export type StoreAbility = MongoAbility<[StoreAction, StoreSubject | ReturnType<typeof permission>]>;

export const permission = (handle: string) => subject("Permission", { handle });

const EVERY_PERMISSION = "every store permission";

export function abilityForStore(s: StoreStanding): StoreAbility {
  const { can, cannot, build } = new AbilityBuilder<StoreAbility>(createMongoAbility);
  const inOrganization = s.organization !== null;
  const managers: StoreAction[] = ["read", "manageCollaborators", "manageRoles"];

  if (s.isStoreOwner) {
    can([...managers, "transferOwnership"], "Store").because("R9: store owner");
    can("use", "Permission").because(`store owner: ${EVERY_PERMISSION}`);
    if (!inOrganization) can("editAutoRole", "Store").because("R10: owner of a store outside an organization");
  }
  if (s.isOrganizationOwner) {
    can([...managers, "editAutoRole"], "Store").because("R9, R10: organization owner");
    can("use", "Permission").because(`organization owner: ${EVERY_PERMISSION}`);
  }
  if (s.organizationRoles.has("ORGANIZATION_ADMINISTRATOR")) {
    can([...managers, "editAutoRole"], "Store").because(`R9, R10: role ${SYSTEM_ROLES.ORGANIZATION_ADMINISTRATOR}`);
    can("use", "Permission").because(`role ${SYSTEM_ROLES.ORGANIZATION_ADMINISTRATOR}: ${EVERY_PERMISSION}`);
  }
  if (s.storeUserAdminHere) {
    // R10: assigns existing roles to collaborators; creates and edits no role.
    can(["read", "manageCollaborators"], "Store").because(`R9: role ${SYSTEM_ROLES.STORE_USER_ADMINISTRATOR} assigned to this store`);
    can("use", "Permission", { handle: "users" }).because(`role ${SYSTEM_ROLES.STORE_USER_ADMINISTRATOR}`);
  }

  // A development or Plus sandbox store belongs to a partner organization: its members reach it
  // as their organization's store access says (R24, R25).
  if (s.owningPartnerMember) {
    const verdict = partnerStoreAccess(s.owningPartnerMember, s.store.storeType, s.store.id);
    if (verdict.allowed) {
      can("read", "Store").because(`partner side: ${verdict.reason}`);
      if (!s.store.archivedAt) {
        can(["manageCollaborators", "manageRoles", "editAutoRole"], "Store").because(`partner side: ${verdict.reason}`);
        can("use", "Permission").because(`partner side: ${verdict.reason}: ${EVERY_PERMISSION}`);
      }
    }
  }

  const account = s.account;
  if (account && s.accountStatus === "ACTIVE") {
    // Two-sided access: a collaborator needs the merchant's account and their partner organization's say.
    const partner =
      account.userType === "COLLABORATOR"
        ? s.partnerMember
          ? partnerStoreAccess(s.partnerMember, "MANAGED", s.store.id)
          : { allowed: false, reason: "R24: no longer a member of the partner organization that requested access" }
        : null;
    if (partner && !partner.allowed) {
      cannot(["read", "use"], ["Store", "Permission"]).because(`partner side: ${partner.reason}`);
    } else {
      const side = account.userType === "COLLABORATOR" ? "merchant side: collaborator" : "staff";
      can("read", "Store").because(partner ? `merchant side: active collaborator account; partner side: ${partner.reason}` : "active staff account");
      for (const role of s.roles) {
        if (role.systemKey === "ADMINISTRATOR") {
          can([...managers, ...(inOrganization ? [] : (["editAutoRole"] as const))], "Store").because(`R9: role ${role.name}`);
          can("use", "Permission").because(`role ${role.name}: ${EVERY_PERMISSION}`);
        } else if (role.permissions.length) {
          can("use", "Permission", { handle: { $in: role.permissions } }).because(`${side} role ${role.name}`);
          if (role.permissions.includes("users") && account.userType === "STAFF") {
            can(["manageRoles"], "Store").because(`permission users (role ${role.name}): manages roles it holds`);
          }
        }
      }
      if (account.userType === "COLLABORATOR" && !s.roles.some((r) => r.permissions.includes("pos"))) {
        cannot("use", "Permission", { handle: "pos" }).because("merchant side: R12: collaborators have no Point of Sale access unless a role with pos is assigned");
      }
    }
  } else if (account && account.userType === "COLLABORATOR" && s.accountStatus === "EXPIRED") {
    cannot(["read", "use"], ["Store", "Permission"]).because("merchant side: R17: collaborator account expired after 90 days without a login");
  } else if (account && account.userType === "COLLABORATOR" && s.accountStatus === "REQUESTED") {
    cannot(["read", "use"], ["Store", "Permission"]).because("merchant side: R7: request not accepted yet");
  }
  if (s.user.platformSupport) can("liftBlock", "Store").because("R18: platform support");
  return build();
}

export interface Explanation {
  allowed: boolean;
  reasons: string[];
}

/** Why an ability allows or refuses: the reasons of the rules that matched, read from the ability itself. */
export function explain(ability: StoreAbility, action: StoreAction, target: StoreSubject | ReturnType<typeof permission>): Explanation {
  const allowed = ability.can(action, target);
  const type = typeof target === "string" ? target : "Permission";
  const matching = ability.rulesFor(action, type).filter((r) => r.matchesConditions(typeof target === "string" ? undefined : target));
  const reasons = matching.filter((r) => r.inverted === !allowed && r.reason).map((r) => r.reason!);
  if (!reasons.length) {
    const what = typeof target === "string" ? `${action} ${target}` : `permission ${(target as { handle: string }).handle}`;
    reasons.push(`no role, ownership or organization role gives ${what}`);
  }
  return { allowed, reasons: [...new Set(reasons)] };
}

export const ALL_STORE_PERMISSIONS = STORE_PERMISSION_HANDLES;
