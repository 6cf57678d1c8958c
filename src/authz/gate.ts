// The one access gate: every object reaches a viewer through here, by id (`find`, `need`) or
// through a field (`filter`, `may`, and the narrow views below). For each type it says, from the
// abilities (store, organization, partner and platform), what a viewer may see and do; the rules
// themselves stay in the abilities. One policy everywhere:
//  - without a sign-in: UNAUTHENTICATED, before any lookup;
//  - an object the viewer may not see reads exactly as a missing one (null, or NOT_FOUND);
//  - one they may see but not act on: ACCESS_DENIED.
import { GraphQLSchema, isObjectType, type GraphQLFieldResolver } from "graphql";
import { defaultFieldResolver } from "graphql";
import type { Actor } from "./actor";
import { AuditChainHead } from "../domain/audit/audit-chain-head.entity";
import { recordCollaboratorLogin } from "../domain/collaborators/collaborator.service";
import { StoreUser } from "../domain/collaborators/store-user.entity";
import { accessDenied, notFound, unauthenticated, UserFailure } from "../domain/errors";
import { Organization } from "../domain/organizations/organization.entity";
import { PartnerMember, type PartnerStoreAction } from "../domain/partners/partner-member.entity";
import type { PartnerOrganization } from "../domain/partners/partner-organization.entity";
import { PartnerReport } from "../domain/partners/partner-report.entity";
import type { Role } from "../domain/roles/role.entity";
import { Store, type StoreType } from "../domain/stores/store.entity";
import type { User } from "../domain/users/user.entity";
import { partnerStoreAccess, type PartnerVerdict } from "./partner-access";
import { abilityForPlatform } from "./platform-ability";
import type { StoreAbilityAction } from "./store-ability";
import { msg, type Message, type MessageId } from "../i18n";

/** The types the gate knows, with the rows that stand for them. */
export interface Gated {
  Store: Store;
  Organization: Organization;
  PartnerOrganization: PartnerOrganization;
  PartnerMember: PartnerMember;
  PartnerReport: PartnerReport;
  Role: Role;
  Collaborator: StoreUser;
  StoreUser: StoreUser;
  User: User;
  /** The audit log's hash chain: one for the whole log, never read by id (its head row stands for it). */
  AuditChain: AuditChainHead;
}
export type GatedType = keyof Gated;

/** What may be asked of each type; "read" is seeing it at all. */
export interface GateActions {
  /**
   * readUsers: the users index and the store's roles (R9 managers, and staff who manage roles).
   * ADD_ARCHIVE_UNARCHIVE, TRANSFER: R25 actions on a partner organization's own store, for the
   * members of the organization owning it whose partner setting allows them (R24).
   */
  Store: Exclude<StoreAbilityAction, "use"> | "liftBlock" | "readUsers" | Exclude<PartnerStoreAction, "ADD_REMOVE">;
  Organization: "read" | "manageCollaborators" | "manageRoles";
  /**
   * addStore:<type>: R25, creating a development or Plus sandbox store (a member's partner setting).
   * removeStore:<store id>: R25, removing the organization's access to a managed (client) store
   * (a member's MANAGED setting with ADD_REMOVE, reaching that store).
   */
  PartnerOrganization: "read" | "manageMembers" | "manageOwners" | "readReports" | AddStore | RemoveStore;
  PartnerMember: "read";
  PartnerReport: "read" | "close";
  Role: "read";
  /** decide: accept, reject, remove, set roles (R9). withdraw: the requester's own request (R29). */
  Collaborator: "read" | "decide" | "withdraw";
  StoreUser: "read";
  User: "read";
  /** verify: check the chain (platform support, and owners of a store or an organization). */
  AuditChain: "read" | "verify";
}
export type GateAction<T extends GatedType> = GateActions[T];

/** Node types that are never read by id: they come only through their audit lists. */
export const NOT_BY_ID = ["AuditEvent", "Notification"] as const;

/** A collaborator row that was never accepted: a request (pending, rejected, withdrawn, expired). */
export const isRequest = (row: StoreUser) => row.userType === "COLLABORATOR" && !row.acceptedAt;
/** The SQL twin of `!isRequest` for a store_users alias. */
export const notRequestSql = (alias: string) => `(${alias}.userType = 'STAFF' OR ${alias}.acceptedAt IS NOT NULL)`;

