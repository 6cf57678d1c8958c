// The schema walk (issue 11, item 3): for every actor of the rules, follow every field path of the
// schema from every root field, and check that whatever Node object comes back is one that actor
// may read when asked directly. Nothing here names a field: the queries are generated from the
// running server's own schema (introspection), so a new field that leaks fails this test without
// anyone writing a test for it.
//
// - Actors: test/fixtures/schema-walk.json (world.json plus a plain staff member of a single store,
//   an expired, a removed and a rejected collaborator, pending requests on Acme, a partner member
//   with a development store, a Plus sandbox, a user with no relation to anything). The rejection,
//   the removal, one more request and a report of a partner are made in `beforeAll` by mutations
//   whose payloads are walked too (the only mutations walked: the others change data).
// - Queries: for each root field, and from each object the actor reads by id (`store(id:)`,
//   `organization`, `partnerOrganization`, `node` for the others), a selection of every field to
//   WALK_DEPTH object hops (a Node type already on the path: its id and scalars only), `id` and `__typename`
//   everywhere, `first: PAGE` on connections, one alias per value of an optional enum argument
//   (`users(status: REQUESTED)`), and required arguments filled with the fixture's ids of the right
//   type (ids the actor should not see, too), domains, and the permission `orders`.
// - Field errors are fine (a refused field is pruned and the query sent again, so that a refusal
//   made null by GraphQL's non-null rules hides none of its siblings); the assertion is about
//   objects that come back:
//   1. a Node object reached through any field is one `node(id)` returns to that actor; or it is a
//      narrow view (NARROW: a store's name and domain, a partner organization's name) with
//      nothing else answered; types that `node` never returns to others (User, AuditEvent,
//      Notification) are carried by the object they are read through, checked in its turn;
//   2. the by-id root fields agree with `node(id)`: `store(id:)`, `storeByDomain`, `organization`,
//      `partnerOrganization`, `nodes`;
//   3. a user an actor finds holding a permission in `accessAudit` is one `explainAccess` explains
//      to that actor, as allowed.
// - What it does not see: `node(id)` is its oracle, so an object `node` itself gives too freely
//   (and no field gives) passes; a field that would take a path beyond the answer's item cap is
//   not selected there (no client can ask it in one query; the objects it leads to are walked by
//   id); mutations other than the four of the setup, and subscriptions.
import "reflect-metadata";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
  Kind,
  parse,
  type DocumentNode,
  type OperationDefinitionNode,
} from "graphql";
import { DEFAULT_LIMITS } from "../src/config";
import * as limitsModule from "../src/graphql/limits";
import { createServer } from "../src/server";
import { TestClient, type GqlResult } from "./support/client";
import { startServer, type TestServer } from "./support/server";

const FIXTURE = "test/fixtures/schema-walk.json";
/**
 * Object hops below each root field and each object read by id. Every object an actor reads by id
 * is walked from in turn (`node`, `store`, ...), so paths through readable objects go on from
 * there; the depth is how far the walk goes through objects the actor may not read by id (a
 * store's owner, a narrow view) before the next readable one.
 */
const WALK_DEPTH = 2;
/** Page size of every connection. */
const PAGE = 5;
/** Values tried for a second required argument (the first gets all of its values). */
const EXTRA_ARGUMENT_VALUES = 3;
/** Root aliases per query before anything is split. */
const ALIASES_PER_QUERY = 40;
/**
 * The items one answer may hold (the server's hard cap, counted from the document as the cost is:
 * every object field once per time it may be answered, a plain list of objects at its most, 250).
 * A field that would take a path beyond it is not selected there: no client can ask it in one
 * query. It is walked from the objects the actor reads by id (node, store, ...) instead.
 */
const ITEM_CAP = 2500;
const PLAIN_LIST_MAX = 250;
/** Fixture ids tried per type (the audit events and notifications grow with the setup). */
const IDS_PER_TYPE = 60;

/** Every actor of the rules, by fixture key (password "password-<key>"). */
const ACTORS: Record<string, string> = {
  erin: "store owner (Acme EU, Acme US)",
  nora: "store owner (Nordic, a single store)",
  ada: "Administrator (Acme EU)",
  nils: "Administrator (Nordic)",
  uma: "staff with users (Acme EU, Team lead)",
  dan: "staff without users (Acme EU, Fulfilment)",
  lars: "staff without users (Nordic, Support)",
  olive: "organization owner (Acme)",
  oscar: "Organization administrator (Acme)",
  suki: "Store user administrator (Acme, assigned Acme EU)",
  pia: "active collaborator (Acme EU); Pixel staff, SPECIFIC managed stores",
  kira: "pending requests (Nordic, Acme EU, Studio); Koi staff, ALL managed stores",
  kai: "Koi owner (Plus, sandbox); an expired pending request on Studio",
  pete: "collaborator expired by inactivity (Acme US, R17); Pixel staff, ALL",
  rex: "expired collaborator (Nordic); Pixel staff",
  remy: "removed collaborator (Nordic); Pixel staff",
  rita: "rejected request (Acme US); Koi staff",
  pat: "partner organization owner (Pixel)",
  pax: "Pixel staff with no managed-store access (NONE)",
  dina: "Pixel staff with a development store",
  stan: "staff of Studio and Pixel staff (ALL)",
  sam: "platform support",
  una: "a user with no relation to anything",
};

/**
 * What a viewer who may not read an object may still be shown of it (issue 11: "a requester sees
 * the name and domain of the store they asked, not its owner"). Everything else must be refused.
 */
const NARROW: Record<string, readonly string[]> = {
  Store: ["name", "domain", "storeType"],
  PartnerOrganization: ["name", "plus"],
};

