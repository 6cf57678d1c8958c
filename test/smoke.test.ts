import { afterAll, beforeAll, expect, test } from "vitest";
import { startServer, TestServer } from "./support/server";

let s: TestServer;
beforeAll(async () => { s = await startServer(); });
afterAll(async () => s?.close());

test("smoke", async () => {
  const erin = await s.as("erin");
  const r = await erin.gql(`{ viewer { id name email } }`);
  console.log(JSON.stringify(r));
  expect(r.data.viewer.name).toBeTruthy();
});
