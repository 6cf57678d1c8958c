// The cost of an operation, decided once per document (issue 12, item 3). The walk of cost.ts
// (fragments, directives, interfaces, the prices) runs once per operation and leaves a plan: a tree
// of the priced positions, each with where its multiplier comes from (a page size or an `ids` list,
// literal or a variable, read per request; a list's maximum; 1 for an object). Per request:
// - the requested cost and the item count are the plan evaluated with the variables (no walk);
// - the actual cost is the plan evaluated with the counts the answer holds at its priced positions
//   only (how many objects a Node field returned, how many nodes a connection's page returned):
//   no field collection, no fragments, no schema, and nothing below a scalar or a value type.
// The figures are exactly those of `operationCounts` and `actualOperationCost` (cost.ts), which stay
// as the reference. Plans live in a bounded LRU keyed by the operation's node (Apollo hands the
// same parsed document back for the same query string), so hostile documents cannot grow memory.
// @skip/@include with a variable change what is selected: those variables' values are part of the key.
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLSchema,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionSetNode,
  visit,
} from "graphql";
import {
  actualOperationCost,
  COST,
  CostWalk,
  DEFAULT_LIST_MAX,
  idsLength,
  isConnection,
  isValueType,
  LIST_MAX,
  MAX_VISITS,
  objectsIn,
  pageSize,
  requestedMeter,
  subSelections,
  TooCostly,
  type AnyField,
} from "./cost";
import { fragmentsOf } from "./shared";

/** A plan's selections on a type: its priced fields, or (requested cost, on an interface or union) the costliest of its types. */
type PlanSelection = { fields: PlanField[] } | { types: PlanSelection[] };

type PlanField =
  | {
      kind: "object";
      key: string;
      /** A plain list: its most items (a number), or the field whose `ids` say how many; null: one object. */
      list: number | FieldNode | null;
      /** A Node (or an interface or union): 1 per object. */
      loaded: boolean;
      selection: PlanSelection | null;
    }
  | {
      kind: "connection";
      key: string;
      /** The field whose `first`/`last` give the page size. */
      node: FieldNode;
      /** The keys of its `nodes` and `edges` (what the answer's page size is read from). */
      lists: string[];
      nodes: { key: string; selection: PlanSelection | null }[];
      edges: { key: string; nodes: { key: string; selection: PlanSelection | null }[] }[];
      others: PlanField[];
    };

type PlanRoot =
  | { kind: "none" }
  | { kind: "query"; selection: PlanSelection | null }
  | { kind: "mutation"; fields: { key: string; selection: PlanSelection | null }[] };

/** How one operation (with its @skip/@include variables) is priced. */
export interface OperationPlan {
  /** The requested cost and the most list items, with these variables (both Infinity when it cannot be counted). */
  requested(variables: Record<string, unknown>): { cost: number; items: number };
  /** The actual cost of the answer's data, from the counts at the plan's priced positions. */
  actual(data: Record<string, unknown> | null | undefined, variables: Record<string, unknown>): number;
}

