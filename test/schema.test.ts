// The API as committed, the schema explaining itself, and the migrations against the entities.
import fs from "node:fs";
import {
  getNamedType,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import { afterAll, beforeAll, expect, test } from "vitest";
import { printedSchema } from "../src/graphql/schema";
import { createSchema } from "../src/graphql/schema";
import { startServer, TestServer } from "./support/server";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

test("API: the committed schema/schema.graphql is the schema the code emits (npm run schema)", async () => {
  expect(fs.readFileSync("schema/schema.graphql", "utf8")).toBe(await printedSchema());
});

/** Every element of the schema a client can read about, with its description and (for fields, arguments) type. */
function* elements(schema: GraphQLSchema) {
  const types = Object.values(schema.getTypeMap()).filter(
    (t: GraphQLNamedType) => !isIntrospectionType(t) && !isSpecifiedScalarType(t),
  );
  for (const t of types) {
    yield { kind: "type", name: t.name, leaf: t.name, description: t.description, type: null };
    if (isObjectType(t) || isInterfaceType(t)) {
      for (const f of Object.values(t.getFields())) {
        yield { kind: "field", name: `${t.name}.${f.name}`, leaf: f.name, description: f.description, type: f.type };
        for (const a of f.args)
          yield {
            kind: "argument",
            name: `${t.name}.${f.name}(${a.name})`,
            leaf: a.name,
            description: a.description,
            type: a.type,
          };
      }
    }
    if (isInputObjectType(t))
      for (const f of Object.values(t.getFields()))
        yield {
          kind: "input field",
          name: `${t.name}.${f.name}`,
          leaf: f.name,
          description: f.description,
          type: f.type,
        };
    if (isEnumType(t))
      for (const v of t.getValues())
        yield { kind: "enum value", name: `${t.name}.${v.name}`, leaf: v.name, description: v.description, type: null };
  }
}

test("API: every type, field, argument, input field and enum value of the schema has a description", async () => {
  const missing = [...elements(await createSchema())]
    .filter((e) => !e.description?.trim())
    .map((e) => `${e.kind} ${e.name}`);
  // The first ones are named, so that the failure says where to write.
  expect(missing.slice(0, 20), `${missing.length} elements have no description`).toEqual([]);
});

test("API: every id (a field, argument or input field named id, or ending in Id or Ids) is of type ID", async () => {
  const unwrap = (t: GraphQLType): GraphQLType => (isNonNullType(t) ? t.ofType : t);
  const isId = (t: GraphQLType) => getNamedType(t).name === "ID";
  const wrong = [...elements(await createSchema())]
    .filter((e) => e.type !== null && /^id$|Ids?$/.test(e.leaf))
    .filter((e) => {
      const inner = unwrap(e.type!);
      // `fooIds` is a list of ID; `id` and `fooId` are one ID.
      return e.leaf.endsWith("Ids") ? !(isListType(inner) && isId(inner)) : isListType(inner) || !isId(inner);
    })
    .map((e) => `${e.kind} ${e.name}: ${String(e.type)}`);
  expect(wrong).toEqual([]);
});

test("R29: the migrations build exactly the schema the entities describe, unique indexes included", async () => {
  const pending = await s.ds.driver.createSchemaBuilder().log();
  expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  const indexes = s.ds
    .getMetadata("store_users")
    .indices.filter((i) => i.isUnique)
    .map((i) => i.givenName);
  expect(indexes).toContain("UQ_store_users_live");
});
