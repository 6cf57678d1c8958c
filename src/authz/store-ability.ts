// Who may do what in one store. Every rule carries the reason that explains it (with its rule id),
// so `explainAccess` and `accessAudit` read their answers from the same rules that decide.
import { AbilityBuilder, createMongoAbility, MongoAbility, subject } from "@casl/ability";
import { SYSTEM_ROLES } from "../domain/roles/role.entity";
import { partnerStoreAccess, type PartnerVerdict } from "./partner-access";
import type { StoreStanding } from "./standing";
import { msg, roleName, type Message } from "../i18n";

export type StoreAbilityAction =
  | "read" // see the store at all
  | "manageCollaborators" // R9: view requests and the code, accept, reject, remove, change collaborators' roles
  | "editAutoRole" // R10: edit or accept with the auto-generated role
  | "manageRoles" // create, edit and delete store roles (never escalating)
  | "transferOwnership" // owner only
  | "use"; // hold a store permission
export type StoreSubject = "Store" | "Permission";
/** What gave (or took) an access, in structured form: audits list these next to the reason. */
export interface AccessVia {
  kind: "OWNERSHIP" | "ORGANIZATION_ROLE" | "ROLE" | "PARTNER_SETTING" | "RULE";
  role: { id: number; name: string } | null;
  partnerSetting: Message | null;
  reason: Message;
}
export type StoreAbility = MongoAbility<[StoreAbilityAction, StoreSubject | ReturnType<typeof permission>]> & {
  /** The structured form of every rule's reason, by the reason's key (`reasonKey`). */
  vias: Map<string, AccessVia>;
};

export const permission = (handle: string) => subject("Permission", { handle });

/** CASL keeps a rule's reason as a string: a message's key, read back through `vias`. */
export const reasonKey = (reason: Message) => JSON.stringify(reason);
const roleWord = (role: { name: string; systemKey?: string | null }) => roleName(role);