interface Rule<T extends GatedType> {
  what: MessageId;
  load(actor: Actor, id: number): Promise<Gated[T] | null>;
  /** May the viewer see it? */
  read(actor: Actor, object: Gated[T]): Promise<boolean>;
  /** May the viewer do this (besides read)? */
  act?(actor: Actor, object: Gated[T], action: GateAction<T>): Promise<boolean>;
  denied?: Partial<Record<GateAction<T>, Message>>;
  /**
   * May the viewer do this to every object of the type (a list of them, or before any lookup)?
   * For types whose rule does not depend on the object (platform support's reports).
   */
  any?(actor: Actor, action: GateAction<T>): Promise<boolean>;
  /** Why an action is refused, when it depends on the object (the partner setting's reason). */
  why?(actor: Actor, object: Gated[T], action: GateAction<T>): Promise<Message | undefined>;
}

const viewerOf = (actor: Actor) => actor.requireViewer().user;
const platform = (actor: Actor) => abilityForPlatform(viewerOf(actor));

async function storeCan(actor: Actor, store: Store, action: Exclude<StoreAbilityAction, "use">) {
  return (await actor.ability(store)).can(action, "Store");
}

async function storeOf(actor: Actor, id: number | null) {
  return id ? actor.lookups.store.load(id) : null;
}

const isPartnerStoreAction = (action: string): action is "ADD_ARCHIVE_UNARCHIVE" | "TRANSFER" =>
  action === "ADD_ARCHIVE_UNARCHIVE" || action === "TRANSFER";

/** R24, R25: the partner side of an action on a partner organization's own store, for the viewer. */
async function partnerStoreVerdict(
  actor: Actor,
  store: Store,
  action: "ADD_ARCHIVE_UNARCHIVE" | "TRANSFER",
): Promise<PartnerVerdict> {
  const member = store.partnerOrganizationId ? (await actor.access(store)).standing.owningPartnerMember : null;
  if (!member) return { allowed: false, reason: msg("partnerVerdict.notMemberOwningStore", {}, "R24") };
  return partnerStoreAccess(member, store.storeType, store.id, action);
}

/** R25: the partner side of creating a store of this type in a partner organization, for the viewer. */
async function partnerAddVerdict(actor: Actor, org: PartnerOrganization, storeType: StoreType) {
  const { member } = await actor.partnerStanding(org);
  if (!member) return { allowed: false, reason: msg("partnerVerdict.notMemberAddStores", {}, "R24") };
  return partnerStoreAccess(member, storeType, null, "ADD_ARCHIVE_UNARCHIVE");
}

const partnerRefusal = (verdict: PartnerVerdict, action: PartnerStoreAction, storeType: StoreType) =>
  verdict.reason.id.startsWith("partnerVerdict.notMember")
    ? msg("denied.because", { reason: verdict.reason }, verdict.reason.rule)
    : msg(
        "denied.partnerStoreAction",
        { reason: verdict.reason, action: msg(`partnerAction.${action}`), storeType: msg(`storeType.${storeType}`) },
        verdict.reason.rule,
      );

type AddStore = `addStore:${Exclude<StoreType, "MANAGED">}`;
const isAddStore = (action: string): action is AddStore => action.startsWith("addStore:");
const addedType = (action: AddStore) => action.slice("addStore:".length) as Exclude<StoreType, "MANAGED">;

type RemoveStore = `removeStore:${number}`;
const isRemoveStore = (action: string): action is RemoveStore => action.startsWith("removeStore:");
const removedStoreId = (action: RemoveStore) => Number(action.slice("removeStore:".length));

/** R25: the partner side of removing a partner organization's access to a managed store, for the viewer. */
async function partnerRemoveVerdict(actor: Actor, org: PartnerOrganization, storeId: number) {
  const { member } = await actor.partnerStanding(org);
  if (!member) return { allowed: false, reason: msg("partnerVerdict.notMemberRemoveAccess", {}, "R24") };
  return partnerStoreAccess(member, "MANAGED", storeId, "ADD_REMOVE");
}

/** Who checks the audit chain: platform support, and owners of a store or an organization. */
async function verifiesAuditChain(actor: Actor) {
  const viewer = viewerOf(actor);
  if (platform(actor).can("verify", "AuditChain")) return true;
  const db = actor.ds.manager;
  return (
    (await db.countBy(Store, { ownerId: viewer.id })) > 0 ||
    (await db.countBy(Organization, { ownerId: viewer.id })) > 0
  );
}

/** Is this row the viewer's own account or request? */
const own = (actor: Actor, row: StoreUser) => row.userId === viewerOf(actor).id;