/** The table of each Node type, to list the fixture's ids (a new Node type must be added here). */
const TABLES: Record<string, { table: string; where?: string }> = {
  User: { table: "users" },
  Store: { table: "stores" },
  Organization: { table: "organizations" },
  Role: { table: "roles" },
  Collaborator: { table: "store_users", where: `"userType" = 'COLLABORATOR'` },
  StoreUser: { table: "store_users" },
  PartnerOrganization: { table: "partner_organizations" },
  PartnerMember: { table: "partner_members" },
  AuditEvent: { table: "audit_events" },
  Notification: { table: "notifications" },
  PartnerReport: { table: "partner_reports" },
};

/** Errors that say the query was too big, not that a field was refused: split and send again. */
const LIMIT_CODES = new Set([
  "MAX_DEPTH_EXCEEDED",
  "MAX_ALIASES_EXCEEDED",
  "MAX_COST_EXCEEDED",
  "MAX_ITEMS_EXCEEDED",
  "THROTTLED",
]);

const GID = /^gid:\/\/latchkey\/([A-Za-z]+)\/([0-9]+)$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// ---- Selections ---------------------------------------------------------------------------------

/** One field of a generated selection. */
interface Sel {
  /** The response key (an alias when it differs from the field). */
  key: string;
  field: string;
  /** Printed arguments, "" or "(first: 5, status: REQUESTED)". */
  args: string;
  /** How the path shows it: the field, with the arguments that are not paging. */
  label: string;
  children: Sel[];
  fragments: Fragment[];
  /** How many items the field may hold for the item cap: a page, a plain list's most, 1; 0 for values. */
  len?: number;
}
interface Fragment {
  on: string;
  children: Sel[];
}

const leaf = (field: string): Sel => ({ key: field, field, args: "", label: field, children: [], fragments: [] });
const isComposite = (s: Sel) => s.children.length > 0 || s.fragments.length > 0;

function printSels(sels: Sel[]): string {
  return sels.map(printSel).join(" ");
}
function printSel(s: Sel): string {
  const head = `${s.key !== s.field ? `${s.key}: ` : ""}${s.field}${s.args}`;
  if (!isComposite(s)) return head;
  const fragments = s.fragments.map((f) => `... on ${f.on} { ${printSels(f.children)} }`).join(" ");
  return `${head} { ${printSels(s.children)} ${fragments} }`;
}

/** A value for an argument, as GraphQL text, with how the path shows it. */
interface ArgValue {
  text: string;
  label: string;
}

/** The fixture, as the walk knows it: ids per Node type, domains. */
interface World {
  ids: Map<string, string[]>;
  domains: string[];
}

class Generator {
  /** Object types a selection reaches. */
  readonly covered = new Set<string>();
  /** Fields left out: a required argument the walk cannot fill. */
  readonly skipped = new Set<string>();
  readonly nodeTypes: Set<string>;

  constructor(
    readonly schema: GraphQLSchema,
    readonly world: World,
  ) {
    const node = schema.getType("Node");
    this.nodeTypes = new Set(node && isInterfaceType(node) ? schema.getPossibleTypes(node).map((t) => t.name) : []);
  }

  /** Ids to fill an ID argument: of the type its name says (storeId: Store, id of store: Store), else of every type. */
  private idsFor(fieldName: string, argName: string): string[] {
    const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    let type: string | null = null;
    if (argName.endsWith("Id") && argName !== "id") type = upper(argName.slice(0, -2));
    else if (argName === "id" && this.nodeTypes.has(upper(fieldName))) type = upper(fieldName);
    else if (argName === "id" && fieldName.startsWith("collaborator")) type = "Collaborator";
    if (type && this.world.ids.has(type)) return this.world.ids.get(type) ?? [];
    return [...this.world.ids.values()].flat();
  }

  /** The values to try for one required argument, or null when the walk cannot fill it. */
  private valuesFor(fieldName: string, arg: GraphQLArgument): ArgValue[] | null {
    const type = getNullableType(arg.type);
    if (isListType(type)) {
      const item = getNamedType(type);
      if (item.name !== "ID") return null;
      const all = [...this.world.ids.values()].flat().slice(0, 250);
      return [{ text: JSON.stringify(all), label: `[${all.length} ids]` }];
    }
    if (!isScalarType(type)) return null;
    if (type.name === "ID") {
      return this.idsFor(fieldName, arg.name).map((id) => ({ text: JSON.stringify(id), label: id }));
    }
    if (type.name === "String" && arg.name === "domain")
      return this.world.domains.map((d) => ({ text: JSON.stringify(d), label: d }));
    if (type.name === "String" && arg.name === "permission") return [{ text: `"orders"`, label: "orders" }];
    return null;
  }

  /**
   * The argument sets a field is asked with: every combination of its required arguments; for a
   * field with none, also one set per optional ID argument value and per optional enum value.
   * `first: PAGE` on connections. Null: a required argument the walk cannot fill.
   */
  argumentSets(field: GraphQLField<unknown, unknown>): { args: string; label: string; shallow: boolean }[] | null {
    const paged = field.args.some((a) => a.name === "first");
    const paging = paged ? [`first: ${PAGE}`] : [];
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    let combos: { parts: string[]; labels: string[] }[] = [{ parts: [], labels: [] }];
    for (const [i, arg] of required.entries()) {
      const all = this.valuesFor(field.name, arg);
      if (!all) return null;
      // Every value of the first argument; a sample of the others (explainAccess: every store, some users).
      const values = i === 0 ? all : all.slice(0, EXTRA_ARGUMENT_VALUES);
      combos = combos.flatMap((c) =>
        values.map((v) => ({
          parts: [...c.parts, `${arg.name}: ${v.text}`],
          labels: [...c.labels, `${arg.name}: ${v.label}`],
        })),
      );
    }
    const print = (parts: string[]) => (parts.length ? `(${parts.join(", ")})` : "");
    const sets = combos.map((c) => ({
      args: print([...c.parts, ...paging]),
      label: c.labels.length ? `${field.name}(${c.labels.join(", ")})` : field.name,
      shallow: false,
    }));
    const optional = field.args.filter(
      (a) => !isNonNullType(a.type) && !["first", "last", "after", "before"].includes(a.name),
    );
    for (const arg of optional) {
      const type = getNullableType(arg.type);
      const values: ArgValue[] = isEnumType(type)
        ? type.getValues().map((v) => ({ text: v.name, label: v.name }))
        : isScalarType(type) && type.name === "ID" && required.length === 0
          ? this.idsFor(field.name, arg.name).map((id) => ({ text: JSON.stringify(id), label: id }))
          : [];
      for (const v of values)
        for (const c of combos)
          sets.push({
            args: print([...c.parts, `${arg.name}: ${v.text}`, ...paging]),
            label: `${field.name}(${[...c.labels, `${arg.name}: ${v.label}`].join(", ")})`,
            // An enum variant repeats its field's selection one level deep: what it lists, not all below.
            shallow: isEnumType(type),
          });
    }
    // accessReview-like fields: without a required argument, the optional ids are the arguments.
    if (required.length === 0 && optional.some((a) => getNamedType(a.type).name === "ID")) return sets.slice(1);
    return sets;
  }

