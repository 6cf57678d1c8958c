// Issue 12, item 3: the cost is decided once per document. The plan (src/graphql/limits/plan.ts)
// is built once per operation and evaluated per request with its variables (the requested cost)
// and with the answer's counts at its priced positions (the actual cost); its figures are exactly
// those of the reference walk (operationCounts, actualOperationCost), for every document the tests
// send, with random variables and random answers; the plans are held in a bounded LRU.
import "reflect-metadata";
import { readFileSync } from "node:fs";
import {
  buildSchema,
  DocumentNode,
  execute,
  getNamedType,
  getNullableType,
  GraphQLInputType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  typeFromAST,
  type GraphQLFieldResolver,
} from "graphql";
import { describe, expect, test } from "vitest";
import { BoundsPlans, checkInputBounds, checkPlannedBounds } from "../src/graphql/input-bounds";
import { actualOperationCost, CostPlans, operationCounts } from "../src/graphql/limits";
import * as generated from "./generated/graphql";

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));

/** A small deterministic generator (the failures must reproduce). */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

const operationOf = (document: DocumentNode) =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

/** Variables of the right types: page sizes from 0 to 300, lists of 0 to 4 items, booleans either way. */
function variablesFor(
  operation: OperationDefinitionNode,
  next: () => number,
  hostile = false,
): Record<string, unknown> {
  const value = (type: GraphQLInputType, depth: number): unknown => {
    if (isNonNullType(type)) return value(type.ofType, depth);
    if (depth > 0 && next() < 0.2) return null;
    if (isListType(type))
      return Array.from({ length: hostile && next() < 0.1 ? 251 : Math.floor(next() * 5) }, () =>
        value(type.ofType, depth + 1),
      );
    if (isInputObjectType(type)) {
      if (depth > 3) return null;
      return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, value(f.type, depth + 1)]));
    }
    if (isEnumType(type)) return type.getValues()[0].value;
    switch (type.name) {
      case "Int":
        return Math.floor(next() * 300);
      case "Boolean":
        return next() < 0.5;
      default: {
        if (!hostile) return "x";
        const pick = next();
        return pick < 0.05
          ? "a".repeat(10_001)
          : pick < 0.1
            ? "a".repeat(201)
            : pick < 0.15
              ? "a\u0000"
              : pick < 0.2
                ? "\uD800"
                : "x";
      }
    }
  };
  const variables: Record<string, unknown> = {};
  for (const def of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, def.type as never) as GraphQLInputType | undefined;
    if (type) variables[def.variable.name.value] = value(type, 0);
  }
  return variables;
}

/** An answer of the document's shape: objects or nulls, lists of 0 to 3 items, any type of an interface. */
async function answerFor(document: DocumentNode, variables: Record<string, unknown>, next: () => number) {
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (_source, _args, _context, info) => {
    const make = (type: typeof info.returnType, depth: number): unknown => {
      if (!isNonNullType(type) && next() < 0.15) return null;
      const inner = getNullableType(type);
      if (isListType(inner)) return Array.from({ length: Math.floor(next() * 4) }, () => make(inner.ofType, depth + 1));
      const named = getNamedType(inner);
      if (isObjectType(named) || isAbstractType(named)) return {};
      if (isEnumType(named)) return named.getValues()[0].value;
      return named.name === "Int" || named.name === "Float" ? 1 : named.name === "Boolean" ? true : "x";
    };
    return make(info.returnType, 0);
  };
  const result = await execute({
    schema,
    document,
    variableValues: variables,
    fieldResolver,
    typeResolver: (_value, _context, _info, type) => {
      const types = schema.getPossibleTypes(type);
      return types[Math.floor(next() * types.length)].name;
    },
  });
  return result.data;
}

const documents: [string, DocumentNode][] = Object.entries(generated)
  .filter(([name, value]) => name.endsWith("Document") && (value as DocumentNode)?.kind === Kind.DOCUMENT)
  .map(([name, value]) => [name, value as DocumentNode]);

