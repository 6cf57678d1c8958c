// The fixture format of `npm run seed -- FILE.json` (API.md, "Fixture format"), and its validator.
// Everything is checked before anything is written: a bad fixture changes nothing.
import fs from "node:fs";
import { CLIENT_KINDS, ClientKind } from "../domain/users/session.entity";
import { PartnerStoreAction, AccessLevel, PartnerMemberType } from "../domain/partners/partner-member.entity";
import { StoreType, STORE_TYPES } from "../domain/stores/store.entity";
import { permissionInfo } from "../domain/roles/permissions";
import { SYSTEM_ROLES } from "../domain/roles/role.entity";
import { ACTIONS_BY_STORE_TYPE, PARTNER_PERMISSIONS } from "../domain/partners/partner-permissions";

export interface FixtureUser {
  key: string;
  email: string;
  name: string;
  password: string;
  platformSupport?: boolean;
}

export interface FixtureRole {
  name: string;
  permissions: string[];
}

export interface FixtureOrganizationMember {
  user: string;
  /** "Organization administrator", "Store user administrator", or the organization's own roles. */
  roles?: string[];
  /** The stores a Store user administrator is assigned to (store keys of this organization). */
  stores?: string[];
}

export interface FixtureOrganization {
  key: string;
  name: string;
  plus?: boolean;
  owner: string;
  roles?: FixtureRole[];
  members?: FixtureOrganizationMember[];
}

export interface FixtureStaff {
  user: string;
  roles?: string[];
}

export const FIXTURE_COLLABORATOR_STATUSES = ["ACTIVE", "REQUESTED", "EXPIRED"] as const;
export type FixtureCollaboratorStatus = (typeof FIXTURE_COLLABORATOR_STATUSES)[number];

export interface FixtureCollaborator {
  user: string;
  /** The partner organization (key) the account is requested through; the user is a member of it. */
  partner: string;
  status: FixtureCollaboratorStatus;
  /** ACTIVE and EXPIRED: the store roles assigned (never Administrator, R11). */
  roles?: string[];
  /** ACTIVE and EXPIRED: days since the last login to the store; none: never logged in. */
  lastLoginDaysAgo?: number;
  /** ACTIVE and EXPIRED: clients logged in through (R19). */
  clients?: ClientKind[];
  /** REQUESTED: the permissions asked for. */
  permissions?: string[];
  /** REQUESTED: the request's message. */
  message?: string;
  /** REQUESTED: days since the request was sent. */
  requestedDaysAgo?: number;
}

export interface FixtureStore {
  key: string;
  name: string;
  domain: string;
  organization?: string;
  owner: string;
  requestCode: string;
  requireRequestCode?: boolean;
  staffLimit?: number | null;
  roles?: FixtureRole[];
  staff?: FixtureStaff[];
  collaborators?: FixtureCollaborator[];
  /** MANAGED (a merchant's store, the default), or DEVELOPMENT / PLUS_SANDBOX: owned by `partner` (R24). */
  storeType?: StoreType;
  /** DEVELOPMENT and PLUS_SANDBOX: the owning partner organization (key); the owner is one of its members. */
  partner?: string;
  /** DEVELOPMENT and PLUS_SANDBOX: archived (R25). */
  archived?: boolean;
}

export const ACCESS_LEVELS: readonly AccessLevel[] = ["NONE", "ALL", "SPECIFIC"];
export const STORE_ACTIONS: readonly PartnerStoreAction[] = ["ADD_ARCHIVE_UNARCHIVE", "TRANSFER", "ADD_REMOVE"];
export interface FixtureStoreAccess {
  access: AccessLevel;
  /** SPECIFIC: store keys. */
  stores?: string[];
  actions?: PartnerStoreAction[];
}

export interface FixturePartnerMember {
  user: string;
  type: PartnerMemberType;
  permissions?: string[];
  storeAccess?: Partial<Record<StoreType, FixtureStoreAccess>>;
}

