// What one request may ask (hardening, item 1): depth, aliases and a calculated cost like Shopify's,
// paid from a per-user leaky bucket. Tokens and body size are bounded in server.ts.
//
// Cost, computed from the operation and its variables before anything runs:
// - a scalar or enum field costs 0; an object field (or a list of objects) costs 1;
// - a connection field costs 2 + its page size (`first` or `last`, 50 when neither is given, at
//   most 250); its `edges`, `node`, `nodes`, `cursor` and `pageInfo` are included in that;
// - a connection inside a connection's nodes is paged once per parent node, so it costs its own
//   price times the parent's page size (and so on down). Objects inside nodes count once: they are
//   loaded in one batch per level;
// - a mutation field costs 10, which covers its payload and `userErrors`; what it selects beyond
//   that costs as in a query;
// - introspection fields (`__schema`, `__type`, `__typename`) are free; every operation costs at least 1.
// Example: `store(id: $id) { collaborators(first: 20) { nodes { user { name } } } }` costs
// 1 (store) + 2 + 20 (collaborators) + 1 (user) = 24.
//
// The bucket (per user, or per client address when anonymous) holds costBucketSize and regains
// costLeakPerSecond a second. An operation costing more than the bucket's size is refused
// (MAX_COST_EXCEEDED); one costing more than is available now is THROTTLED with a retry hint, and
// nothing runs. Like Shopify, the requested cost must be available, but once the operation has run
// the bucket keeps only its actual cost (the same prices applied to what the answer held: a page
// that returned 3 nodes costs 2 + 3), so small answers to big pages do not starve a client.
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from "@apollo/server";
import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  FragmentSpreadNode,
  getDirectiveValues,
  getNamedType,
  GraphQLCompositeType,
  GraphQLError,
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
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from "graphql";
import { clock } from "../clock";
import type { RequestLimits } from "../config";
import type { RequestContext } from "../context";
import { MAX_PAGE } from "./connection";

/** Error codes of this module (extensions.code). */
export const LIMIT_CODES = ["MAX_DEPTH_EXCEEDED", "MAX_ALIASES_EXCEEDED", "MAX_COST_EXCEEDED", "THROTTLED"] as const;

export const COST = { object: 1, connection: 2, mutation: 10, defaultPageSize: 50 } as const;

const limitError = (
  code: (typeof LIMIT_CODES)[number],
  message: string,
  extensions: Record<string, unknown> = {},
  http: { status: number; headers?: HeaderMap } = { status: 400 },
) => new GraphQLError(message, { extensions: { code, ...extensions, http } });

const isIntrospection = (name: string) => name.startsWith("__");

// ---- depth and aliases (validation rules) ------------------------------------------------------

/** The depth of a selection set: one per field level, the root fields being 1; introspection is not counted. */
function selectionDepth(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
  visiting: Set<string>,
): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (isIntrospection(selection.name.value)) continue;
      depth = 1 + selectionDepth(selection.selectionSet, fragments, memo, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragments, memo, visiting);
    } else {
      const name = selection.name.value;
      if (memo.has(name)) depth = memo.get(name)!;
      else if (!visiting.has(name) && fragments.has(name)) {
        visiting.add(name); // a cycle is another rule's error; it must not hang this one
        depth = selectionDepth(fragments.get(name)!.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, depth);
      }
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return selectionDepth(operation.selectionSet, fragments, new Map(), new Set());
}

/** Refuses an operation nested deeper than `max` fields. */
export function depthLimitRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = operationDepth(context.getDocument(), operation);
      if (depth > max) {
        const name = operation.name ? ` ${operation.name.value}` : "";
        context.reportError(
          new GraphQLError(`The operation${name} is ${depth} levels deep; at most ${max} are allowed.`, {
            nodes: [operation],
            extensions: { code: "MAX_DEPTH_EXCEEDED" },
          }),
        );
      }
    },
  });
}

