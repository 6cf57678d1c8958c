// The one access gate: every object reaches a viewer through here, by id (`find`, `need`) or
// through a field (`filter`, `may`, and the narrow views below). For each type it says, from the
// abilities (store, organization, partner and platform), what a viewer may see and do; the rules
// themselves stay in the abilities. One policy everywhere:
//  - without a sign-in: UNAUTHENTICATED, before any lookup;
//  - an object the viewer may not see reads exactly as a missing one (null, or NOT_FOUND);
//  - one they may see but not act on: ACCESS_DENIED.
import { GraphQLError, GraphQLSchema, isObjectType, type GraphQLFieldResolver } from "graphql";
import { defaultFieldResolver } from "graphql";
import type { RequestContext } from "../context";
import { AuditChainHead } from "../domain/audit/audit-chain-head.entity";
import { recordCollaboratorLogin } from "../domain/collaborators/collaborator.service";
import { StoreUser } from "../domain/collaborators/store-user.entity";
import { accessDenied, notFound, unauthenticated, UserFailure } from "../domain/errors";
import { Organization } from "../domain/organizations/organization.entity";
import { PartnerMember, type PartnerStoreAction } from "../domain/partners/partner-member.entity";
import { PARTNER_ACTION_WORDS, STORE_TYPE_WORDS } from "../domain/partners/partner-permissions";
import type { PartnerOrganization } from "../domain/partners/partner-organization.entity";
import { PartnerReport } from "../domain/partners/partner-report.entity";
import type { Role } from "../domain/roles/role.entity";
import { Store, type StoreType } from "../domain/stores/store.entity";
import type { User } from "../domain/users/user.entity";
import { partnerStoreAccess, type PartnerVerdict } from "./partner-access";
import { abilityForPlatform } from "./platform-ability";
import type { StoreAbilityAction } from "./store-ability";

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
  what: string;
  load(ctx: RequestContext, id: number): Promise<Gated[T] | null>;
  /** May the viewer see it? */
  read(ctx: RequestContext, object: Gated[T]): Promise<boolean>;
  /** May the viewer do this (besides read)? */
  act?(ctx: RequestContext, object: Gated[T], action: GateAction<T>): Promise<boolean>;
  denied?: Partial<Record<GateAction<T>, string>>;
  /**
   * May the viewer do this to every object of the type (a list of them, or before any lookup)?
   * For types whose rule does not depend on the object (platform support's reports).
   */
  any?(ctx: RequestContext, action: GateAction<T>): Promise<boolean>;
  /** Why an action is refused, when it depends on the object (the partner setting's reason). */
  why?(ctx: RequestContext, object: Gated[T], action: GateAction<T>): Promise<string | undefined>;
}

const viewerOf = (ctx: RequestContext) => ctx.requireViewer().user;
const platform = (ctx: RequestContext) => abilityForPlatform(viewerOf(ctx));

async function storeCan(ctx: RequestContext, store: Store, action: Exclude<StoreAbilityAction, "use">) {
  return (await ctx.ability(store)).can(action, "Store");
}

async function storeOf(ctx: RequestContext, id: number | null) {
  return id ? ctx.loaders.store.load(id) : null;
}

const isPartnerStoreAction = (action: string): action is "ADD_ARCHIVE_UNARCHIVE" | "TRANSFER" =>
  action === "ADD_ARCHIVE_UNARCHIVE" || action === "TRANSFER";

/** R24, R25: the partner side of an action on a partner organization's own store, for the viewer. */
async function partnerStoreVerdict(
  ctx: RequestContext,
  store: Store,
  action: "ADD_ARCHIVE_UNARCHIVE" | "TRANSFER",
): Promise<PartnerVerdict> {
  const member = store.partnerOrganizationId ? (await ctx.access(store)).standing.owningPartnerMember : null;
  if (!member)
    return { allowed: false, reason: "R24: only members of the partner organization that owns this store act on it" };
  return partnerStoreAccess(member, store.storeType, store.id, action);
}