  /** Fields not selected at some place because the path would go beyond ITEM_CAP there. */
  readonly beyondCap = new Set<string>();

  /** An object type holding no Node and only scalars, enums and such types (Permission, PageInfo): free for the cap. */
  isValue(type: GraphQLNamedType, seen: Set<string> = new Set()): boolean {
    if (!isObjectType(type) || this.nodeTypes.has(type.name) || "id" in type.getFields()) return false;
    if (seen.has(type.name)) return true;
    seen.add(type.name);
    return Object.values(type.getFields()).every((f) => {
      const inner = getNamedType(f.type);
      return isLeafType(inner) || this.isValue(inner, seen);
    });
  }

  /**
   * The selection of a composite type with `depth` object hops left; `path`: the Node types above;
   * `mult`: how many times it may be answered (pages and lists above).
   */
  selectionOf(
    type: GraphQLNamedType,
    depth: number,
    path: readonly string[],
    mult = 1,
  ): { children: Sel[]; fragments: Fragment[] } {
    if (isInterfaceType(type)) {
      const children = [leaf("__typename"), ...("id" in type.getFields() ? [leaf("id")] : [])];
      const fragments = this.schema.getPossibleTypes(type).map((t) => ({
        on: t.name,
        // Fields of different types never share a response key (Collaborator.status and
        // StoreUser.status differ), so each is aliased by its type.
        children: this.fieldsOf(t, depth, path, mult)
          .filter((s) => s.field !== "id" && s.field !== "__typename")
          .map((s) => ({ ...s, key: `${t.name}_${s.key}` })),
      }));
      return { children, fragments };
    }
    if (!isObjectType(type)) return { children: [], fragments: [] };
    return { children: this.fieldsOf(type, depth, path, mult), fragments: [] };
  }

  private fieldsOf(type: GraphQLObjectType, depth: number, path: readonly string[], mult: number): Sel[] {
    this.covered.add(type.name);
    const isNode = this.nodeTypes.has(type.name);
    // A Node type met again on the path, or at the end of the walk: its id and scalars only.
    const expand = depth > 0 && !(isNode && path.includes(type.name));
    const below = isNode ? [...path, type.name] : path;
    const out: Sel[] = [leaf("__typename")];
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const sets = this.argumentSets(field);
      if (!sets) {
        this.skipped.add(`${type.name}.${field.name}`);
        continue;
      }
      const len = this.lengthOf(field);
      if (!isLeafType(named) && expand && mult * Math.max(len, 1) > ITEM_CAP) {
        this.beyondCap.add(`${type.name}.${field.name}`);
        continue;
      }
      // One selection below the field, shared by its argument sets (the shallow ones share another).
      const subs = new Map<number, { children: Sel[]; fragments: Fragment[] }>();
      const subOf = (d: number) => {
        let sub = subs.get(d);
        if (!sub) subs.set(d, (sub = this.connectionOrObject(named, d, below, mult * Math.max(len, 1))));
        return sub;
      };
      sets.forEach((set, i) => {
        const key = i === 0 ? field.name : `${field.name}_${i}`;
        if (isLeafType(named)) {
          out.push({ key, field: field.name, args: set.args, label: set.label, children: [], fragments: [] });
          return;
        }
        if (!expand) return;
        const sub = subOf(set.shallow ? Math.min(depth - 1, 1) : depth - 1);
        out.push({ key, field: field.name, args: set.args, label: set.label, len, ...sub });
      });
    }
    return out;
  }

  /** What the item cap counts for a field: a connection's page, a plain list's most, 1; 0 for a value. */
  private lengthOf(field: GraphQLField<unknown, unknown>): number {
    const named = getNamedType(field.type);
    if (isLeafType(named) || this.isValue(named)) return 0;
    if (isObjectType(named) && named.name.endsWith("Connection") && "nodes" in named.getFields()) return PAGE;
    return isListType(getNullableType(field.type)) ? PLAIN_LIST_MAX : 1;
  }

  /** A connection selects its `nodes` (the hop) and its edges' node ids; anything else is an object. */
  private connectionOrObject(type: GraphQLNamedType, depth: number, path: readonly string[], mult: number) {
    if (isObjectType(type) && type.name.endsWith("Connection") && "nodes" in type.getFields()) {
      this.covered.add(type.name);
      const nodeType = getNamedType(type.getFields().nodes.type);
      const nodes = this.selectionOf(nodeType, depth, path, mult);
      const edgeNode: Sel = {
        ...leaf("node"),
        children: [leaf("__typename"), ...(isObjectType(nodeType) && "id" in nodeType.getFields() ? [leaf("id")] : [])],
      };
      const edges: Sel = { ...leaf("edges"), children: [leaf("__typename"), leaf("cursor"), edgeNode] };
      const edgeType = getNamedType(type.getFields().edges?.type);
      if (edgeType) this.covered.add(edgeType.name);
      const pageInfo = type.getFields().pageInfo ? getNamedType(type.getFields().pageInfo.type) : null;
      const extra =
        pageInfo && isObjectType(pageInfo)
          ? [{ ...leaf("pageInfo"), children: this.fieldsOf(pageInfo, 0, path, mult) }]
          : [];
      return { children: [leaf("__typename"), { ...leaf("nodes"), ...nodes }, edges, ...extra], fragments: [] };
    }
    return this.selectionOf(type, depth, path, mult);
  }

  private readonly byType = new Map<string, { children: Sel[]; fragments: Fragment[] }>();

  /** `field(id: "<id>")` selecting everything of `type` below (node: through a fragment on it). */
  byIdRoot(field: GraphQLField<unknown, unknown>, id: string, type: string, depth: number, key: string): Sel {
    let sub = this.byType.get(type);
    if (!sub) {
      const named = this.schema.getType(type);
      if (!named) throw new Error(`no type ${type}`);
      this.byType.set(type, (sub = this.selectionOf(named, depth, [])));
    }
    const head = {
      key,
      field: field.name,
      args: `(${field.args[0].name}: ${JSON.stringify(id)})`,
      label: `${field.name}(${field.args[0].name}: ${id})`,
    };
    if (getNamedType(field.type).name !== "Node") return { ...head, ...sub };
    const inner = sub.children.filter((s) => s.field !== "id" && s.field !== "__typename");
    return { ...head, children: [leaf("__typename"), leaf("id")], fragments: [{ on: type, children: inner }] };
  }

  /** `field(arg)` { id } for every argument set: what a by-id field answers, for agreement. */
  shallowRoots(field: GraphQLField<unknown, unknown>): Sel[] {
    return (this.argumentSets(field) ?? []).map((set, i) => ({
      key: `r${i}`,
      field: field.name,
      args: set.args,
      label: set.label,
      children: [leaf("__typename"), leaf("id")],
      fragments: [],
    }));
  }

  /** The root selections of one operation field, one alias per argument set. */
  roots(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, depth: number): Sel[] {
    const sets = this.argumentSets(field);
    if (!sets) {
      this.skipped.add(`${parent.name}.${field.name}`);
      return [];
    }
    const named = getNamedType(field.type);
    const len = this.lengthOf(field);
    const sub = isLeafType(named)
      ? { children: [], fragments: [] }
      : this.connectionOrObject(named, depth, [], Math.max(len, 1));
    return sets.map((set, i) => ({ key: `r${i}`, field: field.name, args: set.args, label: set.label, len, ...sub }));
  }
}