/** Refuses a document with more than `max` aliases, every alias in it counted (R3: each guess is an alias). */
export function aliasLimitRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(field) {
        if (field.alias) count++;
      },
      Document: {
        leave(document) {
          if (count > max) {
            context.reportError(
              new GraphQLError(`The request has ${count} aliases; at most ${max} are allowed.`, {
                nodes: [document],
                extensions: { code: "MAX_ALIASES_EXCEEDED" },
              }),
            );
          }
        },
      },
    };
  };
}

// ---- cost ---------------------------------------------------------------------------------------

/** More field visits than this (fragments spread over and over) is refused as too costly to even count. */
const MAX_VISITS = 50_000;

class CostWalk {
  private visits = 0;
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
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
  collect(type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
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

  /** The cost of selections on a type; `multiplier` is how many times each connection below is paged. */
  selections(
    type: GraphQLCompositeType,
    sets: readonly SelectionSetNode[],
    multiplier: number,
    freeFields: readonly string[] = [],
  ): number {
    if (!sets.length) return 0;
    if (!isObjectType(type)) {
      // An interface or union: the most expensive of the types it may turn out to be.
      return Math.max(
        0,
        ...this.schema.getPossibleTypes(type).map((t) => this.selections(t, sets, multiplier, freeFields)),
      );
    }
    let cost = 0;
    for (const [, nodes] of this.collect(type, sets)) {
      const name = nodes[0].name.value;
      if (isIntrospection(name) || freeFields.includes(name)) continue;
      const field = type.getFields()[name];
      if (field) cost += this.field(field, nodes, multiplier);
    }
    return cost;
  }

  private field(field: GraphQLField<unknown, unknown>, nodes: FieldNode[], multiplier: number): number {
    const type = getNamedType(field.type);
    if (isLeafType(type) || !isCompositeType(type)) return 0;
    const sets = subSelections(nodes);
    if (isConnection(type, field)) {
      const size = this.pageSize(nodes[0]);
      return (
        multiplier * (COST.connection + size) + this.connection(type as GraphQLObjectType, sets, multiplier * size)
      );
    }
    return COST.object + this.selections(type, sets, multiplier);
  }

  /** Inside a connection: the wrappers are paid for by the connection; what each node selects is paged `multiplier` times. */
  private connection(type: GraphQLObjectType, sets: readonly SelectionSetNode[], multiplier: number): number {
    let cost = 0;
    for (const [, nodes] of this.collect(type, sets)) {
      const name = nodes[0].name.value;
      const field = type.getFields()[name];
      if (!field || isIntrospection(name) || name === "pageInfo") continue;
      const inner = getNamedType(field.type);
      if (name === "nodes" && isCompositeType(inner)) cost += this.selections(inner, subSelections(nodes), multiplier);
      else if (name === "edges" && isObjectType(inner)) {
        for (const [, edgeNodes] of this.collect(inner, subSelections(nodes))) {
          const edgeField = inner.getFields()[edgeNodes[0].name.value];
          const nodeType = edgeField && getNamedType(edgeField.type);
          if (edgeNodes[0].name.value === "node" && nodeType && isCompositeType(nodeType))
            cost += this.selections(nodeType, subSelections(edgeNodes), multiplier);
        }
      } else cost += this.field(field, nodes, multiplier);
    }
    return cost;
  }

  /** `first` or `last` from a literal or a variable; 50 when neither is given; clamped to 0..250. */
  private pageSize(node: FieldNode): number {
    const sizes: number[] = [];
    for (const arg of node.arguments ?? []) {
      if (arg.name.value !== "first" && arg.name.value !== "last") continue;
      let value: unknown = null;
      if (arg.value.kind === Kind.INT) value = Number(arg.value.value);
      else if (arg.value.kind === Kind.VARIABLE) value = this.variables[arg.value.name.value];
      if (typeof value === "number" && Number.isFinite(value)) sizes.push(value);
    }
    const size = sizes.length ? Math.max(...sizes) : COST.defaultPageSize;
    return Math.min(MAX_PAGE, Math.max(0, Math.trunc(size)));
  }
}

class TooCostly extends Error {}

const subSelections = (nodes: FieldNode[]) =>
  nodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => !!s);

