// The rules a well-formed fixture could still break, checked by the domain's own rule functions
// (the services call the same ones): R8, R11, R22, R24, R25, R29, and what keeps the world
// consistent (unique emails and domains, a user's one place in a store, roles that exist).
import { hasRequiredRole } from "../domain/collaborators/collaborator.service";
import { isLive } from "../domain/collaborators/store-user.entity";
import { UserFailure } from "../domain/errors";
import {
  actionsAllowedWith,
  isPartnerOwnedStoreType,
  isStoreTypeAction,
  storesAllowedWith,
  storeTypeOffered,
} from "../domain/partners/partner-permissions";
import { keepsAnOwner } from "../domain/partners/partner-member.service";
import { SYSTEM_ROLES, type Role, type RoleScope } from "../domain/roles/role.entity";
import { assignableToCollaborator, checkPermissions } from "../domain/roles/role.service";
import { STORE_TYPES } from "../domain/stores/store.entity";
import { normalizeEmail } from "../domain/users/auth.service";
import {
  q,
  type FixtureOrganization,
  type FixturePartner,
  type FixtureRole,
  type FixtureStore,
  type FixtureUser,
} from "./fixture-schema";

/** A path into the fixture, as zod gives it: `["stores", 1, "staff", 0]`. */
export type FixturePath = readonly PropertyKey[];

/** An entry that has the right shape, with its index in its list. */
export interface Parsed<T> {
  index: number;
  value: T;
}

export interface ParsedFixture {
  users: Parsed<FixtureUser>[];
  organizations: Parsed<FixtureOrganization>[];
  stores: Parsed<FixtureStore>[];
  partners: Parsed<FixturePartner>[];
}

type RoleKind = Pick<Role, "systemKey"> & { scope: RoleScope | null };
const ADMINISTRATOR: RoleKind = { systemKey: "ADMINISTRATOR", scope: "STORE" };
const ORGANIZATION_SYSTEM_ROLES: readonly string[] = [
  SYSTEM_ROLES.ORGANIZATION_ADMINISTRATOR,
  SYSTEM_ROLES.STORE_USER_ADMINISTRATOR,
];
const SYSTEM_ROLE_NAMES = Object.values(SYSTEM_ROLES).map((n) => n.toLowerCase());

/** A domain refusal as a fixture reason: "Unknown permission "x"." becomes `unknown permission "x"`. */
const reasonOf = (failure: UserFailure) => {
  const text = failure.message.replace(/\.$/, "");
  return /^R\d/.test(text) ? text : text[0].toLowerCase() + text.slice(1);
};

/** Permission handles through the domain's catalog check; the scope, or null with the refusal reported. */
function permissionScope(handles: string[], report: (message: string) => void): RoleScope | null {
  try {
    return checkPermissions(handles, []).scope;
  } catch (error) {
    if (!(error instanceof UserFailure)) throw error;
    report(reasonOf(error));
    return null;
  }
}

/**
 * Every rule a fixture of the right shape could break; `at(path)` names an entry for a message.
 * Entries with shape errors are not here (they are reported already); what refers to them is
 * checked no further, so that one mistake is reported once.
 */