export interface FixturePartner {
  key: string;
  name: string;
  plus?: boolean;
  members: FixturePartnerMember[];
}

export interface Fixture {
  users: FixtureUser[];
  organizations: FixtureOrganization[];
  stores: FixtureStore[];
  partners: FixturePartner[];
}

// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const q = (v: unknown) => JSON.stringify(v);
const ORG_SYSTEM_ROLES: readonly string[] = [
  SYSTEM_ROLES.ORGANIZATION_ADMINISTRATOR,
  SYSTEM_ROLES.STORE_USER_ADMINISTRATOR,
];
const SYSTEM_ROLE_NAMES: readonly string[] = Object.values(SYSTEM_ROLES);
const TOP = "fixture";
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

class Checker {
  readonly errors: string[] = [];

  error(path: string, message: string) {
    this.errors.push(`${path}: ${message}`);
  }

  /** Reports fields the format does not know (typos would otherwise be silently ignored). */
  fields(o: Obj, path: string, allowed: readonly string[]) {
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) this.error(path, `unknown field ${q(k)} (expected one of ${allowed.join(", ")})`);
  }

  string(o: Obj, field: string, path: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
    const v = o[field];
    if (v === undefined || v === null) {
      if (opts.required ?? true) this.error(path, `${field} is required`);
      return undefined;
    }
    if (typeof v !== "string") return void this.error(path, `${field} must be a string, got ${q(v)}`);
    if (!v.trim()) return void this.error(path, `${field} must not be empty`);
    if (opts.max && v.length > opts.max) return void this.error(path, `${field} has more than ${opts.max} characters`);
    return v;
  }

  boolean(o: Obj, field: string, path: string): boolean | undefined {
    const v = o[field];
    if (v === undefined) return undefined;
    if (typeof v !== "boolean") this.error(path, `${field} must be true or false, got ${q(v)}`);
    return v as boolean;
  }

  number(
    o: Obj,
    field: string,
    path: string,
    opts: { integer?: boolean; nullable?: boolean } = {},
  ): number | undefined {
    const v = o[field];
    if (v === undefined || (v === null && opts.nullable)) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (opts.integer && !Number.isInteger(v))) {
      return void this.error(
        path,
        `${field} must be a non-negative ${opts.integer ? "integer" : "number"}, got ${q(v)}`,
      );
    }
    return v;
  }

  /** An array of objects; each is handed on with its index. Missing is fine unless required. */
  objects(o: Obj, field: string, path: string, required = false): Obj[] {
    const v = o[field];
    if (v === undefined) {
      if (required) this.error(path, `${field} is required`);
      return [];
    }
    if (!Array.isArray(v)) {
      this.error(path, `${field} must be an array`);
      return [];
    }
    const out: Obj[] = [];
    v.forEach((item, i) => {
      if (isObj(item)) out.push(item);
      else this.error(`${path === TOP ? "" : path + " "}${field}[${i}]`, `must be an object, got ${q(item)}`);
    });
    return out;
  }

  /** An array of non-empty strings. */
  strings(o: Obj, field: string, path: string, required = false): string[] | undefined {
    const v = o[field];
    if (v === undefined) {
      if (required) this.error(path, `${field} is required`);
      return undefined;
    }
    if (!Array.isArray(v)) return void this.error(path, `${field} must be an array of strings`);
    const out: string[] = [];
    v.forEach((s, i) => {
      if (typeof s !== "string" || !s.trim())
        this.error(path, `${field}[${i}] must be a non-empty string, got ${q(s)}`);
      else out.push(s);
    });
    const seen = new Set<string>();
    for (const s of out) {
      if (seen.has(s)) this.error(path, `${field} lists ${q(s)} twice`);
      seen.add(s);
    }
    return out;
  }
}

const label = (list: string, i: number, o: Obj) => `${list}[${i}]${typeof o.key === "string" ? ` ${q(o.key)}` : ""}`;
const memberLabel = (base: string, list: string, i: number, o: Obj) =>
  `${base} ${list}[${i}]${typeof o.user === "string" ? ` ${q(o.user)}` : ""}`;