const RULES: { [T in GatedType]: Rule<T> } = {
  Store: {
    what: "thing.store",
    load: (actor, id) => actor.lookups.store.load(id),
    read: (actor, store) => storeCan(actor, store, "read"),
    act: async (actor, store, action) =>
      action === "liftBlock"
        ? platform(actor).can("liftBlock", "Store")
        : action === "readUsers"
          ? (await storeCan(actor, store, "manageCollaborators")) || (await storeCan(actor, store, "manageRoles"))
          : isPartnerStoreAction(action)
            ? (await partnerStoreVerdict(actor, store, action)).allowed
            : storeCan(actor, store, action),
    why: async (actor, store, action) =>
      isPartnerStoreAction(action)
        ? partnerRefusal(await partnerStoreVerdict(actor, store, action), action, store.storeType)
        : undefined,
    denied: {
      manageCollaborators: msg("denied.manageCollaborators", {}, "R9"),
      manageRoles: msg("denied.manageStoreRoles", {}, "R10"),
      editAutoRole: msg("denied.editAutoRole", {}, "R10"),
      transferOwnership: msg("denied.transferOwnership"),
      liftBlock: msg("denied.liftBlock", {}, "R18"),
      readUsers: msg("denied.readStoreUsers", {}, "R9"),
    },
  },
  Organization: {
    what: "thing.organization",
    load: (actor, id) => actor.lookups.organization.load(id),
    read: async (actor, org) => (await actor.organizationAbility(org)).can("read", "Organization"),
    act: async (actor, org, action) => (await actor.organizationAbility(org)).can(action, "Organization"),
    denied: {
      manageCollaborators: msg("denied.organizationManageCollaborators"),
      manageRoles: msg("denied.organizationManageRoles"),
    },
  },
  PartnerOrganization: {
    what: "thing.partnerOrganization",
    load: (actor, id) => actor.lookups.partnerOrganization.load(id),
    read: async (actor, org) => (await actor.partnerStanding(org)).ability.can("read", "PartnerOrganization"),
    act: async (actor, org, action) =>
      isAddStore(action)
        ? (await partnerAddVerdict(actor, org, addedType(action))).allowed
        : isRemoveStore(action)
          ? (await partnerRemoveVerdict(actor, org, removedStoreId(action))).allowed
          : (await actor.partnerStanding(org)).ability.can(action, "PartnerOrganization"),
    why: async (actor, org, action) =>
      isAddStore(action)
        ? partnerRefusal(
            await partnerAddVerdict(actor, org, addedType(action)),
            "ADD_ARCHIVE_UNARCHIVE",
            addedType(action),
          )
        : isRemoveStore(action)
          ? partnerRefusal(await partnerRemoveVerdict(actor, org, removedStoreId(action)), "ADD_REMOVE", "MANAGED")
          : undefined,
    denied: {
      manageMembers: msg("denied.manageMembers", {}, "R26"),
      manageOwners: msg("denied.manageOwners", {}, "R22"),
      readReports: msg("denied.reports", {}, "R30"),
    },
  },
  PartnerMember: {
    what: "thing.partnerMember",
    load: (actor, id) => actor.ds.manager.findOneBy(PartnerMember, { id }),
    read: async (actor, member) => {
      const org = await actor.lookups.partnerOrganization.load(member.partnerOrganizationId);
      return !!org && (await RULES.PartnerOrganization.read(actor, org));
    },
  },
  PartnerReport: {
    what: "thing.report",
    load: (actor, id) => actor.ds.manager.findOneBy(PartnerReport, { id }),
    // R30: support works through reports; the one who filed a report reads it too (it comes back
    // in their partnerOrganizationReport payload), nobody else.
    read: (actor, report) =>
      Promise.resolve(platform(actor).can("read", "PartnerReport") || report.reporterId === viewerOf(actor).id),
    act: (actor, _report, action) => Promise.resolve(platform(actor).can(action, "PartnerReport")),
    any: (actor, action) => Promise.resolve(platform(actor).can(action, "PartnerReport")),
    denied: {
      read: msg("denied.reports", {}, "R30"),
      close: msg("denied.reports", {}, "R30"),
    },
  },
  Role: {
    what: "thing.role",
    load: (actor, id) => actor.lookups.role.load(id),
    read: async (actor, role) => {
      if (role.systemKey) return true;
      if (role.storeId) {
        const store = await storeOf(actor, role.storeId);
        if (!store) return false;
        if (role.autoGenerated) {
          // The auto-generated role of a request (R6) is the request's: its requester and those
          // who decide on it (R9) see it; once accepted it is one of the store's roles. Whoever
          // both decides on requests and reads the store sees it either way: no need to read whose
          // request it was (a page of collaborators would read every one of them).
          const decides = await storeCan(actor, store, "manageCollaborators");
          if (decides && (await storeCan(actor, store, "read"))) return true;
          const request = await actor.lookups.requestOfAutoRole.load(role.id);
          if (request && isRequest(request)) return own(actor, request) || decides;
        }
        return storeCan(actor, store, "read");
      }
      const org = role.organizationId ? await actor.lookups.organization.load(role.organizationId) : null;
      return !!org && (await RULES.Organization.read(actor, org));
    },
  },
  Collaborator: {
    what: "thing.collaborator",
    load: async (actor, id) => {
      const row = await actor.lookups.storeUser.load(id);
      return row?.userType === "COLLABORATOR" ? row : null;
    },
    read: async (actor, row) =>
      row.userType === "COLLABORATOR" && (own(actor, row) || (await managesStoreOf(actor, row))),
    // R29: the requester alone withdraws their request (whether it is still pending, the
    // withdrawal itself says: NOT_PENDING); those who decide on it see it but do not withdraw it.
    act: async (actor, row, action) => (action === "withdraw" ? own(actor, row) : managesStoreOf(actor, row)),
    denied: {
      decide: msg("denied.decide", {}, "R9"),
      withdraw: msg("denied.withdraw", {}, "R29"),
    },
  },
  StoreUser: {
    what: "thing.storeUser",
    load: (actor, id) => actor.lookups.storeUser.load(id),
    read: async (actor, row) => {
      if (own(actor, row) || (await managesStoreOf(actor, row))) return true;
      // R9: those who manage roles (the users permission) see the accounts, never the requests.
      const store = await storeOf(actor, row.storeId);
      return !isRequest(row) && !!store && (await storeCan(actor, store, "manageRoles"));
    },
  },
  User: {
    what: "thing.user",
    load: (actor, id) => actor.lookups.user.load(id),
    // By id, a user reads only themself; others come through the objects they belong to.
    read: (actor, user) => Promise.resolve(user.id === viewerOf(actor).id),
  },
  AuditChain: {
    what: "thing.auditChain",
    load: (actor, id) => actor.ds.manager.findOneBy(AuditChainHead, { id }),
    read: (actor) => verifiesAuditChain(actor),
    act: (actor) => verifiesAuditChain(actor),
    // One chain for the whole log, whose existence is no secret: refused before any lookup.
    any: (actor) => verifiesAuditChain(actor),
    denied: {
      read: msg("denied.auditChain"),
      verify: msg("denied.auditChain"),
    },
  },
};

