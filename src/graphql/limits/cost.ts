// The calculated cost of an operation, like Shopify's, computed by one walk over the operation
// with two meters: before anything runs, from the page sizes asked for (the requested cost), and
// after, from what the answer held (the actual cost).
//
// Requested cost, from the operation and its variables. Every list costs per item it may return,
// as Shopify counts:
// - a scalar or enum field costs 0, and so does a value (an object that is no Node and holds only
//   scalars, enums and values: `Permission`, `StoreAccess`, `PageInfo`, `UserError`): it is part of
//   its parent, computed with it;
// - an object field costs 1 each time it may be answered when it is a Node (an object loaded by
//   id: a store, a user, a role); an object that is no Node (a grant, a path, a finding) is
//   computed with its parent and costs only what it selects;
// - a connection field costs 2 + its page size (`first` or `last`, 50 when neither is given, at
//   most 250), the page's nodes; its `edges`, `node`, `nodes`, `cursor` and `pageInfo` are included
//   in that; what a node selects costs once per node: a connection costs its page size times its
//   node's cost;
// - a plain list of objects costs its maximum length (LIST_MAX) times its item's cost (1 + what
//   the item selects); `nodes(ids:)` as many items as ids;
// - a mutation field costs 10, which covers its payload and `userErrors`; what it selects beyond
//   that costs as in a query;
// - on an interface or union, the costliest of the types it may turn out to be;
// - introspection fields (`__schema`, `__type`, `__typename`) are free; every operation costs at least 1.
// Example: `store(id: $id) { collaborators(first: 20) { nodes { user { name } } } }` costs
// 1 (store) + 2 + 20 (collaborators) + 20 x 1 (a user per collaborator) = 43.
//
// One answer also holds at most MAX_ANSWER_ITEMS list items (the page sizes and list maxima of the
// document, multiplied down as for the cost): more is refused before anything runs
// (MAX_ITEMS_EXCEEDED), whatever the cost bucket holds.
//
// Actual cost, the same prices applied to the answer: a connection costs 2 + the nodes it returned
// (per parent), an object 1 per object returned, a mutation field 10; on an interface or union,
// the fields the answer holds from any of its types.
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  FragmentSpreadNode,
  getDirectiveValues,
  getNamedType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLIncludeDirective,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLSkipDirective,
  InlineFragmentNode,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  getNullableType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionSetNode,
} from "graphql";
import { MAX_PAGE } from "../connection";
import { fragmentsOf, isIntrospection } from "./shared";

export const COST = { object: 1, connection: 2, mutation: 10, defaultPageSize: 50 } as const;

/** The most list items one answer may hold, counted from the document before it runs (MAX_ITEMS_EXCEEDED). */
export const MAX_ANSWER_ITEMS = 2500;

/** A plain list not in LIST_MAX is priced at this length: a page's most. */
export const DEFAULT_LIST_MAX = MAX_PAGE;

/**
 * The most items each plain list of objects holds (`Type.field`), which its description states.
 * Lists that grow with the data are connections; those left here are bounded by something else
 * (the roles one account holds in one store, the paths to one permission, an input's length).
 * "ids": as many items as the field's `ids` argument (at most 250, the input bounds).
 */
export const LIST_MAX: Readonly<Record<string, number | "ids">> = {
  "Query.nodes": "ids",
  // The roles one account holds in one store, and what accepting would assign.
  "Collaborator.roles": 10,
  "StoreUser.roles": 10,
  "CollaboratorRequestAcceptPreviewPayload.roles": 10,
  // The paths to one permission: ownership, the organization, the account's roles, the partner side.
  "AccessGrant.via": 10,
  "UserStoreAccess.via": 10,
  "AccessExplanation.via": 10,
};

/** More field visits than this (fragments spread over and over) is refused as too costly to even count. */
export const MAX_VISITS = 50_000;

export class TooCostly extends Error {}

export type AnyField = GraphQLField<unknown, unknown>;

/**
 * What the walk knows about the values a selection stands for, and how it prices them. `At` is,
 * for the requested cost, how many times the selection is paged (a number); for the actual cost,
 * the values the answer held there (a list).
 */
