// No N+1: the SQL a request runs does not grow with the page (DataLoaders for every relation,
// abilities built once per request and store).
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Logger } from "typeorm";
import { graphql } from "./generated";
import { must } from "./support/client";
import { startServer, TestServer } from "./support/server";

const COLLABORATORS = 250;
// A page of this document as big as the item cap lets through: each node may hold up to 10 roles
// (src/graphql/limits/cost.ts), so 225 nodes hold 225 + 2,250 list items (at most 2,500 in one
// answer; a page of 250 would hold 2,750).
const PAGE = 225;
const statements: string[] = [];
let counting = false;
const logger: Logger = {
  logQuery: (query) => void (counting && statements.push(query)),
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

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
  return {
    users,
    stores: [
      {
        key: "big",
        name: "Big Store",
        domain: "big.example.com",
        owner: "owner",
        requestCode: "1111",
        roles: [
          { name: "Fulfilment", permissions: ["orders", "products.view"] },
          { name: "Support", permissions: ["customers", "orders"] },
        ],
        collaborators,
      },
    ],
    partners: [
      { key: "agency", name: "Agency", plus: false, members: members.filter((_, i) => i === 0 || i % 2 === 0) },
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
  statements.length = 0;
  counting = true;
  const data = await owner.data(QUERY, { id, n });
  counting = false;
  expect(must(data.store).collaborators.nodes).toHaveLength(n);
  return [...statements];
}

test("API: the collaborators page runs the same SQL statements for 10 and 225 of a store's 250 collaborators, at most 8", async () => {
  await countFor(1); // the owner's session and standing cached (src/db/caches.ts): both counts read them alike
  const ten = await countFor(10);
  const all = await countFor(PAGE);
  expect(all.length, all.join("\n")).toBe(ten.length);
  expect(all.length, all.join("\n")).toBeLessThanOrEqual(8);
});