/** Builds the plan's tree with the walk's own field collection (and so its visit count, for TooCostly). */
class Compiler {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly walk: CostWalk<number>,
    private readonly abstractTypes: "costliest" | "answered",
  ) {}

  selection(
    type: GraphQLCompositeType,
    sets: readonly SelectionSetNode[],
    freeFields: readonly string[] = [],
  ): PlanSelection | null {
    if (!sets.length) return null;
    if (!isObjectType(type) && this.abstractTypes === "costliest")
      return {
        types: this.schema.getPossibleTypes(type).map((t) => this.selection(t, sets, freeFields) ?? { fields: [] }),
      };
    const fields: PlanField[] = [];
    for (const [key, { nodes, field, parent }] of this.walk.fieldsOf(type, sets)) {
      if (freeFields.includes(field.name)) continue;
      const planned = this.field(key, parent, field, nodes);
      if (planned) fields.push(planned);
    }
    return { fields };
  }

  private field(key: string, parent: string, field: AnyField, nodes: FieldNode[]): PlanField | null {
    const type = getNamedType(field.type);
    if (!isCompositeType(type) || isValueType(type)) return null;
    const sets = subSelections(nodes);
    if (isConnection(type, field)) return this.connection(key, type, sets, nodes[0]);
    let list: number | FieldNode | null = null;
    if (isListType(getNullableType(field.type))) {
      const max = LIST_MAX[`${parent}.${field.name}`] ?? DEFAULT_LIST_MAX;
      list = max === "ids" ? nodes[0] : max;
    }
    const loaded = !isObjectType(type) || type.getInterfaces().some((i) => i.name === "Node");
    return { kind: "object", key, list, loaded, selection: this.selection(type, sets) };
  }

  private connection(
    key: string,
    type: GraphQLCompositeType,
    sets: readonly SelectionSetNode[],
    node: FieldNode,
  ): PlanField {
    const planned: Extract<PlanField, { kind: "connection" }> = {
      kind: "connection",
      key,
      node,
      lists: [],
      nodes: [],
      edges: [],
      others: [],
    };
    const fields = this.walk.fieldsOf(type, sets);
    for (const [listKey, { field }] of fields) {
      const inner = getNamedType(field.type);
      if ((field.name === "nodes" && isCompositeType(inner)) || (field.name === "edges" && isObjectType(inner)))
        planned.lists.push(listKey);
    }
    for (const [fieldKey, { nodes, field, parent }] of fields) {
      if (field.name === "pageInfo") continue;
      const inner = getNamedType(field.type);
      if (field.name === "nodes" && isCompositeType(inner))
        planned.nodes.push({ key: fieldKey, selection: this.selection(inner, subSelections(nodes)) });
      else if (field.name === "edges" && isObjectType(inner)) {
        const edges: { key: string; selection: PlanSelection | null }[] = [];
        for (const [edgeKey, edge] of this.walk.fieldsOf(inner, subSelections(nodes))) {
          const nodeType = getNamedType(edge.field.type);
          if (edge.field.name !== "node" || !isCompositeType(nodeType)) continue;
          edges.push({ key: edgeKey, selection: this.selection(nodeType, subSelections(edge.nodes)) });
        }
        planned.edges.push({ key: fieldKey, nodes: edges });
      } else {
        const other = this.field(fieldKey, parent, field, nodes);
        if (other) planned.others.push(other);
      }
    }
    return planned;
  }

  root(operation: OperationDefinitionNode): PlanRoot {
    if (operation.operation === OperationTypeNode.MUTATION) {
      const type = this.schema.getMutationType();
      if (!type) return { kind: "none" };
      const fields: { key: string; selection: PlanSelection | null }[] = [];
      for (const [key, { nodes, field }] of this.walk.fieldsOf(type, [operation.selectionSet])) {
        const payload = getNamedType(field.type);
        fields.push({
          key,
          selection: isCompositeType(payload) ? this.selection(payload, subSelections(nodes), ["userErrors"]) : null,
        });
      }
      return { kind: "mutation", fields };
    }
    const type =
      operation.operation === OperationTypeNode.QUERY ? this.schema.getQueryType() : this.schema.getSubscriptionType();
    if (!type) return { kind: "none" };
    return { kind: "query", selection: this.selection(type, [operation.selectionSet]) };
  }
}

// The requested cost: the multiplier is how many times a selection is paged (1 at the root).
function requestedSelection(
  selection: PlanSelection | null,
  multiplier: number,
  variables: Record<string, unknown>,
  counted: { items: number },
): number {
  if (!selection) return 0;
  if ("types" in selection) {
    let most = 0;
    for (const t of selection.types) most = Math.max(most, requestedSelection(t, multiplier, variables, counted));
    return most;
  }
  let cost = 0;
  for (const field of selection.fields) cost += requestedField(field, multiplier, variables, counted);
  return cost;
}

function requestedField(
  field: PlanField,
  multiplier: number,
  variables: Record<string, unknown>,
  counted: { items: number },
): number {
  if (field.kind === "object") {
    let here = multiplier;
    if (field.list !== null) {
      here = multiplier * (typeof field.list === "number" ? field.list : idsLength(field.list, variables));
      counted.items += here;
    }
    return (field.loaded ? here * COST.object : 0) + requestedSelection(field.selection, here, variables, counted);
  }
  const size = pageSize(field.node, variables);
  const items = multiplier * size;
  counted.items += items;
  let cost = multiplier * (COST.connection + size);
  for (const n of field.nodes) cost += requestedSelection(n.selection, items, variables, counted);
  for (const e of field.edges)
    for (const n of e.nodes) cost += requestedSelection(n.selection, items, variables, counted);
  for (const other of field.others) cost += requestedField(other, items, variables, counted);
  return cost;
}

// The actual cost: the values the answer holds at a position, one per parent (nulls and scalars left out).
const childOf = (objects: readonly Record<string, unknown>[], key: string) => objects.map((o) => o[key]);

function actualSelection(selection: PlanSelection | null, values: readonly unknown[]): number {
  if (!selection || "types" in selection) return 0; // the answered plan has no `types`
  const objects = objectsIn(values);
  if (!objects.length) return 0;
  let cost = 0;
  for (const field of selection.fields) cost += actualField(field, childOf(objects, field.key));
  return cost;
}

function actualField(field: PlanField, values: readonly unknown[]): number {
  if (field.kind === "object")
    return (field.loaded ? objectsIn(values).length * COST.object : 0) + actualSelection(field.selection, values);
  const connections = objectsIn(values);
  let cost = 0;
  for (const connection of connections) {
    let returned = 0;
    for (const key of field.lists) {
      const list = connection[key];
      if (Array.isArray(list)) returned = Math.max(returned, list.length);
    }
    cost += COST.connection + returned;
  }
  if (!connections.length) return cost;
  for (const n of field.nodes) cost += actualSelection(n.selection, childOf(connections, n.key));
  for (const e of field.edges) {
    const edges = objectsIn(childOf(connections, e.key));
    for (const n of e.nodes) cost += actualSelection(n.selection, childOf(edges, n.key));
  }
  for (const other of field.others) cost += actualField(other, childOf(connections, other.key));
  return cost;
}