function isConnection(type: GraphQLNamedType, field: GraphQLField<unknown, unknown>): boolean {
  return (
    isObjectType(type) &&
    type.name.endsWith("Connection") &&
    field.args.some((a) => a.name === "first" || a.name === "last")
  );
}

/**
 * What an answer actually held, priced like the request: a connection costs 2 + the nodes it
 * returned (per parent), an object selection 1 when it returned an object (once per selection,
 * as it is loaded in one batch), a mutation field 10. The bucket is charged this, never more than
 * the requested cost (like Shopify's actualQueryCost): asking for a page of 250 needs 250 available,
 * and a page of 3 costs 3.
 */
class ActualCost {
  private readonly paid = new Set<string>();
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly walk: CostWalk,
  ) {}

  /** The selected fields on a type (on an interface or union, on any of its types), by response key. */
  private fieldsOf(type: GraphQLCompositeType, sets: readonly SelectionSetNode[]) {
    const fields = new Map<string, { nodes: FieldNode[]; field: GraphQLField<unknown, unknown> }>();
    for (const t of isObjectType(type) ? [type] : this.schema.getPossibleTypes(type)) {
      for (const [key, nodes] of this.walk.collect(t, sets)) {
        const field = t.getFields()[nodes[0].name.value];
        if (field && !fields.has(key) && !isIntrospection(field.name)) fields.set(key, { nodes, field });
      }
    }
    return fields;
  }

  selections(
    type: GraphQLCompositeType,
    sets: readonly SelectionSetNode[],
    value: unknown,
    path: string,
    freeFields: readonly string[] = [],
  ): number {
    if (value == null || typeof value !== "object" || !sets.length) return 0;
    if (Array.isArray(value))
      return value.reduce((sum: number, item) => sum + this.selections(type, sets, item, path, freeFields), 0);
    let cost = 0;
    for (const [key, { nodes, field }] of this.fieldsOf(type, sets)) {
      if (!freeFields.includes(field.name))
        cost += this.field(field, nodes, (value as Record<string, unknown>)[key], `${path}.${key}`);
    }
    return cost;
  }

  private field(field: GraphQLField<unknown, unknown>, nodes: FieldNode[], value: unknown, path: string): number {
    const type = getNamedType(field.type);
    if (value == null || !isCompositeType(type)) return 0;
    const sets = subSelections(nodes);
    if (isConnection(type, field)) return this.connection(type as GraphQLObjectType, sets, value, path);
    let cost = 0;
    if (!this.paid.has(path) && (!Array.isArray(value) || value.some((v) => v != null))) {
      this.paid.add(path);
      cost += COST.object;
    }
    return cost + this.selections(type, sets, value, path);
  }

  private connection(type: GraphQLObjectType, sets: readonly SelectionSetNode[], value: unknown, path: string): number {
    if (value == null || typeof value !== "object") return 0;
    if (Array.isArray(value))
      return value.reduce((sum: number, item) => sum + this.connection(type, sets, item, path), 0);
    let returned = 0;
    let cost = COST.connection;
    for (const [key, { nodes, field }] of this.fieldsOf(type, sets)) {
      const v = (value as Record<string, unknown>)[key];
      const inner = getNamedType(field.type);
      if (field.name === "pageInfo" || v == null) continue;
      if (field.name === "nodes" && Array.isArray(v) && isCompositeType(inner)) {
        returned = Math.max(returned, v.length);
        cost += this.selections(inner, subSelections(nodes), v, `${path}.${key}`);
      } else if (field.name === "edges" && Array.isArray(v) && isObjectType(inner)) {
        returned = Math.max(returned, v.length);
        for (const [edgeKey, edge] of this.fieldsOf(inner, subSelections(nodes))) {
          const nodeType = getNamedType(edge.field.type);
          if (edge.field.name !== "node" || !isCompositeType(nodeType)) continue;
          const items = v.map((e) => (e as Record<string, unknown> | null)?.[edgeKey]);
          cost += this.selections(nodeType, subSelections(edge.nodes), items, `${path}.${key}.${edgeKey}`);
        }
      } else cost += this.field(field, nodes, v, `${path}.${key}`);
    }
    return cost + returned;
  }
}

