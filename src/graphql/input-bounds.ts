// Bounded input (hardening, bad input): before anything executes, every argument of the operation
// (literals, variables and their defaults, inside input objects and lists) is held against its
// type in the schema. A string longer than its bound, a list of more than 250 items, a NUL
// character (which PostgreSQL cannot store) or a lone surrogate (which PostgreSQL would store as
// U+FFFD, so that the audit chain's hashes would no longer hold) is refused with one top-level
// BAD_USER_INPUT error that names the argument, e.g. `collaboratorRequestCreate(input.message)`.
// Rules about content (a message of at most 2,000 characters, a name of 1 to 200) stay in the
// services; these bounds only keep hostile sizes and bytes away from them.
import type { ApolloServerPlugin } from "@apollo/server";
import {
  ArgumentNode,
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getVariableValues,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  TypeInfo,
  ValueNode,
  visit,
  visitWithTypeInfo,
} from "graphql";

export interface InputBounds {
  /** Characters of a String (and of any other scalar given as a string). */
  maxStringLength: number;
  /** Characters of an ID. */
  maxIdLength: number;
  /** Items of a list. */
  maxListLength: number;
}

export const DEFAULT_INPUT_BOUNDS: InputBounds = { maxStringLength: 10_000, maxIdLength: 200, maxListLength: 250 };

class OutOfBounds extends Error {}

/** Half of a surrogate pair on its own: JSON can carry it, but no database stores it as given. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const fmt = (n: number) => n.toLocaleString("en");

/** Characters (code points), counted only as far as the bound needs. */
function tooLong(text: string, max: number): number | null {
  if (text.length <= max) return null; // code points never outnumber UTF-16 units
  let count = 0;
  for (const _ of text) count++;
  return count > max ? count : null;
}

/** Where the document uses a variable in an argument: checked per request with its value (or its default). */
interface VariableUse {
  name: string;
  type: GraphQLInputType;
  where: string;
  path: (string | number)[];
}

class BoundsCheck {
  constructor(
    private readonly bounds: InputBounds,
    private readonly variables: Record<string, unknown>,
    private readonly defaults: Map<string, ValueNode>,
    /** Planning: the variables met are recorded here instead of read. */
    private readonly uses: VariableUse[] | null = null,
  ) {}

  private fail(where: string, path: (string | number)[], what: string): never {
    throw new OutOfBounds(`Input refused: ${where}(${path.join(".")}) ${what}.`);
  }

  private string(text: string, type: GraphQLInputType, where: string, path: (string | number)[]) {
    const max = getNamedType(type).name === "ID" ? this.bounds.maxIdLength : this.bounds.maxStringLength;
    const length = tooLong(text, max);
    if (length !== null) this.fail(where, path, `has ${fmt(length)} characters; at most ${fmt(max)}`);
    if (text.includes("\u0000")) this.fail(where, path, "contains a NUL character");
    if (LONE_SURROGATE.test(text)) this.fail(where, path, "is not well-formed Unicode (a lone surrogate)");
  }

  private list(length: number, where: string, path: (string | number)[]) {
    if (length > this.bounds.maxListLength)
      this.fail(where, path, `has ${fmt(length)} items; at most ${fmt(this.bounds.maxListLength)}`);
  }

  /** A value written in the document, or a variable there. */
  literal(node: ValueNode, type: GraphQLInputType, where: string, path: (string | number)[]): void {
    const inner = isNonNullType(type) ? type.ofType : type;
    switch (node.kind) {
      case Kind.VARIABLE: {
        const name = node.name.value;
        if (this.uses) {
          this.uses.push({ name, type: inner, where, path });
          return;
        }
        const value = Object.prototype.hasOwnProperty.call(this.variables, name) ? this.variables[name] : undefined;
        if (value !== undefined) return this.runtime(value, inner, where, path);
        const fallback = this.defaults.get(name);
        return fallback ? this.literal(fallback, inner, where, path) : undefined;
      }
      case Kind.LIST: {
        if (!isListType(inner)) return; // validation has refused this already
        this.list(node.values.length, where, path);
        node.values.forEach((item, i) => this.literal(item, inner.ofType, where, [...path, i]));
        return;
      }
      case Kind.OBJECT: {
        if (!isInputObjectType(inner)) return;
        const fields = inner.getFields();
        for (const field of node.fields) {
          const def = fields[field.name.value];
          if (def) this.literal(field.value, def.type, where, [...path, field.name.value]);
        }
        return;
      }
      case Kind.STRING:
      case Kind.ENUM:
        // A single value where a list is expected is coerced to a list of one.
        return this.string(node.value, isListType(inner) ? getNamedType(inner) : inner, where, path);
      default:
        return;
    }
  }

  /** A variable's value as sent (JSON), before GraphQL coerces it. */
  runtime(value: unknown, type: GraphQLInputType, where: string, path: (string | number)[]): void {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (value === null || value === undefined) return;
    if (isListType(inner)) {
      if (!Array.isArray(value)) return this.runtime(value, inner.ofType, where, path);
      this.list(value.length, where, path);
      value.forEach((item, i) => this.runtime(item, inner.ofType, where, [...path, i]));
      return;
    }
    if (typeof value === "string") return this.string(value, inner, where, path);
    if (Array.isArray(value)) return this.list(value.length, where, path); // coercion refuses it; its size is bounded all the same
    if (typeof value === "object" && isInputObjectType(inner)) {
      const fields = inner.getFields();
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const def = fields[key];
        if (def) this.runtime(item, def.type, where, [...path, key]);
      }
    }
  }
}