/** A root field that reads one object by one argument (store(id:), storeByDomain, node(id:), ...). */
function isById(field: GraphQLField<unknown, unknown>, nodeTypes: Set<string>): boolean {
  const named = getNamedType(field.type);
  const required = field.args.filter((a) => isNonNullType(a.type));
  return (
    !isNonNullType(field.type) &&
    !isListType(field.type) &&
    (named.name === "Node" || nodeTypes.has(named.name)) &&
    required.length === 1 &&
    field.args.length === 1
  );
}

/** Sels of a tree, for counting the paths walked. */
function countPaths(sels: Sel[]): number {
  let n = 0;
  for (const s of sels) {
    if (!isComposite(s)) continue;
    n += 1 + countPaths(s.children) + s.fragments.reduce((m, f) => m + countPaths(f.children), 0);
  }
  return n;
}

/** The server's own count of a document's items, when src/graphql/limits has one (else our upper bound). */
type OperationCounts = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
) => { cost: number; items: number };
let serverCounts: { schema: GraphQLSchema; counts: OperationCounts } | null = null;

function itemsOf(sels: Sel[]): number {
  if (serverCounts) {
    const document = parse(`query { ${printSels(sels)} }`);
    const operation = document.definitions[0];
    if (operation.kind === Kind.OPERATION_DEFINITION)
      return serverCounts.counts(serverCounts.schema, document, operation, {}).items;
  }
  return estimatedItems(sels);
}

/** The items a selection may hold, counted as the server's cap counts them (an upper bound). */
function estimatedItems(sels: Sel[], mult = 1): number {
  let n = 0;
  for (const s of sels) {
    if (!isComposite(s) || s.len === 0) continue;
    const m = mult * Math.max(s.len ?? 1, 1);
    n += m + estimatedItems(s.children, m) + Math.max(0, ...s.fragments.map((f) => estimatedItems(f.children, m)));
  }
  return n;
}

/** Root selections in queries that each hold at most ITEM_CAP items, split where one alone holds more. */
function pack(roots: Sel[]): Sel[][] {
  const queries: Sel[][] = [];
  let current: Sel[] = [];
  const pieces = (sels: Sel[]): Sel[][] => {
    if (itemsOf(sels) <= ITEM_CAP) return [sels];
    const halves = split(sels);
    return halves ? [...pieces(halves[0]), ...pieces(halves[1])] : [sels];
  };
  for (const root of roots)
    for (const piece of pieces([root])) {
      if (current.length && (current.length >= ALIASES_PER_QUERY || itemsOf([...current, ...piece]) > ITEM_CAP)) {
        queries.push(current);
        current = [];
      }
      current.push(...piece);
    }
  if (current.length) queries.push(current);
  return queries;
}