export function abilityForStore(s: StoreStanding): StoreAbility {
  const { can, cannot, build } = new AbilityBuilder<StoreAbility>(createMongoAbility);
  const vias = new Map<string, AccessVia>();
  /** A rule's reason, remembered with what it stands for. */
  const via = (
    reason: Message,
    kind: AccessVia["kind"],
    extra: { role?: { id: number; name: string }; partnerSetting?: Message } = {},
  ) => {
    const key = reasonKey(reason);
    vias.set(key, { kind, role: extra.role ?? null, partnerSetting: extra.partnerSetting ?? null, reason });
    return key;
  };
  const systemRole = (key: keyof typeof SYSTEM_ROLES) => ({ id: 0, name: SYSTEM_ROLES[key], systemKey: key });
  const partnerSide = (reason: Message) => msg("reason.partnerSide", { reason }, reason.rule);
  const inOrganization = s.organization !== null;
  const managers: StoreAbilityAction[] = ["read", "manageCollaborators", "manageRoles"];

  // A partner organization's store is held through the partner side, whoever created it (R24, R25).
  if (s.isStoreOwner && !s.store.partnerOrganizationId) {
    can([...managers, "transferOwnership"], "Store").because(via(msg("reason.storeOwner", {}, "R9"), "OWNERSHIP"));
    can("use", "Permission").because(via(msg("reason.storeOwnerEveryPermission"), "OWNERSHIP"));
    if (!inOrganization)
      can("editAutoRole", "Store").because(via(msg("reason.ownerOutsideOrganization", {}, "R10"), "OWNERSHIP"));
  }
  if (s.isOrganizationOwner) {
    can([...managers, "editAutoRole"], "Store").because(
      via(msg("reason.organizationOwner", {}, "R9, R10"), "OWNERSHIP"),
    );
    can("use", "Permission").because(via(msg("reason.organizationOwnerEveryPermission"), "OWNERSHIP"));
  }
  if (s.organizationRoles.has("ORGANIZATION_ADMINISTRATOR")) {
    can([...managers, "editAutoRole"], "Store").because(
      via(
        msg("reason.role", { role: roleWord(systemRole("ORGANIZATION_ADMINISTRATOR")) }, "R9, R10"),
        "ORGANIZATION_ROLE",
        {
          role: systemRole("ORGANIZATION_ADMINISTRATOR"),
        },
      ),
    );
    can("use", "Permission").because(
      via(
        msg("reason.roleEveryPermission", { role: roleWord(systemRole("ORGANIZATION_ADMINISTRATOR")) }),
        "ORGANIZATION_ROLE",
        {
          role: systemRole("ORGANIZATION_ADMINISTRATOR"),
        },
      ),
    );
  }
  if (s.storeUserAdminHere) {
    // R10: assigns existing roles to collaborators; creates and edits no role.
    can(["read", "manageCollaborators"], "Store").because(
      via(
        msg("reason.storeUserAdministratorHere", { role: roleWord(systemRole("STORE_USER_ADMINISTRATOR")) }, "R9"),
        "ORGANIZATION_ROLE",
        {
          role: systemRole("STORE_USER_ADMINISTRATOR"),
        },
      ),
    );
    can("use", "Permission", { handle: "users" }).because(
      via(msg("reason.role", { role: roleWord(systemRole("STORE_USER_ADMINISTRATOR")) }), "ORGANIZATION_ROLE", {
        role: systemRole("STORE_USER_ADMINISTRATOR"),
      }),
    );
  }

  // A development or Plus sandbox store belongs to a partner organization: its members reach it
  // as their organization's store access says (R24, R25). A staff account there (made for the
  // member who created the store) counts through that same partner side only: a member set to
  // NONE and a member removed from the organization lose the store alike.
  const verdict = owningPartnerSide(s);
  if (verdict && !verdict.allowed) {
    cannot(["read", "use"], ["Store", "Permission"]).because(
      via(partnerSide(verdict.reason), "PARTNER_SETTING", { partnerSetting: verdict.reason }),
    );
  } else if (verdict) {
    const setting = { partnerSetting: verdict.reason };
    can("read", "Store").because(via(partnerSide(verdict.reason), "PARTNER_SETTING", setting));
    if (!s.store.archivedAt) {
      can(["manageCollaborators", "manageRoles", "editAutoRole"], "Store").because(
        via(partnerSide(verdict.reason), "PARTNER_SETTING", setting),
      );
      can("use", "Permission").because(
        via(
          msg("reason.partnerSideEveryPermission", { reason: verdict.reason }, verdict.reason.rule),
          "PARTNER_SETTING",
          setting,
        ),
      );
    }
  }

  // In a partner organization's own store, its members' accounts and staff accounts count only through the partner side.
  const account = verdict ? null : s.account;
  if (account && s.accountStatus === "ACTIVE") {
    // Two-sided access: a collaborator needs the merchant's account and their partner organization's say.
    const partner =
      account.userType === "COLLABORATOR"
        ? s.partnerMember
          ? partnerStoreAccess(s.partnerMember, "MANAGED", s.store.id)
          : { allowed: false, reason: msg("partnerVerdict.noLongerMemberRequesting", {}, "R24") }
        : null;
    if (partner && !partner.allowed) {
      cannot(["read", "use"], ["Store", "Permission"]).because(
        via(partnerSide(partner.reason), "PARTNER_SETTING", { partnerSetting: partner.reason }),
      );
    } else {
      const side = account.userType === "COLLABORATOR" ? "reason.collaboratorRole" : "reason.staffRole";
      can("read", "Store").because(
        partner
          ? via(
              msg("reason.collaboratorBothSides", { reason: partner.reason }, partner.reason.rule),
              "PARTNER_SETTING",
              {
                partnerSetting: partner.reason,
              },
            )
          : via(msg("reason.activeStaffAccount"), "RULE"),
      );
      for (const role of s.roles) {
        if (role.systemKey === "ADMINISTRATOR") {
          can([...managers, ...(inOrganization ? [] : (["editAutoRole"] as const))], "Store").because(
            via(msg("reason.role", { role: roleWord(role) }, "R9"), "ROLE", { role }),
          );
          can("use", "Permission").because(
            via(msg("reason.roleEveryPermission", { role: roleWord(role) }), "ROLE", { role }),
          );
        } else if (role.permissions.length) {
          can("use", "Permission", { handle: { $in: role.permissions } }).because(
            via(msg(side, { role: roleWord(role) }), "ROLE", { role }),
          );
          if (role.permissions.includes("users") && account.userType === "STAFF") {
            can(["manageRoles"], "Store").because(
              via(msg("reason.usersPermissionManagesRoles", { role: roleWord(role) }), "ROLE", { role }),
            );
          }
        }
      }
      // Two-sided: every permission the merchant's roles give a collaborator also rests on the partner side.
      const merchantGiven = s.roles.some((r) => r.systemKey === "ADMINISTRATOR")
        ? null
        : [...new Set(s.roles.flatMap((r) => r.permissions))];
      if (partner && (merchantGiven === null || merchantGiven.length)) {
        const reason = via(partnerSide(partner.reason), "PARTNER_SETTING", { partnerSetting: partner.reason });
        if (merchantGiven === null) can("use", "Permission").because(reason);
        else can("use", "Permission", { handle: { $in: merchantGiven } }).because(reason);
      }
      if (account.userType === "COLLABORATOR" && !s.roles.some((r) => r.permissions.includes("pos"))) {
        cannot("use", "Permission", { handle: "pos" }).because(via(msg("reason.noPointOfSale", {}, "R12"), "RULE"));
      }
    }
  } else if (account && account.userType === "COLLABORATOR" && s.accountStatus === "EXPIRED") {
    cannot(["read", "use"], ["Store", "Permission"]).because(via(msg("reason.collaboratorExpired", {}, "R17"), "RULE"));
  } else if (account && account.userType === "COLLABORATOR" && s.accountStatus === "REQUESTED") {
    cannot(["read", "use"], ["Store", "Permission"]).because(via(msg("reason.requestNotAccepted", {}, "R7"), "RULE"));
  }
  return Object.assign(build(), { vias });
}