/** R25: the partner side of creating a store of this type in a partner organization, for the viewer. */
async function partnerAddVerdict(ctx: RequestContext, org: PartnerOrganization, storeType: StoreType) {
  const { member } = await ctx.partnerStanding(org);
  if (!member) return { allowed: false, reason: "R24: only members of the partner organization add its stores" };
  return partnerStoreAccess(member, storeType, null, "ADD_ARCHIVE_UNARCHIVE");
}

const partnerRefusal = (verdict: PartnerVerdict, action: PartnerStoreAction, storeType: StoreType) =>
  verdict.reason.startsWith("R24: only members")
    ? `${verdict.reason}.`
    : `${verdict.reason}: your partner organization does not let you ${PARTNER_ACTION_WORDS[action]} ${STORE_TYPE_WORDS[storeType]} stores.`;

type AddStore = `addStore:${Exclude<StoreType, "MANAGED">}`;
const isAddStore = (action: string): action is AddStore => action.startsWith("addStore:");
const addedType = (action: AddStore) => action.slice("addStore:".length) as Exclude<StoreType, "MANAGED">;

type RemoveStore = `removeStore:${number}`;
const isRemoveStore = (action: string): action is RemoveStore => action.startsWith("removeStore:");
const removedStoreId = (action: RemoveStore) => Number(action.slice("removeStore:".length));

/** R25: the partner side of removing a partner organization's access to a managed store, for the viewer. */
async function partnerRemoveVerdict(ctx: RequestContext, org: PartnerOrganization, storeId: number) {
  const { member } = await ctx.partnerStanding(org);
  if (!member)
    return { allowed: false, reason: "R24: only members of the partner organization remove its access to a store" };
  return partnerStoreAccess(member, "MANAGED", storeId, "ADD_REMOVE");
}

/** Who checks the audit chain: platform support, and owners of a store or an organization. */
async function verifiesAuditChain(ctx: RequestContext) {
  const viewer = viewerOf(ctx);
  if (platform(ctx).can("verify", "AuditChain")) return true;
  const db = ctx.ds.manager;
  return (
    (await db.countBy(Store, { ownerId: viewer.id })) > 0 ||
    (await db.countBy(Organization, { ownerId: viewer.id })) > 0
  );
}

/** Is this row the viewer's own account or request? */
const own = (ctx: RequestContext, row: StoreUser) => row.userId === viewerOf(ctx).id;

