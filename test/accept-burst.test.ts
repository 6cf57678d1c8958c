// Issue 12 item 6: accepts at once keep the audit log's hash chain whole. A store with 24 pending
// requests (test/fixtures/world.json plus 24 partner staff asking acme-eu); its owner accepts all
// 24 at the same instant; every accept succeeds, and auditLogVerify checks the chain as valid.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { must } from "./support/client";
import { AUDIT_LOG_VERIFY, PENDING_REQUESTS, REQUEST_ACCEPT } from "./support/documents";
import { startServer, worldWithRequests, type TestServer } from "./support/server";

const N = 24;

/** world.json with N more pixel staff, each with a pending request on acme-eu. */
const burstFixture = () =>
  worldWithRequests(
    Array.from({ length: N }, (_, i) => ({ key: `burst${i + 1}`, name: `Burst ${i + 1}`, store: "acme-eu" })),
  );

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
    const pending = must((await erin.data(PENDING_REQUESTS, { id: store })).store).collaborators.nodes.map((n) => n.id);
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