export interface Meter<At> {
  /** On an interface or union: price the costliest of its types, or the fields answered from any of them. */
  readonly abstractTypes: "costliest" | "answered";
  /** Nothing to price below (no value in the answer). */
  isEmpty(at: At): boolean;
  /** What the field `key` holds at `at`. */
  child(at: At, key: string): At;
  /** How many objects `at` stands for: each costs 1. */
  objects(at: At): number;
  /** What a plain list of at most `max` items holds at `at`. */
  list(at: At, max: number): At;
  /** The price of the connections at `at` (`lists`: the keys of their `nodes` and `edges`) and what their items are. */
  connection(at: At, node: FieldNode, lists: readonly string[]): { cost: number; items: At };
}

/** The requested cost: `At` is how many times the selection is paged (1 at the root). */
export function requestedMeter(variables: Record<string, unknown>): Meter<number> {
  return {
    abstractTypes: "costliest",
    isEmpty: () => false,
    child: (multiplier) => multiplier,
    objects: (multiplier) => multiplier,
    list: (multiplier, max) => multiplier * max,
    connection(multiplier, node) {
      const size = pageSize(node, variables);
      return { cost: multiplier * (COST.connection + size), items: multiplier * size };
    },
  };
}

/** The values of a list (lists flattened), leaving out nulls and scalars. */
export function objectsIn(values: readonly unknown[]): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  const add = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(add);
    else if (value != null && typeof value === "object") objects.push(value as Record<string, unknown>);
  };
  values.forEach(add);
  return objects;
}

/** The actual cost: `At` is the values the answer held at the selection, one per parent. */
const answeredMeter: Meter<readonly unknown[]> = {
  abstractTypes: "answered",
  isEmpty: (values) => objectsIn(values).length === 0,
  child: (values, key) => objectsIn(values).map((value) => value[key]),
  objects: (values) => objectsIn(values).length,
  list: (values) => values,
  connection(values, _node, lists) {
    const connections = objectsIn(values);
    let cost = 0;
    for (const connection of connections) {
      const returned = lists.map((key) => {
        const list = connection[key];
        return Array.isArray(list) ? list.length : 0;
      });
      cost += COST.connection + Math.max(0, ...returned);
    }
    return { cost, items: connections };
  },
};

/** `first` or `last` from a literal or a variable; 50 when neither is given; clamped to 0..250. */
export function pageSize(node: FieldNode, variables: Record<string, unknown>): number {
  const sizes: number[] = [];
  for (const arg of node.arguments ?? []) {
    if (arg.name.value !== "first" && arg.name.value !== "last") continue;
    let value: unknown = null;
    if (arg.value.kind === Kind.INT) value = Number(arg.value.value);
    else if (arg.value.kind === Kind.VARIABLE) value = variables[arg.value.name.value];
    if (typeof value === "number" && Number.isFinite(value)) sizes.push(value);
  }
  const size = sizes.length ? Math.max(...sizes) : COST.defaultPageSize;
  return Math.min(MAX_PAGE, Math.max(0, Math.trunc(size)));
}

export const subSelections = (nodes: FieldNode[]) =>
  nodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => !!s);

export function isConnection(type: GraphQLNamedType, field: AnyField): type is GraphQLObjectType {
  return (
    isObjectType(type) &&
    type.name.endsWith("Connection") &&
    field.args.some((a) => a.name === "first" || a.name === "last")
  );
}

/** `ids` given literally or as a variable: how many; 250 (the input bounds) when it cannot be told. */
export function idsLength(node: FieldNode, variables: Record<string, unknown>): number {
  const arg = node.arguments?.find((a) => a.name.value === "ids");
  if (arg?.value.kind === Kind.LIST) return arg.value.values.length;
  if (arg?.value.kind === Kind.VARIABLE) {
    const value = variables[arg.value.name.value];
    if (Array.isArray(value)) return value.length;
  }
  return DEFAULT_LIST_MAX;
}