/** The index of the original array element, for paths (objects() drops non-objects). */
const indexIn = (parent: Obj, field: string, item: Obj) => (parent[field] as unknown[]).indexOf(item);

/**
 * Checks a parsed fixture completely: shapes and types, unique keys, emails and domains, every
 * reference, and the rules a fixture could break (R11, R24, R29...). All errors are collected;
 * `fixture` is only meaningful when `errors` is empty.
 */
export function validateFixture(json: unknown): { fixture: Fixture; errors: string[] } {
  const c = new Checker();
  const empty: Fixture = { users: [], organizations: [], stores: [], partners: [] };
  if (!isObj(json))
    return {
      fixture: empty,
      errors: ["fixture: must be a JSON object with users, organizations, stores and partners"],
    };
  c.fields(json, "fixture", ["users", "organizations", "stores", "partners"]);
  const users = c.objects(json, "users", "fixture", true);
  const organizations = c.objects(json, "organizations", "fixture");
  const stores = c.objects(json, "stores", "fixture");
  const partners = c.objects(json, "partners", "fixture");

  // Keys: unique per kind.
  const keyIndex = (list: Obj[], name: string) => {
    const map = new Map<string, Obj>();
    list.forEach((o) => {
      const path = label(name, indexIn(json, name, o), o);
      const key = c.string(o, "key", path, { max: 100 });
      if (key === undefined) return;
      if (map.has(key)) c.error(path, `duplicate key ${q(key)}`);
      else map.set(key, o);
    });
    return map;
  };
  const userByKey = keyIndex(users, "users");
  const orgByKey = keyIndex(organizations, "organizations");
  const storeByKey = keyIndex(stores, "stores");
  const partnerByKey = keyIndex(partners, "partners");

  const userRef = (path: string, v: unknown, field = "user"): string | undefined => {
    if (v === undefined || v === null) return void c.error(path, `${field} is required`);
    if (typeof v !== "string") return void c.error(path, `${field} must be a user key, got ${q(v)}`);
    if (!userByKey.has(v)) return void c.error(path, `unknown user ${q(v)}`);
    return v;
  };

  // Users.
  const emails = new Map<string, string>();
  users.forEach((u) => {
    const path = label("users", indexIn(json, "users", u), u);
    c.fields(u, path, ["key", "email", "name", "password", "platformSupport"]);
    const email = c.string(u, "email", path, { max: 320 });
    if (email !== undefined) {
      const lower = email.trim().toLowerCase();
      if (!EMAIL.test(lower)) c.error(path, `email ${q(email)} is not an email address`);
      else if (emails.has(lower)) c.error(path, `email ${q(email)} is already used by user ${q(emails.get(lower))}`);
      else emails.set(lower, String(u.key));
    }
    c.string(u, "name", path, { max: 200 });
    c.string(u, "password", path, { max: 200 });
    c.boolean(u, "platformSupport", path);
  });

  // Roles (of a store or an organization): names unique there, never a system role's name.
  const checkRoles = (
    owner: Obj,
    path: string,
    kind: "store" | "organization",
    taken: Map<string, string> = new Map(),
  ) => {
    const roles = c.objects(owner, "roles", path);
    const byName = new Map<string, { scope: "STORE" | "ORGANIZATION" | null }>();
    roles.forEach((r) => {
      const i = indexIn(owner, "roles", r);
      const rpath = `${path} roles[${i}]${typeof r.name === "string" ? ` ${q(r.name)}` : ""}`;
      c.fields(r, rpath, ["name", "permissions"]);
      const name = c.string(r, "name", rpath, { max: 200 });
      const permissions = c.strings(r, "permissions", rpath, true);
      let scope: "STORE" | "ORGANIZATION" | null = null;
      if (permissions) {
        if (!permissions.length) c.error(rpath, "a role holds at least one permission");
        const scopes = new Set<"STORE" | "ORGANIZATION">();
        permissions.forEach((h) => {
          const info = permissionInfo(h);
          if (!info) c.error(rpath, `unknown permission ${q(h)}`);
          else scopes.add(info.scope);
        });
        if (scopes.size > 1) c.error(rpath, "a role holds store permissions or organization permissions, never both");
        else if (scopes.size === 1) scope = [...scopes][0];
        if (kind === "store" && scope === "ORGANIZATION") c.error(rpath, "a store role holds store permissions only");
      }
      if (name === undefined) return;
      const lower = name.toLowerCase();
      if (SYSTEM_ROLE_NAMES.some((s) => s.toLowerCase() === lower))
        c.error(rpath, `${q(name)} is a system role's name`);
      else if ([...byName.keys()].some((n) => n.toLowerCase() === lower))
        c.error(rpath, `duplicate role name ${q(name)}`);
      else if (taken.has(lower)) c.error(rpath, `role name ${q(name)} is already a role of ${taken.get(lower)}`);
      byName.set(name, { scope });
    });
    return byName;
  };

  // Organizations.
  const orgRoles = new Map<string, Map<string, { scope: "STORE" | "ORGANIZATION" | null }>>();
  organizations.forEach((o) => {
    const path = label("organizations", indexIn(json, "organizations", o), o);
    c.fields(o, path, ["key", "name", "plus", "owner", "roles", "members"]);
    c.string(o, "name", path, { max: 200 });
    c.boolean(o, "plus", path);
    userRef(path, o.owner, "owner");
    const roles = checkRoles(o, path, "organization");
    if (typeof o.key === "string") orgRoles.set(o.key, roles);
    const seen = new Set<string>();
    c.objects(o, "members", path).forEach((m) => {
      const i = indexIn(o, "members", m);
      const mpath = memberLabel(path, "members", i, m);
      c.fields(m, mpath, ["user", "roles", "stores"]);
      const user = userRef(`${path} members[${i}]`, m.user);
      if (user !== undefined) {
        if (seen.has(user)) c.error(mpath, `user ${q(user)} is listed twice`);
        seen.add(user);
      }
      const names = c.strings(m, "roles", mpath) ?? [];
      names.forEach((n) => {
        if (!ORG_SYSTEM_ROLES.includes(n) && !roles.has(n)) {
          c.error(
            mpath,
            `unknown role ${q(n)} (an organization member may have ${ORG_SYSTEM_ROLES.map(q).join(", ")} or the organization's roles)`,
          );
        }
      });
      const assigned = c.strings(m, "stores", mpath);
      if (assigned?.length && !names.includes(SYSTEM_ROLES.STORE_USER_ADMINISTRATOR)) {
        c.error(mpath, `stores are assigned only to a ${q(SYSTEM_ROLES.STORE_USER_ADMINISTRATOR)}`);
      }
      assigned?.forEach((s) => {
        const store = storeByKey.get(s);
        if (!store) c.error(mpath, `unknown store ${q(s)}`);
        else if (store.organization !== o.key)
          c.error(mpath, `store ${q(s)} is not a store of organization ${q(o.key)}`);
      });
    });
  });

  // Partner organizations.
  const partnerMembers = new Map<string, Map<string, Obj>>();
  const plusPartners = new Set<string>();
  partners.forEach((p) => {
    const path = label("partners", indexIn(json, "partners", p), p);
    c.fields(p, path, ["key", "name", "plus", "members"]);
    c.string(p, "name", path, { max: 200 });
    const plus = c.boolean(p, "plus", path) === true;
    if (plus && typeof p.key === "string") plusPartners.add(p.key);
    const members = new Map<string, Obj>();
    if (typeof p.key === "string") partnerMembers.set(p.key, members);
    const list = c.objects(p, "members", path, true);
    list.forEach((m) => {
      const i = indexIn(p, "members", m);
      const mpath = memberLabel(path, "members", i, m);
      c.fields(m, mpath, ["user", "type", "permissions", "storeAccess"]);
      const user = userRef(`${path} members[${i}]`, m.user);
      if (user !== undefined) {
        if (members.has(user)) c.error(mpath, `user ${q(user)} is listed twice`);
        members.set(user, m);
      }
      if (m.type !== "OWNER" && m.type !== "STAFF") c.error(mpath, `type must be OWNER or STAFF, got ${q(m.type)}`);
      (c.strings(m, "permissions", mpath) ?? []).forEach((h) => {
        if (!(PARTNER_PERMISSIONS as readonly string[]).includes(h))
          c.error(mpath, `unknown partner permission ${q(h)} (R23: ${PARTNER_PERMISSIONS.join(", ")})`);
      });
      if (m.storeAccess === undefined) return;
      if (!isObj(m.storeAccess)) return c.error(mpath, "storeAccess must be an object keyed by store type");
      for (const [type, setting] of Object.entries(m.storeAccess)) {
        const spath = `${mpath} storeAccess.${type}`;
        if (!(STORE_TYPES as readonly string[]).includes(type)) {
          c.error(spath, `unknown store type ${q(type)} (expected ${STORE_TYPES.join(", ")})`);
          continue;
        }
        if (type === "PLUS_SANDBOX" && !plus)
          c.error(spath, "R24: PLUS_SANDBOX exists only for Plus partner organizations");
        if (!isObj(setting)) {
          c.error(spath, "must be an object { access, stores, actions }");
          continue;
        }
        c.fields(setting, spath, ["access", "stores", "actions"]);
        const access = setting.access;
        if (!ACCESS_LEVELS.includes(access as AccessLevel))
          c.error(spath, `access must be one of ${ACCESS_LEVELS.join(", ")}, got ${q(access)}`);
        const storeKeys = c.strings(setting, "stores", spath);
        if (storeKeys && access !== "SPECIFIC") c.error(spath, "stores are given only with access SPECIFIC");
        if (access === "SPECIFIC" && !storeKeys) c.error(spath, "access SPECIFIC needs stores");
        storeKeys?.forEach((s, j) => {
          if (!storeByKey.has(s)) c.error(`${spath}.stores[${j}]`, `unknown store ${q(s)}`);
        });
        const actions = c.strings(setting, "actions", spath) ?? [];
        actions.forEach((a) => {
          if (!STORE_ACTIONS.includes(a as PartnerStoreAction))
            c.error(spath, `unknown action ${q(a)} (expected ${STORE_ACTIONS.join(", ")})`);
          else if (!ACTIONS_BY_STORE_TYPE[type as StoreType].includes(a as PartnerStoreAction))
            c.error(spath, `R25: action ${a} does not exist for ${type} stores`);
        });
        if (access === "NONE" && actions.length) c.error(spath, "R25: no actions where access is NONE");
      }
    });
    if (list.length && !list.some((m) => m.type === "OWNER"))
      c.error(path, "R22: a partner organization has at least one OWNER member");
  });

  // Stores.
  const domains = new Map<string, string>();
  stores.forEach((s) => {
    const path = label("stores", indexIn(json, "stores", s), s);
    c.fields(s, path, [
      "key",
      "name",
      "domain",
      "organization",
      "owner",
      "requestCode",
      "requireRequestCode",
      "staffLimit",
      "roles",
      "staff",
      "collaborators",
      "storeType",
      "partner",
      "archived",
    ]);
    c.string(s, "name", path, { max: 200 });
    const domain = c.string(s, "domain", path, { max: 253 });
    if (domain !== undefined) {
      const lower = domain.trim().toLowerCase();
      if (!DOMAIN.test(lower)) c.error(path, `domain ${q(domain)} is not a domain name`);
      else if (domains.has(lower))
        c.error(path, `domain ${q(domain)} is already used by store ${q(domains.get(lower))}`);
      else domains.set(lower, String(s.key));
    }
    let orgKey: string | undefined;
    if (s.organization !== undefined && s.organization !== null) {
      if (typeof s.organization !== "string" || !orgByKey.has(s.organization))
        c.error(path, `unknown organization ${q(s.organization)}`);
      else orgKey = s.organization;
    }
    const owner = userRef(path, s.owner, "owner");
    // R24: a development or Plus sandbox store belongs to a partner organization, not to a merchant's organization.
    const storeType = s.storeType ?? "MANAGED";
    if (!(STORE_TYPES as readonly unknown[]).includes(storeType))
      c.error(path, `storeType must be one of ${STORE_TYPES.join(", ")}, got ${q(s.storeType)}`);
    else if (storeType === "MANAGED") {
      if (s.partner !== undefined)
        c.error(
          path,
          "partner is given only for DEVELOPMENT and PLUS_SANDBOX stores (the owning partner organization)",
        );
      if (s.archived !== undefined) c.error(path, "R25: only DEVELOPMENT and PLUS_SANDBOX stores are archived");
    } else {
      if (s.organization !== undefined && s.organization !== null)
        c.error(path, `a ${storeType} store belongs to a partner organization, not to an organization`);
      if (typeof s.partner !== "string")
        c.error(
          path,
          `a ${storeType} store needs partner, the key of the partner organization owning it, got ${q(s.partner)}`,
        );
      else if (!partnerByKey.has(s.partner)) c.error(path, `unknown partner organization ${q(s.partner)}`);
      else {
        if (storeType === "PLUS_SANDBOX" && !plusPartners.has(s.partner))
          c.error(path, `R24: PLUS_SANDBOX exists only for Plus partner organizations; ${q(s.partner)} is not Plus`);
        if (owner !== undefined && !partnerMembers.get(s.partner)?.has(owner))
          c.error(path, `owner ${q(owner)} is not a member of partner organization ${q(s.partner)}`);
      }
      c.boolean(s, "archived", path);
    }
    if (typeof s.requestCode !== "string" || !/^[0-9]{4}$/.test(s.requestCode))
      c.error(path, `requestCode must be exactly 4 digits, got ${q(s.requestCode)}`);
    c.boolean(s, "requireRequestCode", path);
    c.number(s, "staffLimit", path, { integer: true, nullable: true });

    const inherited = orgKey
      ? (orgRoles.get(orgKey) ?? new Map())
      : new Map<string, { scope: "STORE" | "ORGANIZATION" | null }>();
    const taken = new Map(
      [...inherited.keys()].map((n) => [n.toLowerCase(), `organization ${q(orgKey)}`] as [string, string]),
    );
    const own = checkRoles(s, path, "store", taken);
    /** A role name usable in this store: its own roles, its organization's, Administrator. */
    const storeRole = (n: string, where: string, collaborator: boolean) => {
      if (n === SYSTEM_ROLES.ADMINISTRATOR) {
        if (collaborator) c.error(where, `R11: ${q(n)} can never be assigned to a collaborator`);
        return;
      }
      const role = own.get(n) ?? inherited.get(n);
      if (!role) {
        const orgSystem = ORG_SYSTEM_ROLES.includes(n);
        c.error(where, orgSystem ? `${q(n)} is an organization role, not a store role` : `unknown role ${q(n)}`);
      } else if (role.scope === "ORGANIZATION") {
        c.error(
          where,
          collaborator
            ? `R11: organization role ${q(n)} can never be assigned to a collaborator`
            : `${q(n)} is an organization role, not a store role`,
        );
      }
    };

    const accounts = new Map<string, string>(); // user key -> what they already are here
    if (owner !== undefined) accounts.set(owner, "the store owner");
    c.objects(s, "staff", path).forEach((m) => {
      const i = indexIn(s, "staff", m);
      const mpath = memberLabel(path, "staff", i, m);
      c.fields(m, mpath, ["user", "roles"]);
      const user = userRef(`${path} staff[${i}]`, m.user);
      if (user !== undefined) {
        if (accounts.has(user)) c.error(mpath, `user ${q(user)} is already ${accounts.get(user)}`);
        else accounts.set(user, "staff of this store");
      }
      (c.strings(m, "roles", mpath) ?? []).forEach((n) => storeRole(n, mpath, false));
    });

    const live = new Set<string>();
    c.objects(s, "collaborators", path).forEach((m) => {
      const i = indexIn(s, "collaborators", m);
      const mpath = memberLabel(path, "collaborators", i, m);
      const status = m.status as FixtureCollaboratorStatus;
      const known = FIXTURE_COLLABORATOR_STATUSES.includes(status);
      if (!known)
        c.error(mpath, `status must be one of ${FIXTURE_COLLABORATOR_STATUSES.join(", ")}, got ${q(m.status)}`);
      c.fields(
        m,
        mpath,
        status === "REQUESTED"
          ? ["user", "partner", "status", "permissions", "message", "requestedDaysAgo"]
          : ["user", "partner", "status", "roles", "lastLoginDaysAgo", "clients"],
      );
      const user = userRef(`${path} collaborators[${i}]`, m.user);
      if (user !== undefined) {
        const already = accounts.get(user);
        if (already)
          c.error(mpath, `user ${q(user)} is ${already}: a user cannot be both staff and collaborator of one store`);
        if (status === "ACTIVE" || status === "REQUESTED") {
          if (live.has(user))
            c.error(mpath, `R29: user ${q(user)} already has a pending request or an active account on this store`);
          live.add(user);
        }
      }
      if (typeof m.partner !== "string")
        c.error(mpath, `partner must be a partner organization key, got ${q(m.partner)}`);
      else if (!partnerByKey.has(m.partner)) c.error(mpath, `unknown partner organization ${q(m.partner)}`);
      else if (user !== undefined && !partnerMembers.get(m.partner)?.has(user))
        c.error(mpath, `user ${q(user)} is not a member of partner organization ${q(m.partner)}`);

      if (status === "REQUESTED") {
        const permissions = c.strings(m, "permissions", mpath, true);
        if (permissions && !permissions.length) c.error(mpath, "a request asks for at least one permission");
        permissions?.forEach((h) => {
          const info = permissionInfo(h);
          if (!info) c.error(mpath, `unknown permission ${q(h)}`);
          else if (info.scope !== "STORE")
            c.error(mpath, `${q(h)} is an organization permission, not a store permission`);
        });
        c.string(m, "message", mpath, { required: false, max: 2000 });
        c.number(m, "requestedDaysAgo", mpath);
      } else if (known) {
        const roles = c.strings(m, "roles", mpath, status === "ACTIVE");
        if (status === "ACTIVE" && roles && !roles.length)
          c.error(mpath, "R8: an ACTIVE collaborator has at least one role");
        roles?.forEach((n) => storeRole(n, mpath, true));
        c.number(m, "lastLoginDaysAgo", mpath);
        (c.strings(m, "clients", mpath) ?? []).forEach((k) => {
          if (!(CLIENT_KINDS as readonly string[]).includes(k))
            c.error(mpath, `unknown client ${q(k)} (expected ${CLIENT_KINDS.join(", ")})`);
        });
      }
    });
  });

  if (c.errors.length) return { fixture: empty, errors: c.errors };
  const fixture: Fixture = {
    users: json.users as FixtureUser[],
    organizations: (json.organizations ?? []) as FixtureOrganization[],
    stores: (json.stores ?? []) as FixtureStore[],
    partners: (json.partners ?? []) as FixturePartner[],
  };
  return { fixture, errors: [] };
}

/** Reads, parses and validates a fixture file; a parse error names the file. */
export function readFixtureFile(file: string): { fixture: Fixture; errors: string[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    return {
      fixture: { users: [], organizations: [], stores: [], partners: [] },
      errors: [`${file}: cannot read: ${(e as Error).message}`],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      fixture: { users: [], organizations: [], stores: [], partners: [] },
      errors: [`${file}: not valid JSON: ${(e as Error).message}`],
    };
  }
  return validateFixture(json);
}
