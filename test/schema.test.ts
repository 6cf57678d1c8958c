// The API as committed, the contract of API.md, and the migrations against the entities.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { printedSchema } from "../src/graphql/emit-schema";
import { startServer, TestServer } from "./support/server";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

test("API: the committed schema/schema.graphql is the schema the code emits (npm run schema)", async () => {
  expect(fs.readFileSync("schema/schema.graphql", "utf8")).toBe(await printedSchema());
});

test("API: the schema has every name of the contract (lifecycle, partner, audit) (../shared/contract/check-schema.mjs)", () => {
  const checker = path.resolve("..", "shared", "contract", "check-schema.mjs");
  const out = execFileSync("node", [checker, "schema/schema.graphql", "lifecycle", "partner", "audit"], {
    encoding: "utf8",
  });
  expect(out).toContain("every name present");
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