/** The actual cost of an executed operation, from the data it answered. */
export function actualOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  data: Record<string, unknown> | null | undefined,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const walk = new CostWalk(schema, fragments, variables ?? {}, Infinity);
  const actual = new ActualCost(schema, walk);
  if (operation.operation === "mutation") {
    const root = schema.getMutationType();
    if (!root) return 1;
    let cost = 0;
    for (const [key, nodes] of walk.collect(root, [operation.selectionSet])) {
      const field = root.getFields()[nodes[0].name.value];
      if (!field || isIntrospection(field.name)) continue;
      const payload = getNamedType(field.type);
      // A mutation field was called whatever it answered: 10.
      cost +=
        COST.mutation +
        (isCompositeType(payload)
          ? actual.selections(payload, subSelections(nodes), data?.[key], key, ["userErrors"])
          : 0);
    }
    return Math.max(1, cost);
  }
  const root = operation.operation === "query" ? schema.getQueryType() : schema.getSubscriptionType();
  if (!root) return 1;
  return Math.max(1, actual.selections(root, [operation.selectionSet], data ?? null, ""));
}

/** The requested cost of an operation with its variables (Infinity when it cannot even be counted). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const walk = new CostWalk(schema, fragments, variables ?? {});
  try {
    if (operation.operation === "mutation") {
      const root = schema.getMutationType();
      if (!root) return 1;
      // Each mutation field: 10 for the call, its payload and userErrors; the rest of its selection as in a query.
      let cost = 0;
      for (const [, nodes] of walk.collect(root, [operation.selectionSet])) {
        const name = nodes[0].name.value;
        if (isIntrospection(name)) continue;
        const field = root.getFields()[name];
        if (!field) continue;
        const payload = getNamedType(field.type);
        cost +=
          COST.mutation +
          (isCompositeType(payload) ? walk.selections(payload, subSelections(nodes), 1, ["userErrors"]) : 0);
      }
      return Math.max(1, cost);
    }
    const root = operation.operation === "query" ? schema.getQueryType() : schema.getSubscriptionType();
    if (!root) return 1;
    return Math.max(1, walk.selections(root, [operation.selectionSet], 1));
  } catch (error) {
    if (error instanceof TooCostly) return Infinity;
    throw error;
  }
}

// ---- the leaky bucket ---------------------------------------------------------------------------

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface BucketAnswer {
  /** True when the cost was taken; false when not enough was available (nothing taken). */
  allowed: boolean;
  /** What is left after this answer. */
  available: number;
  /** When refused: seconds until the cost will be available. */
  retryAfterSeconds: number;
}

/**
 * Where the buckets live. In memory for one instance; a shared store (Redis, the database) can
 * implement the same two calls so that several instances drain one bucket per user.
 */
export interface CostBucketStore {
  /** Takes `cost` from the key's bucket when that much is available. */
  take(key: string, cost: number): Promise<BucketAnswer>;
  /** Gives back part of what was taken (the requested cost minus the actual one); answers what is available. */
  refund(key: string, amount: number): Promise<number>;
  /** What the key's bucket holds now, taking nothing. */
  peek(key: string): Promise<number>;
}

/** Buckets in process memory; time from the one clock, so tests can move it. */
export class MemoryCostBuckets implements CostBucketStore {
  private readonly buckets = new Map<string, { available: number; at: number }>();

  constructor(
    readonly size: number,
    readonly leakPerSecond: number,
    private readonly maxKeys = 100_000,
  ) {}

  private current(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.size;
    const elapsed = Math.max(0, now - bucket.at); // a clock moved back restores nothing
    return Math.min(this.size, bucket.available + (elapsed / 1000) * this.leakPerSecond);
  }

  async take(key: string, cost: number): Promise<BucketAnswer> {
    const now = clock.now().getTime();
    const available = this.current(key, now);
    if (cost > available) {
      this.buckets.set(key, { available, at: now });
      const missing = cost - available;
      const retryAfterSeconds = this.leakPerSecond > 0 ? Math.max(1, Math.ceil(missing / this.leakPerSecond)) : 3600;
      return { allowed: false, available, retryAfterSeconds };
    }
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.sweep(now);
    this.buckets.set(key, { available: available - cost, at: now });
    return { allowed: true, available: available - cost, retryAfterSeconds: 0 };
  }