const RULES: { [T in GatedType]: Rule<T> } = {
  Store: {
    what: "store",
    load: (ctx, id) => ctx.loaders.store.load(id),
    read: (ctx, store) => storeCan(ctx, store, "read"),
    act: async (ctx, store, action) =>
      action === "liftBlock"
        ? platform(ctx).can("liftBlock", "Store")
        : action === "readUsers"
          ? (await storeCan(ctx, store, "manageCollaborators")) || (await storeCan(ctx, store, "manageRoles"))
          : isPartnerStoreAction(action)
            ? (await partnerStoreVerdict(ctx, store, action)).allowed
            : storeCan(ctx, store, action),
    why: async (ctx, store, action) =>
      isPartnerStoreAction(action)
        ? partnerRefusal(await partnerStoreVerdict(ctx, store, action), action, store.storeType)
        : undefined,
    denied: {
      manageCollaborators: "R9: only the store's owner and admins manage its collaborators.",
      manageRoles: "You may not create or edit roles in this store (R10: store user administrators only assign roles).",
      editAutoRole:
        "R10: only the organization owner and organization administrators may edit the auto-generated role.",
      transferOwnership: "Only the store owner can transfer ownership.",
      liftBlock: "R18: only platform support can lift a rejection block.",
      readUsers: "R9: you may not see this store's users and roles.",
    },
  },
  Organization: {
    what: "organization",
    load: (ctx, id) => ctx.loaders.organization.load(id),
    read: async (ctx, org) => (await ctx.organizationAbility(org)).can("read", "Organization"),
    act: async (ctx, org, action) => (await ctx.organizationAbility(org)).can(action, "Organization"),
    denied: {
      manageCollaborators: "Only the organization owner and organization administrators may do this.",
      manageRoles: "Only the organization owner and organization administrators edit its roles.",
    },
  },
  PartnerOrganization: {
    what: "partner organization",
    load: (ctx, id) => ctx.loaders.partnerOrganization.load(id),
    read: async (ctx, org) => (await ctx.partnerStanding(org)).ability.can("read", "PartnerOrganization"),
    act: async (ctx, org, action) =>
      isAddStore(action)
        ? (await partnerAddVerdict(ctx, org, addedType(action))).allowed
        : isRemoveStore(action)
          ? (await partnerRemoveVerdict(ctx, org, removedStoreId(action))).allowed
          : (await ctx.partnerStanding(org)).ability.can(action, "PartnerOrganization"),
    why: async (ctx, org, action) =>
      isAddStore(action)
        ? partnerRefusal(
            await partnerAddVerdict(ctx, org, addedType(action)),
            "ADD_ARCHIVE_UNARCHIVE",
            addedType(action),
          )
        : isRemoveStore(action)
          ? partnerRefusal(await partnerRemoveVerdict(ctx, org, removedStoreId(action)), "ADD_REMOVE", "MANAGED")
          : undefined,
    denied: {
      manageMembers: "R26: only owners and staff with manage_members manage the team.",
      manageOwners: "R22: only owners invite, promote, change or remove owners.",
      readReports: "R30: only platform support sees and closes reports of partners.",
    },
  },
  PartnerMember: {
    what: "partner organization member",
    load: (ctx, id) => ctx.ds.manager.findOneBy(PartnerMember, { id }),
    read: async (ctx, member) => {
      const org = await ctx.loaders.partnerOrganization.load(member.partnerOrganizationId);
      return !!org && (await RULES.PartnerOrganization.read(ctx, org));
    },
  },
  PartnerReport: {
    what: "report",
    load: (ctx, id) => ctx.ds.manager.findOneBy(PartnerReport, { id }),
    read: (ctx) => Promise.resolve(platform(ctx).can("read", "PartnerReport")),
    act: (ctx, _report, action) => Promise.resolve(platform(ctx).can(action, "PartnerReport")),
    any: (ctx, action) => Promise.resolve(platform(ctx).can(action, "PartnerReport")),
    denied: {
      read: "R30: only platform support sees and closes reports of partners.",
      close: "R30: only platform support sees and closes reports of partners.",
    },
  },
  Role: {
    what: "role",
    load: (ctx, id) => ctx.loaders.role.load(id),
    read: async (ctx, role) => {
      if (role.systemKey) return true;
      if (role.storeId) {
        const store = await storeOf(ctx, role.storeId);
        if (!store) return false;
        if (role.autoGenerated) {
          // The auto-generated role of a request (R6) is the request's: its requester and those
          // who decide on it (R9) see it; once accepted it is one of the store's roles.
          const request = await ctx.ds.manager.findOneBy(StoreUser, { autoRoleId: role.id });
          if (request && isRequest(request))
            return own(ctx, request) || (await storeCan(ctx, store, "manageCollaborators"));
        }
        return storeCan(ctx, store, "read");
      }
      const org = role.organizationId ? await ctx.loaders.organization.load(role.organizationId) : null;
      return !!org && (await RULES.Organization.read(ctx, org));
    },
  },
  Collaborator: {
    what: "collaborator",
    load: async (ctx, id) => {
      const row = await ctx.loaders.storeUser.load(id);
      return row?.userType === "COLLABORATOR" ? row : null;
    },
    read: async (ctx, row) => row.userType === "COLLABORATOR" && (own(ctx, row) || (await managesStoreOf(ctx, row))),
    // R29: the requester alone withdraws their request (whether it is still pending, the
    // withdrawal itself says: NOT_PENDING); those who decide on it see it but do not withdraw it.
    act: async (ctx, row, action) => (action === "withdraw" ? own(ctx, row) : managesStoreOf(ctx, row)),
    denied: {
      decide: "R9: only the store's owner and admins decide on collaborators.",
      withdraw: "R29: only the requester withdraws a request.",
    },
  },
  StoreUser: {
    what: "store user",
    load: (ctx, id) => ctx.loaders.storeUser.load(id),
    read: async (ctx, row) => {
      if (own(ctx, row) || (await managesStoreOf(ctx, row))) return true;
      // R9: those who manage roles (the users permission) see the accounts, never the requests.
      const store = await storeOf(ctx, row.storeId);
      return !isRequest(row) && !!store && (await storeCan(ctx, store, "manageRoles"));
    },
  },
  User: {
    what: "user",
    load: (ctx, id) => ctx.loaders.user.load(id),
    // By id, a user reads only themself; others come through the objects they belong to.
    read: (ctx, user) => Promise.resolve(user.id === viewerOf(ctx).id),
  },
  AuditChain: {
    what: "audit chain",
    load: (ctx, id) => ctx.ds.manager.findOneBy(AuditChainHead, { id }),
    read: (ctx) => verifiesAuditChain(ctx),
    act: (ctx) => verifiesAuditChain(ctx),
    // One chain for the whole log, whose existence is no secret: refused before any lookup.
    any: (ctx) => verifiesAuditChain(ctx),
    denied: {
      read: "Only platform support and owners of a store or an organization check the audit chain.",
      verify: "Only platform support and owners of a store or an organization check the audit chain.",
    },
  },
};