/** Two halves of a selection too big for one query, or null when it cannot be split. */
function split(sels: Sel[]): [Sel[], Sel[]] | null {
  const leaves = sels.filter((s) => !isComposite(s));
  const composite = sels.filter(isComposite);
  if (composite.length >= 2) {
    const half = Math.ceil(composite.length / 2);
    return [
      [...leaves, ...composite.slice(0, half)],
      [...leaves, ...composite.slice(half)],
    ];
  }
  if (composite.length === 1) {
    const inner = splitSel(composite[0]);
    return inner
      ? [
          [...leaves, inner[0]],
          [...leaves, inner[1]],
        ]
      : null;
  }
  return null;
}
function splitSel(s: Sel): [Sel, Sel] | null {
  if (s.fragments.length > 1) {
    const half = Math.ceil(s.fragments.length / 2);
    return [
      { ...s, fragments: s.fragments.slice(0, half) },
      { ...s, fragments: s.fragments.slice(half) },
    ];
  }
  if (s.fragments.length === 1) {
    const inner = split(s.fragments[0].children);
    if (!inner) return null;
    return [
      { ...s, fragments: [{ ...s.fragments[0], children: inner[0] }] },
      { ...s, fragments: [{ ...s.fragments[0], children: inner[1] }] },
    ];
  }
  const inner = split(s.children);
  return inner
    ? [
        { ...s, children: inner[0] },
        { ...s, children: inner[1] },
      ]
    : null;
}

// ---- Answers ------------------------------------------------------------------------------------

/** One object an actor reached. */
interface Reach {
  actor: string;
  gid: string;
  type: string;
  path: string;
  /** Fields of the object that answered something (not null, not an empty list), besides id and __typename. */
  answered: string[];
}

/** An AccessGrant found: the actor must find explainAccess saying the same. */
interface Grant {
  actor: string;
  storeId: string;
  userId: string;
  permission: string;
  path: string;
}

class Walk {
  readonly reaches: Reach[] = [];
  readonly grants: Grant[] = [];
  /** Per actor and by-id root field: the ids it answered (for agreement with node). */
  readonly byIdAnswers = new Map<string, Map<string, Set<string>>>();
  /** Response-key paths refused (pruned), per actor. */
  readonly refused = new Set<string>();
  /** Selections refused by the limits even when split to the last field. */
  readonly tooBig: string[] = [];
  /** Whole operations that failed (a bug of the generator: an invalid query). */
  readonly failures: string[] = [];
  queries = 0;

  constructor(readonly url: string) {}

  /** Sends root selections (one operation), splitting what the limits refuse and pruning refused fields. */
  async run(actor: string, client: TestClient, operation: "query" | "mutation", sels: Sel[], rootField: string) {
    let current = sels;
    for (let attempt = 0; attempt < 8 && current.length; attempt++) {
      this.queries++;
      const text = `${operation} { ${printSels(current)} }`;
      const answer: GqlResult<unknown> = await client.raw(text);
      const limit = answer.errors?.find((e) => LIMIT_CODES.has(e.extensions?.code ?? ""));
      if (limit) {
        const halves = split(current);
        if (!halves) {
          this.tooBig.push(`${actor} ${rootField}: ${limit.extensions?.code ?? ""} ${limit.message}`);
          return;
        }
        for (const half of halves) await this.run(actor, client, operation, half, rootField);
        return;
      }
      if (isRecord(answer.data)) this.collect(actor, answer.data, current, rootField);
      const fieldErrors = (answer.errors ?? []).filter((e) => e.path?.length);
      if (!fieldErrors.length) {
        if (answer.errors?.length && !isRecord(answer.data))
          this.failures.push(`${actor} ${rootField}: ${JSON.stringify(answer.errors).slice(0, 500)}`);
        return;
      }
      // A mutation is sent once: it changed data.
      if (operation === "mutation") return;
      // Prune every refused field and ask again: a refusal nulls its non-null parents and hides
      // their other fields.
      let next = current;
      for (const e of fieldErrors) {
        const keys = (e.path ?? []).filter((k): k is string => typeof k === "string");
        this.refused.add(`${actor} ${rootField} ${keys.join(".")} ${e.extensions?.code ?? ""}`);
        next = prune(next, keys);
      }
      if (printSels(next) === printSels(current)) return;
      current = next;
    }
  }

  private collect(actor: string, data: Record<string, unknown>, sels: Sel[], rootField: string) {
    for (const root of sels) {
      if (!(root.key in data)) continue;
      const value = data[root.key];
      const byId = this.byIdAnswers.get(actor) ?? new Map<string, Set<string>>();
      this.byIdAnswers.set(actor, byId);
      if (rootField.startsWith("query ")) {
        const answered = byId.get(root.label) ?? new Set<string>();
        byId.set(root.label, answered);
        if (isRecord(value) && typeof value.id === "string") answered.add(value.id);
      }
      this.visit(actor, value, root, `${rootField.split(" ")[0] === "mutation" ? "mutation " : ""}${root.label}`, root);
    }
  }

  private visit(actor: string, value: unknown, sel: Sel, path: string, root: Sel) {
    if (Array.isArray(value)) {
      for (const item of value) this.visit(actor, item, sel, path, root);
      return;
    }
    if (!isRecord(value)) return;
    const typename = typeof value.__typename === "string" ? value.__typename : "?";
    const fields = [...sel.children, ...sel.fragments.filter((f) => f.on === typename).flatMap((f) => f.children)];
    const gid = typeof value.id === "string" && GID.test(value.id) ? value.id : null;
    if (gid) {
      const answered = fields
        .filter((f) => f.field !== "id" && f.field !== "__typename")
        .filter((f) => {
          const v = value[f.key];
          return v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);
        })
        .map((f) => f.label);
      this.reaches.push({ actor, gid, type: typename, path, answered: [...new Set(answered)] });
    }
    if (typename === "AccessGrant" && root.field === "accessAudit") {
      const storeId = /storeId: ([^,)]+)/.exec(root.label)?.[1];
      const user = value.user;
      if (storeId && isRecord(user) && typeof user.id === "string" && typeof value.permission === "string")
        this.grants.push({ actor, storeId, userId: user.id, permission: value.permission, path });
    }
    for (const f of fields) {
      if (!isComposite(f)) continue;
      // The connection's own hop shows as the field; its `nodes` and `edges` add nothing to the path.
      const next = f.field === "nodes" || f.field === "edges" || f.field === "node" ? path : `${path}.${f.label}`;
      this.visit(actor, value[f.key], f, next, root);
    }
  }
}

