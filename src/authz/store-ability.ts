// Who may do what in one store. Every rule carries the reason that explains it (with its rule id),
// so `explainAccess` and `accessAudit` read their answers from the same rules that decide.
import { AbilityBuilder, createMongoAbility, MongoAbility, subject } from "@casl/ability";
import { SYSTEM_ROLES } from "../domain/roles/role.entity";
import { partnerStoreAccess, type PartnerVerdict } from "./partner-access";
import type { StoreStanding } from "./standing";

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
  partnerSetting: string | null;
  reason: string;
}
export type StoreAbility = MongoAbility<[StoreAbilityAction, StoreSubject | ReturnType<typeof permission>]> & {
  /** The structured form of every rule's reason. */
  vias: Map<string, AccessVia>;
};

export const permission = (handle: string) => subject("Permission", { handle });

const EVERY_PERMISSION = "every store permission";

export function abilityForStore(s: StoreStanding): StoreAbility {
  const { can, cannot, build } = new AbilityBuilder<StoreAbility>(createMongoAbility);
  const vias = new Map<string, AccessVia>();
  /** A rule's reason, remembered with what it stands for. */
  const via = (
    reason: string,
    kind: AccessVia["kind"],
    extra: { role?: { id: number; name: string }; partnerSetting?: string } = {},
  ) => {
    vias.set(reason, { kind, role: extra.role ?? null, partnerSetting: extra.partnerSetting ?? null, reason });
    return reason;
  };
  const systemRole = (key: keyof typeof SYSTEM_ROLES) => ({ id: 0, name: SYSTEM_ROLES[key] });
  const inOrganization = s.organization !== null;
  const managers: StoreAbilityAction[] = ["read", "manageCollaborators", "manageRoles"];

  // A partner organization's store is held through the partner side, whoever created it (R24, R25).
  if (s.isStoreOwner && !s.store.partnerOrganizationId) {
    can([...managers, "transferOwnership"], "Store").because(via("R9: store owner", "OWNERSHIP"));
    can("use", "Permission").because(via(`store owner: ${EVERY_PERMISSION}`, "OWNERSHIP"));
    if (!inOrganization)
      can("editAutoRole", "Store").because(via("R10: owner of a store outside an organization", "OWNERSHIP"));
  }
  if (s.isOrganizationOwner) {
    can([...managers, "editAutoRole"], "Store").because(via("R9, R10: organization owner", "OWNERSHIP"));
    can("use", "Permission").because(via(`organization owner: ${EVERY_PERMISSION}`, "OWNERSHIP"));
  }
  if (s.organizationRoles.has("ORGANIZATION_ADMINISTRATOR")) {
    can([...managers, "editAutoRole"], "Store").because(
      via(`R9, R10: role ${SYSTEM_ROLES.ORGANIZATION_ADMINISTRATOR}`, "ORGANIZATION_ROLE", {
        role: systemRole("ORGANIZATION_ADMINISTRATOR"),
      }),
    );
    can("use", "Permission").because(
      via(`role ${SYSTEM_ROLES.ORGANIZATION_ADMINISTRATOR}: ${EVERY_PERMISSION}`, "ORGANIZATION_ROLE", {
        role: systemRole("ORGANIZATION_ADMINISTRATOR"),
      }),
    );
  }
  if (s.storeUserAdminHere) {
    // R10: assigns existing roles to collaborators; creates and edits no role.
    can(["read", "manageCollaborators"], "Store").because(
      via(`R9: role ${SYSTEM_ROLES.STORE_USER_ADMINISTRATOR} assigned to this store`, "ORGANIZATION_ROLE", {
        role: systemRole("STORE_USER_ADMINISTRATOR"),
      }),
    );
    can("use", "Permission", { handle: "users" }).because(
      via(`role ${SYSTEM_ROLES.STORE_USER_ADMINISTRATOR}`, "ORGANIZATION_ROLE", {
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
      via(`partner side: ${verdict.reason}`, "PARTNER_SETTING", { partnerSetting: verdict.reason }),
    );
  } else if (verdict) {
    const setting = { partnerSetting: verdict.reason };
    can("read", "Store").because(via(`partner side: ${verdict.reason}`, "PARTNER_SETTING", setting));
    if (!s.store.archivedAt) {
      can(["manageCollaborators", "manageRoles", "editAutoRole"], "Store").because(
        via(`partner side: ${verdict.reason}`, "PARTNER_SETTING", setting),
      );
      can("use", "Permission").because(
        via(`partner side: ${verdict.reason}: ${EVERY_PERMISSION}`, "PARTNER_SETTING", setting),
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
          : { allowed: false, reason: "R24: no longer a member of the partner organization that requested access" }
        : null;
    if (partner && !partner.allowed) {
      cannot(["read", "use"], ["Store", "Permission"]).because(
        via(`partner side: ${partner.reason}`, "PARTNER_SETTING", { partnerSetting: partner.reason }),
      );
    } else {
      const side = account.userType === "COLLABORATOR" ? "merchant side: collaborator" : "staff";
      can("read", "Store").because(
        partner
          ? via(`merchant side: active collaborator account; partner side: ${partner.reason}`, "PARTNER_SETTING", {
              partnerSetting: partner.reason,
            })
          : via("active staff account", "RULE"),
      );
      for (const role of s.roles) {
        if (role.systemKey === "ADMINISTRATOR") {
          can([...managers, ...(inOrganization ? [] : (["editAutoRole"] as const))], "Store").because(
            via(`R9: role ${role.name}`, "ROLE", { role }),
          );
          can("use", "Permission").because(via(`role ${role.name}: ${EVERY_PERMISSION}`, "ROLE", { role }));
        } else if (role.permissions.length) {
          can("use", "Permission", { handle: { $in: role.permissions } }).because(
            via(`${side} role ${role.name}`, "ROLE", { role }),
          );
          if (role.permissions.includes("users") && account.userType === "STAFF") {
            can(["manageRoles"], "Store").because(
              via(`permission users (role ${role.name}): manages roles it holds`, "ROLE", { role }),
            );
          }
        }
      }
      // Two-sided: every permission the merchant's roles give a collaborator also rests on the partner side.
      const merchantGiven = s.roles.some((r) => r.systemKey === "ADMINISTRATOR")
        ? null
        : [...new Set(s.roles.flatMap((r) => r.permissions))];
      if (partner && (merchantGiven === null || merchantGiven.length)) {
        const reason = via(`partner side: ${partner.reason}`, "PARTNER_SETTING", { partnerSetting: partner.reason });
        if (merchantGiven === null) can("use", "Permission").because(reason);
        else can("use", "Permission", { handle: { $in: merchantGiven } }).because(reason);
      }
      if (account.userType === "COLLABORATOR" && !s.roles.some((r) => r.permissions.includes("pos"))) {
        cannot("use", "Permission", { handle: "pos" }).because(
          via(
            "merchant side: R12: collaborators have no Point of Sale access unless a role with pos is assigned",
            "RULE",
          ),
        );
      }
    }
  } else if (account && account.userType === "COLLABORATOR" && s.accountStatus === "EXPIRED") {
    cannot(["read", "use"], ["Store", "Permission"]).because(
      via("merchant side: R17: collaborator account expired after 90 days without a login", "RULE"),
    );
  } else if (account && account.userType === "COLLABORATOR" && s.accountStatus === "REQUESTED") {
    cannot(["read", "use"], ["Store", "Permission"]).because(
      via("merchant side: R7: request not accepted yet", "RULE"),
    );
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
    return { allowed: false, reason: "R24: no longer a member of the partner organization owning the store" };
  return null;
}

export interface Explanation {
  allowed: boolean;
  reasons: string[];
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
  const reasons = matching.filter((r) => r.inverted === !allowed && r.reason).map((r) => r.reason!);
  if (!reasons.length) {
    const what =
      typeof target === "string" ? `${action} ${target}` : `permission ${(target as { handle: string }).handle}`;
    reasons.push(`no role, ownership or organization role gives ${what}`);
  }
  const unique = [...new Set(reasons)];
  return { allowed, reasons: unique, via: unique.map((r) => ability.vias.get(r)).filter((v): v is AccessVia => !!v) };
}