/**
 * R24, R25: the partner side of a partner organization's own store for this user: their membership's
 * store access; for a staff account of someone no longer a member, a no. Null when it does not apply
 * (a merchant's store, or a user with neither a membership nor a staff account there).
 */
function owningPartnerSide(s: StoreStanding): PartnerVerdict | null {
  if (!s.store.partnerOrganizationId) return null;
  if (s.owningPartnerMember) return partnerStoreAccess(s.owningPartnerMember, s.store.storeType, s.store.id);
  if (s.account?.userType === "STAFF")
    return { allowed: false, reason: msg("partnerVerdict.noLongerMemberOwning", {}, "R24") };
  return null;
}

export interface Explanation {
  allowed: boolean;
  /** Each reason as a message with its rule id (rendered in the reader's language by the GraphQL layer). */
  reasons: Message[];
  /** The structured form of the reasons that come from rules. */
  via: AccessVia[];
}

/** Why an ability allows or refuses: the reasons of the rules that matched, read from the ability itself. */
export function explain(
  ability: StoreAbility,
  action: StoreAbilityAction,
  target: StoreSubject | ReturnType<typeof permission>,
): Explanation {
  const allowed = ability.can(action, target);
  const type = typeof target === "string" ? target : "Permission";
  const matching = ability
    .rulesFor(action, type)
    .filter((r) => r.matchesConditions(typeof target === "string" ? undefined : target));
  const keys = [...new Set(matching.filter((r) => r.inverted === !allowed && r.reason).map((r) => r.reason!))];
  const via = keys.map((k) => ability.vias.get(k)).filter((v): v is AccessVia => !!v);
  const reasons = via.map((v) => v.reason);
  if (!reasons.length)
    reasons.push(
      typeof target === "string"
        ? msg("reason.nothingGivesAction", { action, subject: target })
        : msg("reason.nothingGivesPermission", { handle: (target as { handle: string }).handle }),
    );
  return { allowed, reasons, via };
}