/** A selection without the field at an error's path (list indexes left out), looking into fragments too. */
function prune(sels: Sel[], keys: readonly string[]): Sel[] {
  if (!keys.length) return sels;
  const [head, ...rest] = keys;
  const out: Sel[] = [];
  for (const s of sels) {
    if (s.key === head) {
      if (rest.length === 0) continue;
      out.push({
        ...s,
        children: prune(s.children, rest),
        fragments: s.fragments.map((f) => ({ ...f, children: prune(f.children, rest) })),
      });
    } else out.push(s);
  }
  // A key inside a fragment of the level above is matched by the caller through `fragments`.
  return out;
}

// ---- The test ----------------------------------------------------------------------------------

let s: TestServer;
let url = "";
let close: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  s = await startServer(FIXTURE);
  // The same database, with limits that let a generated query through whole when it can: the
  // walk is one client asking a lot. The hard cap on items per answer still applies: what it
  // refuses is split.
  const app = await createServer(s.ds, {
    limits: {
      ...DEFAULT_LIMITS,
      maxDepth: 1000,
      maxAliases: 100_000,
      maxTokens: 10_000_000,
      maxBodyBytes: 64 * 1024 * 1024,
      costBucketSize: 1e12,
      costLeakPerSecond: 1e12,
    },
  });
  url = `http://127.0.0.1:${await app.listen(0, "127.0.0.1")}`;
  close = () => app.close();
}, 60_000);
afterAll(async () => {
  await close();
  await s?.close();
});

async function as(key: string): Promise<TestClient> {
  return new TestClient(url, (await s.as(key)).token);
}

/** The fixture's ids of each Node type (at most IDS_PER_TYPE), and the stores' domains. */
async function worldOf(nodeTypes: Iterable<string>): Promise<World> {
  const ids = new Map<string, string[]>();
  for (const type of nodeTypes) {
    const t = TABLES[type];
    if (!t) throw new Error(`Node type ${type} has no table in TABLES: add it so that the walk tries its ids`);
    const rows = await s.ds.query<{ id: number | string }[]>(
      `SELECT id FROM "${t.table}"${t.where ? ` WHERE ${t.where}` : ""} ORDER BY id LIMIT ${IDS_PER_TYPE}`,
    );
    ids.set(
      type,
      rows.map((r) => `gid://latchkey/${type}/${r.id}`),
    );
  }
  const domains = (await s.ds.query<{ domain: string }[]>(`SELECT domain FROM stores ORDER BY id`)).map(
    (r) => r.domain,
  );
  return { ids, domains };
}

async function rowId(sql: string, params: unknown[]): Promise<number> {
  const pg = s.ds.options.type === "postgres";
  const text = pg ? sql : sql.replace(/\$\d+/g, "?");
  const rows = await s.ds.query<{ id: number | string }[]>(text, params);
  if (!rows.length) throw new Error(`no row: ${sql} ${JSON.stringify(params)}`);
  return Number(rows[0].id);
}

const storeUserOf = (email: string, domain: string) =>
  rowId(
    `SELECT su.id FROM store_users su JOIN users u ON u.id = su."userId" JOIN stores st ON st.id = su."storeId" WHERE u.email = $1 AND st.domain = $2`,
    [email, domain],
  );