async function managesStoreOf(ctx: RequestContext, row: StoreUser) {
  const store = await storeOf(ctx, row.storeId);
  return !!store && (await storeCan(ctx, store, "manageCollaborators"));
}

function rule<T extends GatedType>(type: T): Rule<T> {
  return RULES[type];
}

/** May the viewer do this with an object they hold (read: see it at all)? */
export async function may<T extends GatedType>(
  ctx: RequestContext,
  type: T,
  object: Gated[T],
  action: GateAction<T> = "read",
): Promise<boolean> {
  ctx.requireViewer();
  const r = rule(type);
  if (action === "read") return r.read(ctx, object);
  return !!r.act && (await r.act(ctx, object, action));
}

/**
 * An object by id as the API reads it: the object, or null when it is missing or hidden (the two
 * read the same). A store read this way is a login to it (R17), refused through the mobile app
 * before a dashboard login (R19): `store`, `storeByDomain`, `node` and `nodes` read alike.
 */
export async function find<T extends GatedType>(ctx: RequestContext, type: T, id: number): Promise<Gated[T] | null> {
  ctx.requireViewer();
  const object = await rule(type).load(ctx, id);
  if (!object || !(await rule(type).read(ctx, object))) return null;
  if (type === "Store") await storeLogin(ctx, object as Store);
  return object;
}

/** R17, R19: an active collaborator's read of the store counts as a login. */
async function storeLogin(ctx: RequestContext, store: Store) {
  const { standing } = await ctx.access(store);
  if (standing.account?.userType === "COLLABORATOR" && standing.accountStatus === "ACTIVE")
    await recordCollaboratorLogin(ctx, standing.account);
}

export interface NeedOptions {
  /** A mutation's input path: NOT_FOUND becomes a userError on it (else a top-level NOT_FOUND). */
  field?: string[];
  /** The ACCESS_DENIED message, when the type's own does not fit. */
  denied?: string;
}

function missing(type: GatedType, options: NeedOptions) {
  const what = rule(type).what;
  return options.field ? new UserFailure("NOT_FOUND", `No ${what} with that id.`, options.field) : notFound(what);
}

/**
 * An object by id that the viewer must see, and may act on: NOT_FOUND when it is missing or
 * hidden (one answer for both), ACCESS_DENIED when they see it but may not do the action.
 */