describe("Per document: the cost plan", () => {
  test("every document the tests send is priced by its plan exactly as by the walk, requested and actual, for random variables and answers", async () => {
    expect(documents.length).toBeGreaterThan(200);
    const plans = new CostPlans();
    const next = random(12);
    let priced = 0;
    let costly = 0; // answers whose actual cost is more than a few objects: the comparison is not only of empty answers
    for (const [name, document] of documents) {
      const operation = operationOf(document);
      for (let round = 0; round < 6; round++) {
        const variables = variablesFor(operation, next);
        const plan = plans.plan(schema, document, operation, variables);
        expect(plan.requested(variables), name).toEqual(operationCounts(schema, document, operation, variables));
        const data = await answerFor(document, variables, next);
        const actual = plan.actual(data, variables);
        expect(actual, name).toBe(actualOperationCost(schema, document, operation, variables, data));
        if (actual > 12) costly++;
        priced++;
      }
    }
    expect(priced).toBe(documents.length * 6);
    expect(costly).toBeGreaterThan(100);
  });

  test("every document the tests send has its input bounds decided by its plan exactly as by the walk, for hostile variables", () => {
    const plans = new BoundsPlans();
    const next = random(3);
    let refused = 0;
    for (const [name, document] of documents) {
      const operation = operationOf(document);
      for (let round = 0; round < 6; round++) {
        const variables = variablesFor(operation, next, true);
        const refusal = checkPlannedBounds(plans.plan(schema, document, operation), variables);
        expect(refusal, name).toBe(checkInputBounds(schema, document, operation, variables));
        if (refusal) refused++;
      }
    }
    expect(refused).toBeGreaterThan(50);
    expect(plans.compiled).toBe(documents.length);
  });

  test("a literal out of bounds after a variable: the variable's fault is reported first, as in document order", () => {
    const plans = new BoundsPlans();
    const long = "a".repeat(10_001);
    const document = parse(
      `query Order($a: String!) { explainAccess(storeId: $a, userId: "u", permission: "${long}") { allowed } }`,
    );
    const operation = operationOf(document);
    const plan = plans.plan(schema, document, operation);
    for (const variables of [{ a: "ok" }, { a: "a\u0000" }]) {
      const refusal = checkPlannedBounds(plan, variables);
      expect(refusal).toBe(checkInputBounds(schema, document, operation, variables));
      expect(refusal).toMatch(variables.a === "ok" ? /permission/ : /storeId/);
    }
  });

  test("the same document with other variables is planned once and priced with each request's variables", () => {
    const plans = new CostPlans();
    const document = parse(`
      query Pages($first: Int, $ids: [ID!]!) {
        viewer { id }
        nodes(ids: $ids) { id ... on Store { collaborators(first: $first) { nodes { user { name } } } } }
      }
    `);
    const operation = operationOf(document);
    const figures = [
      { first: 3, ids: ["a"] },
      { first: 40, ids: ["a", "b", "c"] },
      { first: 250, ids: [] },
      { ids: ["a", "b"] },
    ].map((variables) => {
      const counts = plans.plan(schema, document, operation, variables).requested(variables);
      expect(counts).toEqual(operationCounts(schema, document, operation, variables));
      return counts.cost;
    });
    expect(new Set(figures).size).toBe(figures.length); // each request its own figure
    expect(plans.compiled).toBe(1);
  });

  test("@skip and @include on a variable select differently: one plan per value, each priced as the walk prices it", () => {
    const plans = new CostPlans();
    const document = parse(`
      query Skipping($big: Boolean!) {
        viewer { id }
        store(id: "s") @include(if: $big) { id collaborators(first: 20) { nodes { id user { id } } } }
      }
    `);
    const operation = operationOf(document);
    const small = plans.plan(schema, document, operation, { big: false }).requested({ big: false });
    const big = plans.plan(schema, document, operation, { big: true }).requested({ big: true });
    expect(small).toEqual(operationCounts(schema, document, operation, { big: false }));
    expect(big).toEqual(operationCounts(schema, document, operation, { big: true }));
    expect(big.cost).toBeGreaterThan(small.cost);
    plans.plan(schema, document, operation, { big: false });
    expect(plans.compiled).toBe(2);
  });

  test("many distinct documents never hold more plans than the cache's size, and the latest stay cached", () => {
    const plans = new CostPlans(50);
    const parsed = Array.from({ length: 500 }, (_, i) =>
      parse(`query Many${i} { viewer { id } store(id: "${i}") { collaborators(first: ${i % 250}) { nodes { id } } } }`),
    );
    for (const document of parsed) {
      plans.plan(schema, document, operationOf(document), {});
      expect(plans.size).toBeLessThanOrEqual(50);
    }
    expect(plans.compiled).toBe(500);
    const latest = parsed[parsed.length - 1];
    plans.plan(schema, latest, operationOf(latest), {});
    expect(plans.compiled).toBe(500);
  });

  test("a document too costly to count is refused by its plan as by the walk (Infinity)", () => {
    const document = parse(`query Costly { ${"viewer { id } ".repeat(26_000)} }`);
    const operation = operationOf(document);
    const reference = operationCounts(schema, document, operation, {});
    expect(reference.cost).toBe(Infinity);
    expect(new CostPlans().plan(schema, document, operation, {}).requested({})).toEqual(reference);
  });
});