async function managesStoreOf(actor: Actor, row: StoreUser) {
  const store = await storeOf(actor, row.storeId);
  return !!store && (await storeCan(actor, store, "manageCollaborators"));
}

function rule<T extends GatedType>(type: T): Rule<T> {
  return RULES[type];
}

/** May the viewer do this with an object they hold (read: see it at all)? */
export async function may<T extends GatedType>(
  actor: Actor,
  type: T,
  object: Gated[T],
  action: GateAction<T> = "read",
): Promise<boolean> {
  actor.requireViewer();
  const r = rule(type);
  if (action === "read") return r.read(actor, object);
  return !!r.act && (await r.act(actor, object, action));
}

/**
 * An object by id as the API reads it: the object, or null when it is missing or hidden (the two
 * read the same). A store read this way is a login to it (R17), refused through the mobile app
 * before a dashboard login (R19): `store`, `storeByDomain`, `node` and `nodes` read alike.
 */
export async function find<T extends GatedType>(actor: Actor, type: T, id: number): Promise<Gated[T] | null> {
  actor.requireViewer();
  const object = await rule(type).load(actor, id);
  if (!object || !(await rule(type).read(actor, object))) return null;
  if (type === "Store") await storeLogin(actor, object as Store);
  return object;
}

/** R17, R19: an active collaborator's read of the store counts as a login. */
async function storeLogin(actor: Actor, store: Store) {
  const { standing } = await actor.access(store);
  if (standing.account?.userType === "COLLABORATOR" && standing.accountStatus === "ACTIVE")
    await recordCollaboratorLogin(actor, standing.account);
}

export interface NeedOptions {
  /** A mutation's input path: NOT_FOUND becomes a userError on it (else a top-level NOT_FOUND). */
  field?: string[];
  /** The ACCESS_DENIED message, when the type's own does not fit. */
  denied?: Message;
}

function missing(type: GatedType, options: NeedOptions) {
  const what = rule(type).what;
  return options.field
    ? new UserFailure("NOT_FOUND", msg("error.notFound", { what: msg(what) }), options.field)
    : notFound(what);
}

/**
 * An object by id that the viewer must see, and may act on: NOT_FOUND when it is missing or
 * hidden (one answer for both), ACCESS_DENIED when they see it but may not do the action.
 */