const valueTypes = new WeakMap<GraphQLObjectType, boolean>();
/** A value: no Node, and only scalars, enums and values below it; computed with its parent, so free. */
export function isValueType(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const known = valueTypes.get(type);
  if (known !== undefined) return known;
  valueTypes.set(type, false); // a cycle is no value
  const value =
    !type.getInterfaces().some((i) => i.name === "Node") &&
    Object.values(type.getFields()).every((f) => {
      const inner = getNamedType(f.type);
      return isLeafType(inner) || isValueType(inner);
    });
  valueTypes.set(type, value);
  return value;
}

/** The most items a plain list field holds (LIST_MAX), for this selection of it. */
export function listMax(parent: string, field: string, node: FieldNode, variables: Record<string, unknown>): number {
  const max = LIST_MAX[`${parent}.${field}`] ?? DEFAULT_LIST_MAX;
  return max === "ids" ? idsLength(node, variables) : max;
}

/** One walk over an operation's selections, priced by a meter. */
export class CostWalk<At> {
  private visits = 0;
  /** The list items the walk met (connections' nodes and plain lists' items, multiplied down). */
  items = 0;
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly meter: Meter<At>,
    private readonly maxVisits = MAX_VISITS,
  ) {}

  private included(node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    if (!node.directives?.length) return true;
    try {
      if (getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if === true) return false;
      if (getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if === false) return false;
    } catch {
      // A bad variable fails execution anyway; count the selection.
    }
    return true;
  }

  private applies(typeCondition: string | undefined, type: GraphQLObjectType): boolean {
    if (!typeCondition || typeCondition === type.name) return true;
    const condition = this.schema.getType(typeCondition);
    return !!condition && isAbstractType(condition) && this.schema.isSubType(condition, type);
  }

  /** The fields selected on a concrete type, merged by response key, as execution merges them. */
  private collect(type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const seen = new Set<string>();
    const walk = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (++this.visits > this.maxVisits) throw new TooCostly();
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const list = fields.get(key);
          if (list) list.push(selection);
          else fields.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (this.applies(selection.typeCondition?.name.value, type)) walk(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = this.fragments.get(name);
          if (seen.has(name) || !fragment) continue;
          seen.add(name);
          if (this.applies(fragment.typeCondition.name.value, type)) walk(fragment.selectionSet);
        }
      }
    };
    for (const set of sets) walk(set);
    return fields;
  }

  /**
   * The selected fields of the schema (not introspection) by response key; on an interface or
   * union, those of any of its types (the first type selecting a key wins).
   */
  fieldsOf(type: GraphQLCompositeType, sets: readonly SelectionSetNode[]) {
    const fields = new Map<string, { nodes: FieldNode[]; field: AnyField; parent: string }>();
    for (const t of isObjectType(type) ? [type] : this.schema.getPossibleTypes(type)) {
      for (const [key, nodes] of this.collect(t, sets)) {
        const field = t.getFields()[nodes[0].name.value];
        if (field && !fields.has(key) && !isIntrospection(field.name))
          fields.set(key, { nodes, field, parent: t.name });
      }
    }
    return fields;
  }

  /** The cost of selections on a type; the fields named in `freeFields` cost nothing (nor what they select). */
  selections(
    type: GraphQLCompositeType,
    sets: readonly SelectionSetNode[],
    at: At,
    freeFields: readonly string[] = [],
  ) {
    if (!sets.length || this.meter.isEmpty(at)) return 0;
    if (!isObjectType(type) && this.meter.abstractTypes === "costliest") {
      return Math.max(
        0,
        ...this.schema.getPossibleTypes(type).map((t): number => this.selections(t, sets, at, freeFields)),
      );
    }
    let cost = 0;
    for (const [key, { nodes, field, parent }] of this.fieldsOf(type, sets)) {
      if (!freeFields.includes(field.name)) cost += this.field(parent, field, nodes, this.meter.child(at, key));
    }
    return cost;
  }

  private field(parent: string, field: AnyField, nodes: FieldNode[], at: At): number {
    const type = getNamedType(field.type);
    if (!isCompositeType(type) || isValueType(type)) return 0;
    const sets = subSelections(nodes);
    if (isConnection(type, field)) return this.connection(type, sets, nodes[0], at);
    let here = at;
    if (isListType(getNullableType(field.type))) {
      here = this.meter.list(at, listMax(parent, field.name, nodes[0], this.variables));
      this.items += this.meter.objects(here);
    }
    const loaded = !isObjectType(type) || type.getInterfaces().some((i) => i.name === "Node");
    return (loaded ? this.meter.objects(here) * COST.object : 0) + this.selections(type, sets, here);
  }

  /** A connection: its price, then what its nodes select (the wrappers are paid for by the connection). */
  private connection(type: GraphQLObjectType, sets: readonly SelectionSetNode[], node: FieldNode, at: At): number {
    const fields = this.fieldsOf(type, sets);
    const lists: string[] = [];
    for (const [key, { field }] of fields) {
      const inner = getNamedType(field.type);
      if ((field.name === "nodes" && isCompositeType(inner)) || (field.name === "edges" && isObjectType(inner)))
        lists.push(key);
    }
    const { cost: price, items } = this.meter.connection(at, node, lists);
    this.items += this.meter.objects(items); // requested: the page's nodes (the actual walk does not count)
    let cost = price;
    for (const [key, { nodes, field, parent }] of fields) {
      if (field.name === "pageInfo") continue;
      const inner = getNamedType(field.type);
      const values = this.meter.child(items, key);
      if (field.name === "nodes" && isCompositeType(inner))
        cost += this.selections(inner, subSelections(nodes), values);
      else if (field.name === "edges" && isObjectType(inner)) {
        for (const [edgeKey, edge] of this.fieldsOf(inner, subSelections(nodes))) {
          const nodeType = getNamedType(edge.field.type);
          if (edge.field.name !== "node" || !isCompositeType(nodeType)) continue;
          cost += this.selections(nodeType, subSelections(edge.nodes), this.meter.child(values, edgeKey));
        }
      } else cost += this.field(parent, field, nodes, values);
    }
    return cost;
  }

  /** The cost of an operation: each mutation field 10 (its payload and userErrors included) plus the rest of its selection. */
  operation(operation: OperationDefinitionNode, root: At): number {
    if (operation.operation === OperationTypeNode.MUTATION) {
      const type = this.schema.getMutationType();
      if (!type) return 1;
      let cost = 0;
      for (const [key, { nodes, field }] of this.fieldsOf(type, [operation.selectionSet])) {
        const payload = getNamedType(field.type);
        // A mutation field was called whatever it answered: 10.
        cost +=
          COST.mutation +
          (isCompositeType(payload)
            ? this.selections(payload, subSelections(nodes), this.meter.child(root, key), ["userErrors"])
            : 0);
      }
      return Math.max(1, cost);
    }
    const type =
      operation.operation === OperationTypeNode.QUERY ? this.schema.getQueryType() : this.schema.getSubscriptionType();
    if (!type) return 1;
    return Math.max(1, this.selections(type, [operation.selectionSet], root));
  }
}

/**
 * The requested cost of an operation with its variables, and the most list items its answer may
 * hold (both Infinity when it cannot even be counted).
 */
export function operationCounts(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): { cost: number; items: number } {
  const walk = new CostWalk(schema, fragmentsOf(document), variables, requestedMeter(variables));
  try {
    const cost = walk.operation(operation, 1);
    return { cost, items: walk.items };
  } catch (error) {
    if (error instanceof TooCostly) return { cost: Infinity, items: Infinity };
    throw error;
  }
}

/** The requested cost of an operation with its variables (Infinity when it cannot even be counted). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  return operationCounts(schema, document, operation, variables).cost;
}

/**
 * The actual cost of an executed operation, from the data it answered. The bucket is charged this,
 * never more than the requested cost (like Shopify's actualQueryCost): asking for a page of 250
 * needs 250 available, and a page of 3 costs 3.
 */
export function actualOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  data: Record<string, unknown> | null | undefined,
): number {
  const walk = new CostWalk(schema, fragmentsOf(document), variables, answeredMeter, Infinity);
  return walk.operation(operation, [data ?? null]);
}