function requestedRoot(root: PlanRoot, variables: Record<string, unknown>) {
  const counted = { items: 0 };
  if (root.kind === "none") return { cost: 1, items: 0 };
  if (root.kind === "query")
    return { cost: Math.max(1, requestedSelection(root.selection, 1, variables, counted)), ...counted };
  let cost = 0;
  for (const f of root.fields) cost += COST.mutation + requestedSelection(f.selection, 1, variables, counted);
  return { cost: Math.max(1, cost), ...counted };
}

function actualRoot(root: PlanRoot, data: Record<string, unknown> | null | undefined): number {
  if (root.kind === "none") return 1;
  const values = [data ?? null];
  if (root.kind === "query") return Math.max(1, actualSelection(root.selection, values));
  const objects = objectsIn(values);
  let cost = 0;
  for (const f of root.fields) cost += COST.mutation + actualSelection(f.selection, childOf(objects, f.key));
  return Math.max(1, cost);
}

/** The variables @skip/@include read in a document: their values decide what is selected. */
function directiveVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(node) {
      if (node.name.value !== "skip" && node.name.value !== "include") return false;
      for (const arg of node.arguments ?? []) if (arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
      return false;
    },
  });
  return [...names];
}

interface DocumentPlans {
  schema: GraphQLSchema;
  document: DocumentNode;
  fragments: Map<string, FragmentDefinitionNode>;
  directiveVariables: string[];
  /** By the values of the directive variables (one entry when there are none). */
  plans: Map<string, OperationPlan>;
}

/** At most this many plans per operation for different @skip/@include values. */
const PLANS_PER_OPERATION = 16;

/** Plans by operation, in a bounded LRU. */
export class CostPlans {
  private readonly entries = new Map<OperationDefinitionNode, DocumentPlans>();
  /** Plans built (a test reads it: the same document is planned once). */
  compiled = 0;

  constructor(readonly maxOperations = 1000) {}

  get size(): number {
    return this.entries.size;
  }

  /** The operation's plan, built on first use. */
  plan(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
  ): OperationPlan {
    let entry = this.entries.get(operation);
    if (entry && (entry.schema !== schema || entry.document !== document)) entry = undefined;
    if (entry) {
      this.entries.delete(operation); // most recently used last
      this.entries.set(operation, entry);
    } else {
      entry = {
        schema,
        document,
        fragments: fragmentsOf(document),
        directiveVariables: directiveVariables(document),
        plans: new Map(),
      };
      this.entries.set(operation, entry);
      while (this.entries.size > this.maxOperations) this.entries.delete(this.entries.keys().next().value!);
    }
    const key = entry.directiveVariables.length
      ? JSON.stringify(entry.directiveVariables.map((name) => variables[name] ?? null))
      : "";
    let plan = entry.plans.get(key);
    if (!plan) {
      plan = this.build(entry, operation, variables);
      if (entry.plans.size >= PLANS_PER_OPERATION) entry.plans.clear();
      entry.plans.set(key, plan);
    }
    return plan;
  }

  private build(entry: DocumentPlans, operation: OperationDefinitionNode, variables: Record<string, unknown>) {
    this.compiled++;
    const { schema, document, fragments } = entry;
    let requested: PlanRoot | null;
    try {
      // The same collection and visit count as the requested walk: TooCostly where it would be.
      const walk = new CostWalk(schema, fragments, variables, requestedMeter(variables));
      requested = new Compiler(schema, walk, "costliest").root(operation);
    } catch (error) {
      if (!(error instanceof TooCostly)) throw error;
      requested = null;
    }
    // The answered plan: built the first time an answer is priced. Past a bound (the answer walk
    // has none, as it is bounded by the data), the answer is walked instead.
    let answered: PlanRoot | null | undefined;
    const answeredPlan = () => {
      if (answered !== undefined) return answered;
      try {
        const walk = new CostWalk(schema, fragments, variables, requestedMeter(variables), MAX_VISITS * 4);
        answered = new Compiler(schema, walk, "answered").root(operation);
      } catch (error) {
        if (!(error instanceof TooCostly)) throw error;
        answered = null;
      }
      return answered;
    };
    return {
      requested: (vars: Record<string, unknown>) =>
        requested ? requestedRoot(requested, vars) : { cost: Infinity, items: Infinity },
      actual(data: Record<string, unknown> | null | undefined, vars: Record<string, unknown>) {
        const root = answeredPlan();
        return root ? actualRoot(root, data) : actualOperationCost(schema, document, operation, vars, data);
      },
    } satisfies OperationPlan;
  }
}