/**
 * What the bounds ask of an operation, decided once (issue 12, item 3): its arguments in document
 * order, each literal held against its bounds there and then, each variable left for the request.
 * `refusal`: the first literal out of bounds (after `uses`, the variables met before it).
 */
export interface BoundsPlan {
  uses: VariableUse[];
  refusal: string | null;
  defaults: Map<string, ValueNode>;
  /** Whether the operation declares variables (else their coercion cannot fail). */
  hasVariables: boolean;
}

export function planInputBounds(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  bounds: InputBounds = DEFAULT_INPUT_BOUNDS,
): BoundsPlan {
  const defaults = new Map<string, ValueNode>();
  for (const def of operation.variableDefinitions ?? [])
    if (def.defaultValue) defaults.set(def.variable.name.value, def.defaultValue);
  const uses: VariableUse[] = [];
  const refusal = walkArguments(schema, document, operation, new BoundsCheck(bounds, {}, defaults, uses));
  return { uses, refusal, defaults, hasVariables: !!operation.variableDefinitions?.length };
}

/** The plan held against a request's variables: the first argument out of bounds, in document order. */
export function checkPlannedBounds(
  plan: BoundsPlan,
  variables: Record<string, unknown> | undefined,
  bounds: InputBounds = DEFAULT_INPUT_BOUNDS,
): string | null {
  if (!plan.uses.length) return plan.refusal;
  const check = new BoundsCheck(bounds, variables ?? {}, plan.defaults);
  try {
    for (const use of plan.uses)
      check.literal({ kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: use.name } }, use.type, use.where, use.path);
  } catch (error) {
    if (error instanceof OutOfBounds) return error.message;
    throw error;
  }
  return plan.refusal;
}

/** Refuses (OutOfBounds) the first argument of the operation, or of a fragment it may use, that breaks a bound. */
export function checkInputBounds(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  bounds: InputBounds = DEFAULT_INPUT_BOUNDS,
): string | null {
  const defaults = new Map<string, ValueNode>();
  for (const def of operation.variableDefinitions ?? [])
    if (def.defaultValue) defaults.set(def.variable.name.value, def.defaultValue);
  return walkArguments(schema, document, operation, new BoundsCheck(bounds, variables ?? {}, defaults));
}

function walkArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  check: BoundsCheck,
): string | null {
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  try {
    for (const root of [operation, ...fragments]) {
      const typeInfo = new TypeInfo(schema);
      visit(
        root,
        visitWithTypeInfo(typeInfo, {
          Argument(node: ArgumentNode) {
            const arg = typeInfo.getArgument();
            if (!arg) return;
            const where = typeInfo.getDirective()
              ? `@${typeInfo.getDirective()!.name}`
              : (typeInfo.getFieldDef()?.name ?? "?");
            check.literal(node.value, arg.type, where, [node.name.value]);
          },
        }),
      );
    }
  } catch (error) {
    if (error instanceof OutOfBounds) return error.message;
    throw error;
  }
  return null;
}

/** graphql-js stops coercing variables after this many errors (its default), with an error that has no code. */
const MAX_COERCION_ERRORS = 50;

/**
 * Variables with more invalid values than graphql-js reports (a long list of bad enum values, say)
 * would end in its uncoded "Too many errors" error, masked as an internal one: refused here instead,
 * as BAD_USER_INPUT with the first fault. Fewer invalid values are left to execution, which reports
 * each of them.
 */
function checkCoercionErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): string | null {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, {
    maxErrors: MAX_COERCION_ERRORS,
  });
  if (!result.errors || result.errors.length <= MAX_COERCION_ERRORS) return null;
  return `${result.errors[0].message} (and more than ${MAX_COERCION_ERRORS - 1} other invalid values).`;
}

const refuse = (message: string) =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });

/** Bounds plans by operation, in a bounded LRU (Apollo hands the same parsed document back for the same query). */
export class BoundsPlans {
  private readonly entries = new Map<OperationDefinitionNode, { schema: GraphQLSchema; plan: BoundsPlan }>();
  /** Plans built (a test reads it). */
  compiled = 0;

  constructor(
    readonly bounds: InputBounds = DEFAULT_INPUT_BOUNDS,
    readonly maxOperations = 1000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  plan(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): BoundsPlan {
    const entry = this.entries.get(operation);
    if (entry && entry.schema === schema) {
      this.entries.delete(operation); // most recently used last
      this.entries.set(operation, entry);
      return entry.plan;
    }
    this.compiled++;
    const plan = planInputBounds(schema, document, operation, this.bounds);
    this.entries.set(operation, { schema, plan });
    while (this.entries.size > this.maxOperations) this.entries.delete(this.entries.keys().next().value!);
    return plan;
  }
}

/** The Apollo Server plugin: the checks run once the operation is known, before execution. */
export function inputBoundsPlugin(
  bounds: InputBounds = DEFAULT_INPUT_BOUNDS,
  plans: BoundsPlans = new BoundsPlans(bounds),
): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return Promise.resolve();
          const plan = plans.plan(schema, document, operation);
          const refusal =
            checkPlannedBounds(plan, request.variables, bounds) ??
            (plan.hasVariables ? checkCoercionErrors(schema, operation, request.variables) : null);
          return refusal ? Promise.reject(refuse(refusal)) : Promise.resolve();
        },
      });
    },
  };
}