test("Security: every object any actor reaches through any field of the schema is one that actor may read by id", async () => {
  const started = Date.now();
  const introspection = await (await as("sam")).raw(getIntrospectionQuery());
  if (!isRecord(introspection.data)) throw new Error(`introspection failed: ${JSON.stringify(introspection.errors)}`);
  const schema = buildClientSchema(introspection.data as unknown as IntrospectionQuery);
  const limits: Record<string, unknown> = { ...limitsModule };
  if (typeof limits.operationCounts === "function")
    serverCounts = { schema, counts: limits.operationCounts as OperationCounts };
  const node = schema.getType("Node") as GraphQLInterfaceType;
  const nodeTypes = schema.getPossibleTypes(node).map((t) => t.name);
  const walk = new Walk(url);

  // Setup by mutations, their payloads walked like any root field: one more request (Kira to
  // Studio), Rita's request rejected, Remy removed, a report of Koi by Acme US's owner.
  let world = await worldOf(nodeTypes);
  const mutation = schema.getMutationType();
  if (!mutation) throw new Error("no Mutation type");
  const payload = (name: string, args: string) => {
    const field = mutation.getFields()[name];
    const sub = new Generator(schema, world).selectionOf(getNamedType(field.type), 3, []);
    return [{ key: "m", field: name, args, label: name, ...sub }];
  };
  const gidOf = (type: string, id: number) => `gid://latchkey/${type}/${id}`;
  const koi = await s.gid("PartnerOrganization", "partner_organizations", { name: "Koi Commerce" });
  const acmeUs = await s.gid("Store", "stores", { domain: "acme-us.example.com" });
  await walk.run(
    "kira",
    await as("kira"),
    "mutation",
    payload(
      "collaboratorRequestCreate",
      `(input: { storeDomain: "studio.example.com", requestCode: "5555", permissions: ["orders"], message: "Walk" })`,
    ),
    "mutation collaboratorRequestCreate",
  );
  const rita = gidOf("Collaborator", await storeUserOf("rita@example.com", "acme-us.example.com"));
  await walk.run(
    "erin",
    await as("erin"),
    "mutation",
    payload("collaboratorRequestReject", `(id: "${rita}")`),
    "mutation collaboratorRequestReject",
  );
  const remy = gidOf("Collaborator", await storeUserOf("remy@example.com", "nordic.example.com"));
  await walk.run(
    "nora",
    await as("nora"),
    "mutation",
    payload("collaboratorRemove", `(id: "${remy}", password: "password-nora")`),
    "mutation collaboratorRemove",
  );
  await walk.run(
    "erin",
    await as("erin"),
    "mutation",
    payload(
      "partnerOrganizationReport",
      `(input: { partnerOrganizationId: "${koi}", storeId: "${acmeUs}", reason: "Walk" })`,
    ),
    "mutation partnerOrganizationReport",
  );
  expect(walk.failures, "the setup mutations").toEqual([]);
  world = await worldOf(nodeTypes);

  // The queries. The by-id root fields (store, storeByDomain, organization, partnerOrganization,
  // node) are asked with every fixture id for agreement with node(), selecting the id alone, and
  // walked in full from what the actor reads (node for the types with no root field of their own).
  // The others are walked in full with every argument set. The depth is the least that selects
  // every object type.
  const query = schema.getQueryType();
  if (!query) throw new Error("no Query type");
  const nodeTypeSet = new Set(nodeTypes);
  const rootFields = Object.values(query.getFields());
  const byIdFields = rootFields.filter((f) => isById(f, nodeTypeSet));
  const walkedFields = rootFields.filter((f) => !isById(f, nodeTypeSet) && f.name !== "nodes");
  const objectTypes = Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith("__"))
    .filter((t) => ![schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(t))
    .filter((t) => !t.name.endsWith("Payload") || t.name === "CollaboratorRequestAcceptPreviewPayload")
    .map((t) => t.name);
  const plan = (depth: number) => {
    const generator = new Generator(schema, world);
    const plans = walkedFields.map((field) => ({
      field: field.name,
      nonNull: isNonNullType(field.type),
      roots: generator.roots(query, field, depth),
    }));
    for (const type of nodeTypes) generator.byIdRoot(byIdFields[0], "", type, depth, "x");
    return { generator, plans, uncovered: objectTypes.filter((t) => !generator.covered.has(t)) };
  };
  const depth = WALK_DEPTH;
  const { generator, plans, uncovered } = plan(depth);
  const byIdRoot = (type: string) =>
    byIdFields.find((f) => f.args[0].name === "id" && getNamedType(f.type).name === type) ??
    byIdFields.find((f) => getNamedType(f.type).name === "Node");
  const pathsOf = (type: string) => {
    const f = byIdRoot(type);
    return f ? countPaths([generator.byIdRoot(f, "", type, depth, "x")]) : 0;
  };
  const paths =
    plans.reduce((n, p) => n + countPaths(p.roots.slice(0, 1)), 0) + nodeTypes.reduce((n, t) => n + pathsOf(t), 0);

  // Every actor asks every root field (a few actors at a time).
  const actors = Object.keys(ACTORS);
  const clients = new Map<string, TestClient>();
  for (const actor of actors) clients.set(actor, await as(actor));
  const readable = new Map<string, Set<string>>();
  const queue = [...actors];
  const send = async (actor: string, client: TestClient, roots: Sel[], field: string) => {
    for (const sels of pack(roots)) await walk.run(actor, client, "query", sels, `query ${field}`);
  };
  // The aliases of a root field that answer the actor at all (one shallow query): a refused root
  // field is refused whole, and a non-null one refused nulls every other alias of its query.
  // (GraphQL reports only the first error of a refused non-null root field: those are asked one by one.)
  const answering = async (client: TestClient, roots: Sel[], nonNull: boolean) => {
    const refused = new Set<string>();
    const size = nonNull ? 1 : 150;
    const chunks: Sel[][] = [];
    for (let i = 0; i < roots.length; i += size)
      chunks.push(roots.slice(i, i + size).map((r) => ({ ...r, children: [leaf("__typename")], fragments: [] })));
    const ask = async (chunk: Sel[]) => {
      walk.queries++;
      const answer = await client.raw(`query { ${printSels(chunk)} }`);
      for (const e of answer.errors ?? []) if (typeof e.path?.[0] === "string") refused.add(e.path[0]);
      if (!isRecord(answer.data) && !(answer.errors ?? []).some((e) => e.path?.length))
        walk.failures.push(`${JSON.stringify(answer.errors).slice(0, 300)}`);
    };
    for (let i = 0; i < chunks.length; i += 8) await Promise.all(chunks.slice(i, i + 8).map(ask));
    return roots.filter((r) => !refused.has(r.key));
  };
  const worker = async () => {
    for (let actor = queue.shift(); actor; actor = queue.shift()) {
      const client = clients.get(actor);
      if (!client) continue;
      // What node(id) gives this actor, for every id of the fixture.
      const ids = [...world.ids.values()].flat();
      const seen = new Set<string>();
      for (let i = 0; i < ids.length; i += 200) {
        const chunk = ids.slice(i, i + 200);
        const answer = await client.raw(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: chunk });
        walk.queries++;
        const list = isRecord(answer.data) && Array.isArray(answer.data.nodes) ? answer.data.nodes : null;
        if (!list) throw new Error(`nodes failed for ${actor}: ${JSON.stringify(answer.errors)}`);
        for (const item of list) if (isRecord(item) && typeof item.id === "string") seen.add(item.id);
      }
      readable.set(actor, seen);
      for (const field of byIdFields) await send(actor, client, generator.shallowRoots(field), field.name);
      const deep = new Map<string, Sel[]>();
      for (const id of seen) {
        const type = GID.exec(id)?.[1] ?? "";
        const field = byIdRoot(type);
        if (!field) continue;
        const list = deep.get(field.name) ?? [];
        list.push(generator.byIdRoot(field, id, type, depth, `r${list.length}`));
        deep.set(field.name, list);
      }
      for (const [field, roots] of deep) await send(actor, client, roots, field);
      for (const p of plans) await send(actor, client, await answering(client, p.roots, p.nonNull), p.field);
    }
  };
  await Promise.all([worker(), worker(), worker()]);

  // Types node() returns to nobody but a user themself: carried by the object they come through.
  const selfOnly = (type: string) =>
    ![...readable.entries()].some(([actor, ids]) =>
      [...ids].some(
        (id) => id.startsWith(`gid://latchkey/${type}/`) && !(type === "User" && id === userIds.get(actor)),
      ),
    );
  const userIds = new Map<string, string>();
  for (const actor of actors)
    userIds.set(actor, gidOf("User", await rowId(`SELECT id FROM users WHERE email = $1`, [`${actor}@example.com`])));
  const carried = new Set(nodeTypes.filter(selfOnly));

  // 1. Whatever comes back is readable by id, or a narrow view, or carried.
  const leaks = new Map<string, string>();
  const narrowViews = new Set<string>();
  for (const r of walk.reaches) {
    if (readable.get(r.actor)?.has(r.gid)) continue;
    if (carried.has(r.type)) continue;
    const beyond = r.answered.filter((f) => !(NARROW[r.type] ?? []).includes(f.split("(")[0]));
    if (NARROW[r.type] && beyond.length === 0) {
      narrowViews.add(`${r.actor} ${r.gid}`);
      continue;
    }
    const line = `${r.actor} (${ACTORS[r.actor] ?? "?"}) reads ${r.type} ${r.gid} at ${r.path}, which node(id) hides from them${beyond.length ? `; answered: ${beyond.join(", ")}` : ""}`;
    const key = `${r.actor} ${r.type} ${r.path.replace(/gid:\/\/latchkey\/\w+\/\d+/g, "<id>")}`;
    if (!leaks.has(key)) leaks.set(key, line);
  }

  // 2. The by-id root fields agree with node().
  const disagreements: string[] = [];
  for (const [actor, fields] of walk.byIdAnswers) {
    const mine = readable.get(actor) ?? new Set<string>();
    for (const [label, answered] of fields) {
      const m = /^(store|organization|partnerOrganization|node)\(id: (gid:[^)]+)\)$/.exec(label);
      if (!m) continue;
      const expected = mine.has(m[2]);
      if (expected !== answered.has(m[2]))
        disagreements.push(
          `${actor}: ${label} ${answered.has(m[2]) ? "answers" : "hides"} it, node(id) ${expected ? "answers" : "hides"} it`,
        );
    }
    for (const [label, answered] of fields) {
      if (!label.startsWith("storeByDomain(")) continue;
      for (const id of answered)
        if (!mine.has(id)) disagreements.push(`${actor}: ${label} answers ${id}, node(id) hides it`);
    }
  }

  // 3. accessAudit's grants are explained by explainAccess as allowed, to the same actor.
  const grants = [
    ...new Map(walk.grants.map((g) => [`${g.actor} ${g.storeId} ${g.userId} ${g.permission}`, g])).values(),
  ];
  const unexplained: string[] = [];
  for (let i = 0; i < grants.length; i += 25) {
    const chunk = grants.slice(i, i + 25);
    const byActor = new Map<string, Grant[]>();
    for (const g of chunk) byActor.set(g.actor, [...(byActor.get(g.actor) ?? []), g]);
    for (const [actor, list] of byActor) {
      const client = clients.get(actor);
      if (!client) continue;
      const text = `query { ${list
        .map(
          (g, j) =>
            `e${j}: explainAccess(storeId: ${JSON.stringify(g.storeId)}, userId: ${JSON.stringify(g.userId)}, permission: ${JSON.stringify(g.permission)}) { allowed }`,
        )
        .join(" ")} }`;
      walk.queries++;
      const answer = await client.raw(text);
      list.forEach((g, j) => {
        const e = isRecord(answer.data) ? answer.data[`e${j}`] : null;
        if (!isRecord(e) || e.allowed !== true)
          unexplained.push(
            `${actor}: ${g.path} lists ${g.userId} holding ${g.permission}; explainAccess says ${isRecord(e) ? "not allowed" : JSON.stringify(answer.errors?.[0]?.extensions?.code ?? null)}`,
          );
      });
    }
  }

  const types = new Set(walk.reaches.map((r) => r.type));
  const objectsChecked = new Set(walk.reaches.map((r) => `${r.actor} ${r.gid}`)).size;
  console.log(
    [
      `schema walk: ${actors.length} actors, ${objectTypes.length - uncovered.length}/${objectTypes.length} object types selected (${types.size} Node types reached: ${[...types].sort().join(", ")}),`,
      `${paths} field paths from ${rootFields.length} root fields (depth ${depth}, first: ${PAGE}) and ${walk.queries} queries,`,
      `${walk.reaches.length} objects reached (${objectsChecked} distinct per actor) checked against node(id), ${narrowViews.size} narrow views, ${grants.length} grants checked by explainAccess,`,
      `${walk.refused.size} refused fields pruned, ${walk.tooBig.length} selections too big even alone; ${((Date.now() - started) / 1000).toFixed(1)} s`,
      generator.skipped.size
        ? `fields left out (an argument the walk cannot fill): ${[...generator.skipped].join(", ")}`
        : "",
    ].join("\n"),
  );
  expect(uncovered, "object types no generated selection reaches").toEqual([]);
  expect(walk.failures, "operations that failed whole").toEqual([]);
  expect(walk.tooBig, "selections the limits refuse even alone").toEqual([]);
  expect(disagreements, "by-id root fields that disagree with node(id)").toEqual([]);
  expect(unexplained, "accessAudit grants explainAccess does not explain").toEqual([]);
  expect([...leaks.values()], "objects reached that node(id) hides from the actor").toEqual([]);
}, 180_000);