export async function need<T extends GatedType>(
  actor: Actor,
  type: T,
  id: number,
  action: GateAction<T> = "read",
  options: NeedOptions = {},
): Promise<Gated[T]> {
  actor.requireViewer();
  const object = await rule(type).load(actor, id);
  if (!object) throw missing(type, options);
  return needOn(actor, type, object, action, options);
}

/** `need` for an object already loaded (a field's parent, a row found by another key). */
export async function needOn<T extends GatedType>(
  actor: Actor,
  type: T,
  object: Gated[T],
  action: GateAction<T> = "read",
  options: NeedOptions = {},
): Promise<Gated[T]> {
  if (action !== "read" && (await may(actor, type, object, action))) return object;
  if (!(await may(actor, type, object, "read"))) throw missing(type, options);
  if (action === "read") return object;
  const why = options.denied ?? (await rule(type).why?.(actor, object, action)) ?? rule(type).denied?.[action];
  throw accessDenied(why ?? msg("error.notAllowed", { action }));
}

/**
 * For a type whose rule does not depend on the object: the viewer may do this to all of its
 * objects, or is refused with ACCESS_DENIED before any lookup (the answer is the same for every
 * id, so it says nothing of which exist). Lists of the type (partnerReports) and actions by id.
 */
export async function needAny<T extends GatedType>(actor: Actor, type: T, action: GateAction<T> = "read") {
  actor.requireViewer();
  const r = rule(type);
  if (!r.any) throw new Error(`The gate has no type-wide rule for ${type}.`);
  if (!(await r.any(actor, action))) throw accessDenied(r.denied?.[action] ?? msg("error.notAllowed", { action }));
}

/** The objects of a list or field the viewer may see, in their order. */
export async function filter<T extends GatedType>(actor: Actor, type: T, objects: Gated[T][]) {
  const seen = await Promise.all(objects.map((o) => may(actor, type, o)));
  return objects.filter((_, i) => seen[i]);
}

/** One object of a field: itself when the viewer may see it, else null. */
export async function one<T extends GatedType>(actor: Actor, type: T, object: Gated[T] | null | undefined) {
  return object && (await may(actor, type, object)) ? object : null;
}

/**
 * R9: does the users index show this viewer the requests (message, permissions asked for, partner
 * organization)? Only to those who decide on them; role managers see the accounts alone.
 */
export async function seesRequests(actor: Actor, store: Store): Promise<boolean> {
  return may(actor, "Store", store, "manageCollaborators");
}

/**
 * Narrow views: an object a field hands to a viewer who may not read it in full. A partner who
 * asked for access to a store (pending, rejected, expired...), a partner organization's member
 * listing its stores, platform support lifting a block: they see the store's name and domain,
 * nothing else. Every other field of the type answers ACCESS_DENIED to them.
 */
export const NARROW_VIEWS: Partial<Record<GatedType, readonly string[]>> = {
  Store: ["id", "name", "domain", "storeType"],
  // Merchants meet a partner organization on requests: its name and plan, not its team or stores.
  PartnerOrganization: ["id", "name", "plus"],
};

const NARROW_DENIED: Partial<Record<GatedType, Message>> = {
  Store: msg("denied.narrowStore"),
  PartnerOrganization: msg("denied.narrowPartnerOrganization", {}, "R22"),
};

/** Wraps every field outside a type's narrow view with the gate's read check (src/graphql/schema.ts). */
export function applyNarrowViews(schema: GraphQLSchema): void {
  for (const [type, open] of Object.entries(NARROW_VIEWS) as [GatedType, readonly string[]][]) {
    const graphqlType = schema.getType(type);
    if (!isObjectType(graphqlType)) continue;
    for (const field of Object.values(graphqlType.getFields())) {
      if (open.includes(field.name)) continue;
      const resolve: GraphQLFieldResolver<unknown, Actor> = field.resolve ?? defaultFieldResolver;
      const guarded: GraphQLFieldResolver<unknown, Actor> = async (source, args, actor, info) => {
        if (!actor.viewer || !(await may(actor, type, source as Gated[typeof type])))
          throw accessDenied(NARROW_DENIED[type] ?? msg("error.accessDenied"));
        return resolve(source, args, actor, info);
      };
      field.resolve = guarded;
    }
  }
}

/**
 * The type-graphql authChecker: "signed in", with the API's own UNAUTHENTICATED error. An arrow
 * function: type-graphql takes anything with a prototype for a class to instantiate.
 */
export const signedIn = ({ context }: { context: Actor }): boolean => {
  if (!context.viewer) throw unauthenticated();
  return true;
};