export function checkFixtureRules(fixture: ParsedFixture, at: (path: FixturePath) => string): string[] {
  const errors: string[] = [];
  const error = (path: FixturePath, message: string) => errors.push(`${at(path)}: ${message}`);
  const byKey = <T extends { key: string }>(list: Parsed<T>[]) => new Map(list.map((e) => [e.value.key, e.value]));
  const partners = byKey(fixture.partners);
  const stores = byKey(fixture.stores);

  // Users: one account per email address.
  const emails = new Map<string, string>();
  for (const { index, value: user } of fixture.users) {
    const email = normalizeEmail(user.email);
    const taken = emails.get(email);
    if (taken !== undefined) error(["users", index], `email ${q(user.email)} is already used by user ${q(taken)}`);
    else emails.set(email, user.key);
  }

  /** The roles of a store or an organization: their permissions, names unique there and not a system role's. */
  const checkRoles = (
    roles: FixtureRole[] | undefined,
    path: FixturePath,
    kind: "store" | "organization",
    taken = new Map<string, string>(),
  ) => {
    const byName = new Map<string, RoleKind>();
    (roles ?? []).forEach((role, i) => {
      const rolePath = [...path, "roles", i];
      const scope = permissionScope(role.permissions, (message) => error(rolePath, message));
      if (kind === "store" && scope === "ORGANIZATION") error(rolePath, "a store role holds store permissions only");
      const lower = role.name.toLowerCase();
      if (SYSTEM_ROLE_NAMES.includes(lower)) error(rolePath, `${q(role.name)} is a system role's name`);
      else if ([...byName.keys()].some((n) => n.toLowerCase() === lower))
        error(rolePath, `duplicate role name ${q(role.name)}`);
      else if (taken.has(lower)) error(rolePath, `role name ${q(role.name)} is already a role of ${taken.get(lower)}`);
      byName.set(role.name, { systemKey: null, scope });
    });
    return byName;
  };

  // Organizations: their roles, and their members' roles and assigned stores.
  const organizationRoles = new Map<string, Map<string, RoleKind>>();
  for (const { index, value: organization } of fixture.organizations) {
    const path = ["organizations", index];
    const roles = checkRoles(organization.roles, path, "organization");
    organizationRoles.set(organization.key, roles);
    const seen = new Set<string>();
    (organization.members ?? []).forEach((member, i) => {
      const memberPath = [...path, "members", i];
      if (seen.has(member.user)) error(memberPath, `user ${q(member.user)} is listed twice`);
      seen.add(member.user);
      const names = member.roles ?? [];
      for (const name of names) {
        if (!ORGANIZATION_SYSTEM_ROLES.includes(name) && !roles.has(name))
          error(
            memberPath,
            `unknown role ${q(name)} (an organization member may have ${ORGANIZATION_SYSTEM_ROLES.map(q).join(", ")} or the organization's roles)`,
          );
      }
      if (member.stores?.length && !names.includes(SYSTEM_ROLES.STORE_USER_ADMINISTRATOR))
        error(memberPath, `stores are assigned only to a ${q(SYSTEM_ROLES.STORE_USER_ADMINISTRATOR)}`);
      for (const key of member.stores ?? []) {
        const store = stores.get(key);
        if (store && store.organization !== organization.key)
          error(memberPath, `store ${q(key)} is not a store of organization ${q(organization.key)}`);
      }
    });
  }

  // Partner organizations: their owners (R22) and each member's store access (R24, R25).
  for (const { index, value: partner } of fixture.partners) {
    const path = ["partners", index];
    const seen = new Set<string>();
    partner.members.forEach((member, i) => {
      const memberPath = [...path, "members", i];
      if (seen.has(member.user)) error(memberPath, `user ${q(member.user)} is listed twice`);
      seen.add(member.user);
      for (const storeType of STORE_TYPES) {
        const setting = member.storeAccess?.[storeType];
        if (!setting) continue;
        const settingPath = [...memberPath, "storeAccess", storeType];
        const actions = setting.actions ?? [];
        if (!storeTypeOffered(storeType, { plus: partner.plus ?? false }))
          error(settingPath, "R24: PLUS_SANDBOX exists only for Plus partner organizations");
        if (!storesAllowedWith(setting.access, setting.stores ?? []))
          error(settingPath, "R24: stores are given only with access SPECIFIC");
        for (const action of actions) {
          if (!isStoreTypeAction(storeType, action))
            error(settingPath, `R25: action ${action} does not exist for ${storeType} stores`);
        }
        if (!actionsAllowedWith(setting.access, actions)) error(settingPath, "R25: no actions where access is NONE");
      }
    });
    if (partner.members.length && !keepsAnOwner(partner.members.filter((m) => m.type === "OWNER").length))
      error(path, "R22: a partner organization has at least one OWNER member");
  }
  const isPartnerMember = (partnerKey: string, user: string) =>
    partners.get(partnerKey)?.members.some((m) => m.user === user);

  // Stores.
  const domains = new Map<string, string>();
  for (const { index, value: store } of fixture.stores) {
    const path = ["stores", index];
    const domain = store.domain.trim().toLowerCase();
    const taken = domains.get(domain);
    if (taken !== undefined) error(path, `domain ${q(store.domain)} is already used by store ${q(taken)}`);
    else domains.set(domain, store.key);

    // R24, R25: a development or Plus sandbox store belongs to a partner organization, a managed one to a merchant.
    const storeType = store.storeType ?? "MANAGED";
    if (!isPartnerOwnedStoreType(storeType)) {
      if (store.partner !== undefined)
        error(path, "partner is given only for DEVELOPMENT and PLUS_SANDBOX stores (the owning partner organization)");
      if (store.archived !== undefined) error(path, "R25: only DEVELOPMENT and PLUS_SANDBOX stores are archived");
    } else {
      if (store.organization != null)
        error(path, `a ${storeType} store belongs to a partner organization, not to an organization`);
      const owning = store.partner === undefined ? undefined : partners.get(store.partner);
      if (store.partner === undefined)
        error(path, `a ${storeType} store needs partner, the key of the partner organization owning it`);
      else if (owning && !storeTypeOffered(storeType, { plus: owning.plus ?? false }))
        error(path, `R24: PLUS_SANDBOX exists only for Plus partner organizations; ${q(store.partner)} is not Plus`);
      else if (owning && !isPartnerMember(store.partner, store.owner))
        error(path, `owner ${q(store.owner)} is not a member of partner organization ${q(store.partner)}`);
    }

    // Roles: the store's own, its organization's (when that organization is well-formed), Administrator.
    const inherited =
      store.organization != null ? organizationRoles.get(store.organization) : new Map<string, RoleKind>();
    const inheritedNames = new Map(
      [...(inherited?.keys() ?? [])].map((n) => [n.toLowerCase(), `organization ${q(store.organization)}`]),
    );
    const own = checkRoles(store.roles, path, "store", inheritedNames);
    const storeRole = (name: string, where: FixturePath, collaborator: boolean) => {
      const role = name === SYSTEM_ROLES.ADMINISTRATOR ? ADMINISTRATOR : (own.get(name) ?? inherited?.get(name));
      if (!role) {
        if (ORGANIZATION_SYSTEM_ROLES.includes(name))
          error(where, `${q(name)} is an organization role, not a store role`);
        else if (inherited) error(where, `unknown role ${q(name)}`);
        return;
      }
      if (role.scope === null) return; // its permissions are reported already
      if (collaborator && !assignableToCollaborator({ systemKey: role.systemKey, scope: role.scope }))
        error(
          where,
          `R11: ${role.scope === "ORGANIZATION" ? "organization role " : ""}${q(name)} can never be assigned to a collaborator`,
        );
      else if (role.scope === "ORGANIZATION") error(where, `${q(name)} is an organization role, not a store role`);
    };

    // Staff: the owner is staff already; nobody is staff twice.
    const staff = new Map<string, string>([[store.owner, "the store owner"]]);
    (store.staff ?? []).forEach((member, i) => {
      const memberPath = [...path, "staff", i];
      const already = staff.get(member.user);
      if (already) error(memberPath, `user ${q(member.user)} is already ${already}`);
      else staff.set(member.user, "staff of this store");
      for (const name of member.roles ?? []) storeRole(name, memberPath, false);
    });

    // Collaborators: never staff too; one live account per user (R29); R8 and R11 for their roles.
    const live = new Set<string>();
    (store.collaborators ?? []).forEach((collaborator, i) => {
      const memberPath = [...path, "collaborators", i];
      const { user, partner } = collaborator;
      const already = staff.get(user);
      if (already)
        error(memberPath, `user ${q(user)} is ${already}: a user cannot be both staff and collaborator of one store`);
      if (isLive(collaborator.status)) {
        if (live.has(user))
          error(memberPath, `R29: user ${q(user)} already has a pending request or an active account on this store`);
        live.add(user);
      }
      if (partners.has(partner) && !isPartnerMember(partner, user))
        error(memberPath, `user ${q(user)} is not a member of partner organization ${q(partner)}`);
      if (collaborator.status === "REQUESTED") {
        const scope = permissionScope(collaborator.permissions, (message) => error(memberPath, message));
        if (scope === "ORGANIZATION") error(memberPath, "collaborators ask for store permissions only");
        return;
      }
      if (collaborator.status === "ACTIVE" && !hasRequiredRole(collaborator.roles ?? []))
        error(memberPath, "R8: an ACTIVE collaborator has at least one role");
      for (const name of collaborator.roles ?? []) storeRole(name, memberPath, true);
    });
  }
  return errors;
}