export async function need<T extends GatedType>(
  ctx: RequestContext,
  type: T,
  id: number,
  action: GateAction<T> = "read",
  options: NeedOptions = {},
): Promise<Gated[T]> {
  ctx.requireViewer();
  const object = await rule(type).load(ctx, id);
  if (!object) throw missing(type, options);
  return needOn(ctx, type, object, action, options);
}

/** `need` for an object already loaded (a field's parent, a row found by another key). */
export async function needOn<T extends GatedType>(
  ctx: RequestContext,
  type: T,
  object: Gated[T],
  action: GateAction<T> = "read",
  options: NeedOptions = {},
): Promise<Gated[T]> {
  if (action !== "read" && (await may(ctx, type, object, action))) return object;
  if (!(await may(ctx, type, object, "read"))) throw missing(type, options);
  if (action === "read") return object;
  const why = options.denied ?? (await rule(type).why?.(ctx, object, action)) ?? rule(type).denied?.[action];
  throw accessDenied(why ?? `You may not do this (${action}).`);
}

/**
 * For a type whose rule does not depend on the object: the viewer may do this to all of its
 * objects, or is refused with ACCESS_DENIED before any lookup (the answer is the same for every
 * id, so it says nothing of which exist). Lists of the type (partnerReports) and actions by id.
 */
export async function needAny<T extends GatedType>(ctx: RequestContext, type: T, action: GateAction<T> = "read") {
  ctx.requireViewer();
  const r = rule(type);
  if (!r.any) throw new Error(`The gate has no type-wide rule for ${type}.`);
  if (!(await r.any(ctx, action))) throw accessDenied(r.denied?.[action] ?? `You may not do this (${action}).`);
}

/** The objects of a list or field the viewer may see, in their order. */
export async function filter<T extends GatedType>(ctx: RequestContext, type: T, objects: Gated[T][]) {
  const seen = await Promise.all(objects.map((o) => may(ctx, type, o)));
  return objects.filter((_, i) => seen[i]);
}

/** One object of a field: itself when the viewer may see it, else null. */
export async function one<T extends GatedType>(ctx: RequestContext, type: T, object: Gated[T] | null | undefined) {
  return object && (await may(ctx, type, object)) ? object : null;
}

/**
 * R9: does the users index show this viewer the requests (message, permissions asked for, partner
 * organization)? Only to those who decide on them; role managers see the accounts alone.
 */
export async function seesRequests(ctx: RequestContext, store: Store): Promise<boolean> {
  return may(ctx, "Store", store, "manageCollaborators");
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

const NARROW_DENIED: Partial<Record<GatedType, string>> = {
  Store: "You see only this store's name and domain: you have no access to it.",
  PartnerOrganization: "R22: only members of the partner organization see its team and stores.",
};

/** Wraps every field outside a type's narrow view with the gate's read check (src/graphql/schema.ts). */
export function applyNarrowViews(schema: GraphQLSchema): void {
  for (const [type, open] of Object.entries(NARROW_VIEWS) as [GatedType, readonly string[]][]) {
    const graphqlType = schema.getType(type);
    if (!isObjectType(graphqlType)) continue;
    for (const field of Object.values(graphqlType.getFields())) {
      if (open.includes(field.name)) continue;
      const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      const guarded: GraphQLFieldResolver<unknown, RequestContext> = async (source, args, ctx, info) => {
        if (!ctx.viewer || !(await may(ctx, type, source as Gated[typeof type])))
          throw new GraphQLError(NARROW_DENIED[type] ?? "Access denied.", {
            extensions: { code: "ACCESS_DENIED" },
          });
        return resolve(source, args, ctx, info);
      };
      field.resolve = guarded;
    }
  }
}

/**
 * The type-graphql authChecker: "signed in", with the API's own UNAUTHENTICATED error. An arrow
 * function: type-graphql takes anything with a prototype for a class to instantiate.
 */
export const signedIn = ({ context }: { context: RequestContext }): boolean => {
  if (!context.viewer) throw unauthenticated();
  return true;
};
