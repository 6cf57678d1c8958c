// Issue 12 item 6: every statement of an accept (collaboratorRequestAccept) is prepared and
// parameterized (src/db/hot-reads.ts, src/db/hot-writes.ts): accepts of different requests run the
// same statement texts (no id is written into them, so each is prepared once), and nothing is read
// twice. Requests on two stores of test/fixtures/world.json: on Nordic its owner keeps the
// auto-generated role (R6); on Acme EU, in an organization, the store owner drops it for a store
// role (R10). Each pair is counted after a first accept of the same kind, so that every counted
// accept starts alike (the viewer's standing, cleared by the accept before it, read again).
import { statementLog } from "./support/statement-log";
import { afterAll, beforeAll, expect, test } from "vitest";
import { HOT } from "../src/db/hot-reads";
import { must } from "./support/client";
import { AUDIT_LOG_VERIFY, PENDING_REQUESTS, REQUEST_ACCEPT } from "./support/documents";
import { startServer, worldWithRequests, type TestServer } from "./support/server";

const { logger, during } = statementLog();

/** world.json with three more pending requests on Nordic and three on Acme EU, by pixel's staff. */
const fixture = () =>
  worldWithRequests(
    ["nordic", "acme-eu"].flatMap((store) =>
      [1, 2, 3].map((i) => {
        const key = `${store.replace("-", "")}${i}`;
        return { key, name: `Asker ${key}`, store };
      }),
    ),
  );

let s: TestServer;
beforeAll(async () => {
  s = await startServer(fixture(), { logger });
});
afterAll(async () => s?.close());

/** The statements of each accept, in order. */
async function acceptEach(owner: string, domain: string, input: Record<string, unknown>): Promise<string[][]> {
  const client = await s.as(owner);
  const store = await s.gid("Store", "stores", { domain });
  // The fixture's own requests (kira's on Nordic) stay: only the three added here, the newest.
  const ids = must((await client.data(PENDING_REQUESTS, { id: store })).store)
    .collaborators.nodes.map((n) => n.id)
    .slice(-3);
  expect(ids).toHaveLength(3);
  const each: string[][] = [];
  for (const id of ids) {
    const [answer, statements] = await during(() => client.data(REQUEST_ACCEPT, { id, input }));
    const payload = must(answer.collaboratorRequestAccept);
    expect(payload.userErrors).toEqual([]);
    expect(payload.collaborator?.status).toBe("ACTIVE");
    each.push(statements);
  }
  return each.slice(1);
}

test("Issue 12 item 6 (R6, R8): accepts of different requests run the same prepared statements, a statement per step, nothing read twice", async () => {
  const postgres = s.ds.options.type === "postgres";
  const support = await s.gid("Role", "roles", { name: "Fulfilment" });
  for (const [owner, domain, input, most] of [
    // The account, store, viewer's standing and requester read (4); in the transaction the account,
    // the auto role, the account accepted, its roles replaced (2), the email, the roles'
    // permissions, the chain's head, the event, the head moved (10); BEGIN and COMMIT.
    ["nora", "nordic.example.com", {}, 16],
    // The same with the store role read instead of the auto role, and the auto role deleted (2 more).
    ["erin", "acme-eu.example.com", { roleIds: [support], dropAutoRole: true }, 18],
  ] as const) {
    const [first, second] = await acceptEach(owner, domain, input);
    expect(second, `${domain}\n${second.join("\n")}`).toEqual(first);
    // PostgreSQL also takes the audit chain's advisory lock, and tells the other instances what the
    // accept made stale with the COMMIT (a NOTIFY, src/db/cache-invalidation.ts).
    expect(first.length, first.join("\n")).toBeLessThanOrEqual(most + (postgres ? 2 : 0));
    const texts = first.filter((q) => !/^(BEGIN|START TRANSACTION|COMMIT)/.test(q));
    // Every value a parameter: no number left in a text but 0 and 1 (the chain head's one row, no
    // delivery attempts yet) once parameters, names and string constants are taken out.
    const literals = (q: string) =>
      (q.replace(/@p\d+|\$\d+|"[^"]*"|'[^']*'/g, "").match(/\b\d+\b/g) ?? []).filter((n) => n !== "0" && n !== "1");
    for (const q of texts) expect([q, literals(q)]).toEqual([q, []]);
    // Each statement once, but the account by id: the gate's read before the transaction, and the one inside it.
    const repeated = texts.filter((q, i) => texts.indexOf(q) !== i);
    expect(repeated).toEqual([HOT.storeUsersById.text(postgres ? "postgres" : "sqlite")]);
  }
  const erin = await s.as("erin");
  expect(must((await erin.data(AUDIT_LOG_VERIFY)).auditLogVerify)).toMatchObject({ valid: true, problem: null });
});