  async refund(key: string, amount: number): Promise<number> {
    const now = clock.now().getTime();
    const available = Math.min(this.size, this.current(key, now) + Math.max(0, amount));
    this.buckets.set(key, { available, at: now });
    return available;
  }

  async peek(key: string): Promise<number> {
    return this.current(key, clock.now().getTime());
  }

  /** Forgets buckets that have filled up again (they read the same as no bucket). */
  private sweep(now: number): void {
    for (const [key] of this.buckets) if (this.current(key, now) >= this.size) this.buckets.delete(key);
  }
}

// ---- the plugin ---------------------------------------------------------------------------------

/** Whose bucket pays: the signed-in user, or the client's address for anonymous requests. */
export function bucketKey(context: RequestContext | undefined): string {
  if (context?.viewer) return `user:${context.viewer.user.id}`;
  return `ip:${context?.client.ip || "unknown"}`;
}

/**
 * Refuses operations over the cost limit (MAX_COST_EXCEEDED) and, when the caller's bucket lacks
 * the requested cost, answers THROTTLED with retryAfterSeconds, running nothing. After running,
 * the bucket keeps only the actual cost. Every response carries
 * `extensions.cost = { requestedQueryCost, actualQueryCost, throttleStatus }`.
 */
export function costLimitPlugin(
  limits: RequestLimits,
  buckets: CostBucketStore = new MemoryCostBuckets(limits.costBucketSize, limits.costLeakPerSecond),
): ApolloServerPlugin<RequestContext> {
  const status = (available: number): ThrottleStatus => ({
    maximumAvailable: limits.costBucketSize,
    currentlyAvailable: Math.max(0, Math.floor(available)),
    restoreRate: limits.costLeakPerSecond,
  });
  return {
    async requestDidStart(start) {
      const key = bucketKey(start.contextValue);
      let requestedQueryCost = 0;
      let actualQueryCost = 0;
      let taken = false;
      let available: number | null = null;
      return {
        async didResolveOperation(ctx: GraphQLRequestContext<RequestContext>) {
          if (!ctx.document || !ctx.operation) return;
          const cost = operationCost(
            ctx.schema,
            ctx.document,
            ctx.operation,
            (ctx.request.variables ?? {}) as Record<string, unknown>,
          );
          requestedQueryCost = Number.isFinite(cost) ? cost : limits.costBucketSize + 1;
          if (cost > limits.costBucketSize) {
            throw limitError(
              "MAX_COST_EXCEEDED",
              `The operation costs ${Number.isFinite(cost) ? cost : "too much to count"}; at most ${limits.costBucketSize} is allowed. Ask for smaller pages (first/last).`,
            );
          }
          const answer = await buckets.take(key, cost);
          available = answer.available;
          taken = answer.allowed;
          if (!answer.allowed) {
            throw limitError(
              "THROTTLED",
              `Throttled: this operation costs ${cost} and ${Math.floor(answer.available)} is available; try again in ${answer.retryAfterSeconds} s.`,
              { retryAfterSeconds: answer.retryAfterSeconds },
              // Like Shopify: a GraphQL answer (200) with the error, and the hint in a header too.
              { status: 200, headers: new HeaderMap([["retry-after", String(answer.retryAfterSeconds)]]) },
            );
          }
        },
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          const result = body.kind === "single" ? body.singleResult : body.initialResult;
          if (taken && ctx.document && ctx.operation) {
            const variables = (ctx.request.variables ?? {}) as Record<string, unknown>;
            actualQueryCost = Math.min(
              requestedQueryCost,
              actualOperationCost(ctx.schema, ctx.document, ctx.operation, variables, result.data),
            );
            available = await buckets.refund(key, requestedQueryCost - actualQueryCost);
          }
          const cost = {
            requestedQueryCost,
            actualQueryCost,
            throttleStatus: status(available ?? (await buckets.peek(key))),
          };
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}
