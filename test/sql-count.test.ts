// No N+1: the SQL a request runs does not grow with the page (DataLoaders for every relation,
// abilities built once per request and store), and the benchmark's page (the store owner's
// collaborators in an organization's store, some holding auto-generated roles) runs at most 6.
import { statementLog } from "./support/statement-log";
import { afterAll, beforeAll, expect, test } from "vitest";
import { graphql } from "./generated";
import { must } from "./support/client";
import { REQUEST_ACCEPT } from "./support/documents";
import { ok } from "./support/mutation-payloads";
import { startServer, TestServer } from "./support/server";

const COLLABORATORS = 250;
const REQUESTS = 5;
// A page of this document as big as the item cap lets through: each node may hold up to 10 roles
// (src/graphql/limits/cost.ts), so 225 nodes hold 225 + 2,250 list items (at most 2,500 in one
// answer; a page of 250 would hold 2,750).
const PAGE = 225;
const { logger, during } = statementLog();

function fixture() {
  const users = [{ key: "owner", email: "owner@example.com", name: "Olga Owner", password: "password-owner" }];
  const members: object[] = [{ user: "boss", type: "OWNER" }];
  users.push({ key: "boss", email: "boss@example.com", name: "Bo Boss", password: "password-boss" });
  const collaborators: object[] = [];
  for (let i = 0; i < COLLABORATORS; i++) {
    const key = `c${i}`;
    users.push({ key, email: `${key}@example.com`, name: `Collaborator ${i}`, password: `password-${key}` });
    members.push({ user: key, type: "STAFF", storeAccess: { MANAGED: { access: "ALL", actions: ["ADD_REMOVE"] } } });
    collaborators.push({
      user: key,
      partner: i % 2 ? "agency" : "studio",
      status: "ACTIVE",
      roles: i % 3 ? ["Fulfilment", "Support"] : ["Support"],
      lastLoginDaysAgo: 1,
    });
  }
  // Requests, accepted in beforeAll with their auto-generated roles (R6) kept, listed first so that
  // both pages hold them: what the benchmark's store holds (the gate reads whose request each was).
  const requesters: object[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const key = `r${i}`;
    users.push({ key, email: `${key}@example.com`, name: `Requester ${i}`, password: `password-${key}` });
    requesters.push({ user: key, type: "STAFF", storeAccess: { MANAGED: { access: "ALL", actions: ["ADD_REMOVE"] } } });
    collaborators.unshift({ user: key, partner: "agency", status: "REQUESTED", permissions: ["orders", "customers"] });
  }
  return {
    users,
    // The store belongs to an organization its owner owns, as the benchmark's stores do.
    organizations: [{ key: "org", name: "Org", plus: true, owner: "owner" }],
    stores: [
      {
        key: "big",
        name: "Big Store",
        domain: "big.example.com",
        owner: "owner",
        organization: "org",
        requestCode: "1111",
        roles: [
          { name: "Fulfilment", permissions: ["orders", "products.view"] },
          { name: "Support", permissions: ["customers", "orders"] },
        ],
        collaborators,
      },
    ],
    partners: [
      {
        key: "agency",
        name: "Agency",
        plus: false,
        members: [...members.filter((_, i) => i === 0 || i % 2 === 0), ...requesters],
      },
      {
        key: "studio",
        name: "Studio",
        plus: false,
        members: [{ user: "owner2", type: "OWNER" }, ...members.filter((_, i) => i > 0 && i % 2 === 1)],
      },
    ],
  };
}

let s: TestServer;
beforeAll(async () => {
  const f = fixture();
  f.users.push({ key: "owner2", email: "owner2@example.com", name: "Ola Owner", password: "password-owner2" });
  s = await startServer(f, { logger });
  const owner = await s.as("owner");
  for (let i = 0; i < REQUESTS; i++) {
    const id = await s.gid("Collaborator", "store_users", { status: "REQUESTED", userType: "COLLABORATOR" });
    ok(await owner.gql(REQUEST_ACCEPT, { id }), "collaborator");
  }
}, 120_000);
afterAll(async () => s?.close());

const QUERY = graphql(`
  query SqlCountCollaborators($id: ID!, $n: Int!) {
    store(id: $id) {
      collaborators(first: $n) {
        nodes {
          user {
            name
            email
          }
          roles {
            name
            permissions {
              handle
            }
          }
          partnerOrganization {
            name
          }
        }
      }
    }
  }
`);

async function countFor(n: number) {
  const owner = await s.as("owner");
  const id = await s.gid("Store", "stores", { domain: "big.example.com" });
  const [data, statements] = await during(() => owner.data(QUERY, { id, n }));
  expect(must(data.store).collaborators.nodes).toHaveLength(n);
  return statements;
}

test("API (issue 12 items 1 and 7): the collaborators page runs the same SQL statements for 10 and 225 of a store's 255 collaborators, at most 6", async () => {
  await countFor(1); // the owner's session and standing cached (src/db/caches.ts): both counts read them alike
  const ten = await countFor(10);
  const all = await countFor(PAGE);
  expect(all, all.join("\n")).toEqual(ten);
  // Cold (the first request cached only the store and a page of one): the page with its users and
  // partner organizations, and the accounts' roles with their permissions (on PostgreSQL read with
  // the page), each a prepared statement (src/db/hot-reads.ts); the session
  // and the viewer's standing are cached, and whose requests the auto-generated roles were is not
  // read for the owner, who sees those roles either way (src/authz/gate.ts). The issue asks for at most 6.
  expect(all.length, all.join("\n")).toBeLessThanOrEqual(process.env.DATABASE_URL?.startsWith("postgres") ? 2 : 3);
  // Warm, nothing written since: the page's ids and rows are cached (src/db/caches.ts).
  expect(await countFor(PAGE)).toEqual([]);
});
