// The calculated cost of an operation, like Shopify's, computed by one walk over the operation
// with two meters: before anything runs, from the page sizes asked for (the requested cost), and
// after, from what the answer held (the actual cost).
//
// Requested cost, from the operation and its variables:
// - a scalar or enum field costs 0; an object field (or a list of objects) costs 1;
// - a connection field costs 2 + its page size (`first` or `last`, 50 when neither is given, at
//   most 250); its `edges`, `node`, `nodes`, `cursor` and `pageInfo` are included in that;
// - a connection inside a connection's nodes is paged once per parent node, so it costs its own
//   price times the parent's page size (and so on down). Objects inside nodes count once: they are
//   loaded in one batch per level;
// - a mutation field costs 10, which covers its payload and `userErrors`; what it selects beyond
//   that costs as in a query;
// - on an interface or union, the costliest of the types it may turn out to be;
// - introspection fields (`__schema`, `__type`, `__typename`) are free; every operation costs at least 1.
// Example: `store(id: $id) { collaborators(first: 20) { nodes { user { name } } } }` costs
// 1 (store) + 2 + 20 (collaborators) + 1 (user) = 24.
//
// Actual cost, the same prices applied to the answer: a connection costs 2 + the nodes it returned
// (per parent), an object selection 1 when it returned an object (once per selection, as it is
// loaded in one batch), a mutation field 10; on an interface or union, the fields the answer holds
// from any of its types.
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
  isObjectType,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionSetNode,
} from "graphql";
import { MAX_PAGE } from "../connection";
import { fragmentsOf, isIntrospection } from "./shared";

export const COST = { object: 1, connection: 2, mutation: 10, defaultPageSize: 50 } as const;

/** More field visits than this (fragments spread over and over) is refused as too costly to even count. */
const MAX_VISITS = 50_000;

class TooCostly extends Error {}

type AnyField = GraphQLField<unknown, unknown>;

/**
 * What the walk knows about the values a selection stands for, and how it prices them. `At` is,
 * for the requested cost, how many times the selection is paged (a number); for the actual cost,
 * the values the answer held there (a list).
 */
interface Meter<At> {
  /** On an interface or union: price the costliest of its types, or the fields answered from any of them. */
  readonly abstractTypes: "costliest" | "answered";
  /** Nothing to price below (no value in the answer). */
  isEmpty(at: At): boolean;
  /** What the field `key` holds at `at`. */
  child(at: At, key: string): At;
  /** Whether an object field holding `at` is paid for (once per selection). */
  paysObject(at: At): boolean;
  /** The price of the connections at `at` (`lists`: the keys of their `nodes` and `edges`) and what their items are. */
  connection(at: At, node: FieldNode, lists: readonly string[]): { cost: number; items: At };
}

/** The requested cost: `At` is how many times the selection is paged (1 at the root). */
function requestedMeter(variables: Record<string, unknown>): Meter<number> {
  return {
    abstractTypes: "costliest",
    isEmpty: () => false,
    child: (multiplier) => multiplier,
    paysObject: () => true,
    connection(multiplier, node) {
      const size = pageSize(node, variables);
      return { cost: multiplier * (COST.connection + size), items: multiplier * size };
    },
  };
}

/** The values of a list (lists flattened), leaving out nulls and scalars. */
function objectsIn(values: readonly unknown[]): Record<string, unknown>[] {
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
  paysObject: (values) => values.some((v) => v != null && (!Array.isArray(v) || v.some((item) => item != null))),
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
function pageSize(node: FieldNode, variables: Record<string, unknown>): number {
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

const subSelections = (nodes: FieldNode[]) =>
  nodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => !!s);

function isConnection(type: GraphQLNamedType, field: AnyField): type is GraphQLObjectType {
  return (
    isObjectType(type) &&
    type.name.endsWith("Connection") &&
    field.args.some((a) => a.name === "first" || a.name === "last")
  );
}

/** One walk over an operation's selections, priced by a meter. */
class CostWalk<At> {
  private visits = 0;
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
    const fields = new Map<string, { nodes: FieldNode[]; field: AnyField }>();
    for (const t of isObjectType(type) ? [type] : this.schema.getPossibleTypes(type)) {
      for (const [key, nodes] of this.collect(t, sets)) {
        const field = t.getFields()[nodes[0].name.value];
        if (field && !fields.has(key) && !isIntrospection(field.name)) fields.set(key, { nodes, field });
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
    for (const [key, { nodes, field }] of this.fieldsOf(type, sets)) {
      if (!freeFields.includes(field.name)) cost += this.field(field, nodes, this.meter.child(at, key));
    }
    return cost;
  }

  private field(field: AnyField, nodes: FieldNode[], at: At): number {
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) return 0;
    const sets = subSelections(nodes);
    if (isConnection(type, field)) return this.connection(type, sets, nodes[0], at);
    return (this.meter.paysObject(at) ? COST.object : 0) + this.selections(type, sets, at);
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
    let cost = price;
    for (const [key, { nodes, field }] of fields) {
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
      } else cost += this.field(field, nodes, values);
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

/** The requested cost of an operation with its variables (Infinity when it cannot even be counted). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const walk = new CostWalk(schema, fragmentsOf(document), variables, requestedMeter(variables));
  try {
    return walk.operation(operation, 1);
  } catch (error) {
    if (error instanceof TooCostly) return Infinity;
    throw error;
  }
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
