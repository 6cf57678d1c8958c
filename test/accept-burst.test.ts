// Issue 12 item 6: accepts at once keep the audit log's hash chain whole. A store with 24 pending
// requests (test/fixtures/world.json plus 24 partner staff asking acme-eu); its owner accepts all
// 24 at the same instant; every accept succeeds, and auditLogVerify checks the chain as valid.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { graphql } from "./generated";
import { must } from "./support/client";
import { AUDIT_LOG_VERIFY, REQUEST_ACCEPT } from "./support/documents";
import { readFixture, startServer, type TestServer } from "./support/server";

const N = 24;
const COLLABORATORS = graphql(`
  query AcceptBurstRequests($id: ID!) {
    store(id: $id) {
      collaborators(first: 50, status: REQUESTED) {
        nodes {
          id
        }
      }
    }
  }
`);

/** world.json with N more pixel staff, each with a pending request on acme-eu. */
function burstFixture() {
  const world = readFixture() as {
    users: Record<string, unknown>[];
    partners: { key: string; members: Record<string, unknown>[] }[];
    stores: { key: string; collaborators?: Record<string, unknown>[] }[];
  };
  for (let i = 1; i <= N; i++) {
    const key = `burst${i}`;
    world.users.push({ key, email: `${key}@example.com`, name: `Burst ${i}`, password: `password-${key}` });
    world.partners
      .find((p) => p.key === "pixel")!
      .members.push({ user: key, type: "STAFF", storeAccess: { MANAGED: { access: "ALL", actions: ["ADD_REMOVE"] } } });
    world.stores
      .find((s) => s.key === "acme-eu")!
      .collaborators!.push({
        user: key,
        partner: "pixel",
        status: "REQUESTED",
        permissions: ["orders"],
        requestedDaysAgo: 1,
      });
  }
  return world;
}

describe("accepts at once", () => {
  let s: TestServer;

  beforeAll(async () => {
    s = await startServer(burstFixture());
  });
  afterAll(async () => {
    await s?.close();
  });

  test(`Issue 12 item 6 (R8, R30): ${N} accepts sent at once all succeed, and the audit chain verifies as valid`, async () => {
    const erin = await s.as("erin");
    const store = await s.gid("Store", "stores", { domain: "acme-eu.example.com" });
    const pending = must((await erin.data(COLLABORATORS, { id: store })).store).collaborators.nodes.map((n) => n.id);
    expect(pending.length).toBe(N);
    const fulfilment = await s.gid("Role", "roles", { name: "Fulfilment" });
    const input = { roleIds: [fulfilment], dropAutoRole: true };
    const answers = await Promise.all(pending.map((id) => erin.data(REQUEST_ACCEPT, { id, input })));
    for (const a of answers) {
      const payload = must(a.collaboratorRequestAccept);
      expect(payload.userErrors).toEqual([]);
      expect(payload.collaborator?.status).toBe("ACTIVE");
    }
    const verify = must((await erin.data(AUDIT_LOG_VERIFY)).auditLogVerify);
    expect(verify).toMatchObject({ valid: true, problem: null });
    expect(verify.checkedCount).toBeGreaterThanOrEqual(N);
  });
});
