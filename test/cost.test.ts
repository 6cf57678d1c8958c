// Issue 11, finding 13: every list costs per item it may return (a connection its page size times
// its node's cost, a plain list its maximum length times its item's cost, as Shopify counts); the
// lists that grow with the data are connections; one answer holds at most MAX_ANSWER_ITEMS list
// items, refused before anything runs. No R-rule: the tests are named "Cost: ...".
// One world: store "big" owned by bo, with 40 staff Administrators (41 users x 31 store permissions).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ResultOf } from "@graphql-typed-document-node/core";
import { DEFAULT_LIMITS } from "../src/config";
import { createServer } from "../src/server";
import { DEFAULT_LIST_MAX, LIST_MAX, MAX_ANSWER_ITEMS } from "../src/graphql/limits";
import { STORE_PERMISSION_HANDLES } from "../src/domain/roles/permissions";
import { graphql } from "./generated";
import { must, queryText, type GqlResult, type TypedDocumentNode } from "./support/client";
import { startServer, TestServer } from "./support/server";

const STAFF = Array.from({ length: 40 }, (_, i) => `st${i + 1}`);
const user = (key: string) => ({ key, email: `${key}@example.com`, name: `User ${key}`, password: `password-${key}` });
const WORLD = {
  users: ["bo", ...STAFF].map(user),
  organizations: [],
  stores: [
    {
      key: "big",
      name: "Big Store",
      domain: "big.example.com",
      owner: "bo",
      requestCode: "2468",
      roles: [{ name: "Helper", permissions: ["orders"] }],
      staff: STAFF.map((u) => ({ user: u, roles: ["Administrator"] })),
    },
  ],
  partners: [],
};

let s: TestServer;
let big = "";
let bigBucket = "";
let bo = "";
beforeAll(async () => {
  s = await startServer(WORLD);
  big = await s.gid("Store", "stores", { domain: "big.example.com" });
  bo = must((await s.as("bo")).token, "bo's token");
  // A server on the same database whose bucket holds far more than any answer may: only the item cap refuses.
  const app = await createServer(s.ds, { limits: { ...DEFAULT_LIMITS, costBucketSize: 10_000_000 } });
  bigBucket = `http://127.0.0.1:${await app.listen(0, "127.0.0.1")}`;
  closers.push(() => app.close());
});
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
  await s?.close();
});

interface Cost {
  requestedQueryCost: number;
  actualQueryCost: number;
}
const costOf = (body: GqlResult<unknown>) => must(body.extensions?.cost as Cost | undefined, "extensions.cost");
const codes = (body: GqlResult<unknown>) => (body.errors ?? []).map((e) => e.extensions?.code);

/** POST /graphql as bo: the status and the parsed body (a string document is built at run time or invalid on purpose). */
async function post<R, V>(url: string, document: TypedDocumentNode<R, V>, variables: V): Promise<Posted<R>>;
async function post(url: string, document: string, variables: Record<string, unknown>): Promise<Posted<unknown>>;
async function post(
  url: string,
  document: TypedDocumentNode<unknown, never> | string,
  variables: unknown,
): Promise<Posted<unknown>> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bo}` },
    body: JSON.stringify({ query: queryText(document), variables }),
  });
  return { status: res.status, body: (await res.json()) as GqlResult<unknown> };
}
interface Posted<R> {
  status: number;
  body: GqlResult<R>;
}

const COLLABORATORS = graphql(`
  query CostCollaborators($id: ID!, $n: Int) {
    store(id: $id) {
      collaborators(first: $n) {
        nodes {
          user {
            name
          }
          store {
            name
          }
        }
      }
    }
  }
`);
const ROLES = graphql(`
  query CostStoreRoles($id: ID!) {
    store(id: $id) {
      roles {
        name
        permissions {
          handle
        }
      }
    }
  }
`);
const AUDIT_PAGE = graphql(`
  query CostAccessAudit($id: ID!, $first: Int, $after: String) {
    accessAudit(storeId: $id, first: $first, after: $after) {
      nodes {
        permission
        user {
          email
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const NESTED = graphql(`
  query CostNested($id: ID!) {
    store(id: $id) {
      collaborators(first: 250) {
        nodes {
          store {
            collaborators(first: 250) {
              nodes {
                id
              }
            }
          }
        }
      }
    }
  }
`);

describe("cost per item", () => {
  test("Cost: a list's cost grows with what it may return: a connection costs its page size times its node's cost, a plain list its maximum length times its item's", async () => {
    const requested = async (n: number) =>
      costOf((await post(s.url, COLLABORATORS, { id: big, n })).body).requestedQueryCost;
    // store 1 + collaborators (2 + n) + n users + n stores
    expect(await requested(20)).toBe(1 + 2 + 20 + 20 * 2);
    expect(await requested(40)).toBe(1 + 2 + 40 + 40 * 2);
    expect((await requested(200)) - (await requested(100))).toBe(100 * 3);
    // A plain list of objects costs its maximum length (each role 1; permissions are values of the catalog, free).
    const roles = await post(s.url, ROLES, { id: big });
    expect(roles.body.errors).toBeUndefined();
    expect(costOf(roles.body).requestedQueryCost).toBe(1 + (Number(LIST_MAX["Store.roles"]) || DEFAULT_LIST_MAX));
    // The actual cost counts each object the answer held: here 1 store + the roles returned.
    expect(costOf(roles.body).actualQueryCost).toBe(1 + must(roles.body.data?.store).roles.length);
  });

  test("Cost: the accessAudit of a big store without a permission is paged, never every grant in one answer", async () => {
    const all = 41 * STORE_PERMISSION_HANDLES.length;
    expect(all).toBeGreaterThan(250);
    // The old shape (a plain list of every grant) is no longer asked for.
    const whole = await post(s.url, `query($id: ID!) { accessAudit(storeId: $id) { permission } }`, { id: big });
    expect(whole.body.errors?.length).toBeGreaterThan(0);
    // Pages of at most 250 (a page of 251 is BAD_USER_INPUT), each costing what it may return.
    const tooBig = await post(s.url, AUDIT_PAGE, { id: big, first: 251 });
    expect(codes(tooBig.body)).toEqual(["BAD_USER_INPUT"]);
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      // (on the server with a big bucket: six pages of 502 in a row would be THROTTLED on the default one)
      const r: Posted<ResultOf<typeof AUDIT_PAGE>> = await post(bigBucket, AUDIT_PAGE, { id: big, first: 250, after });
      expect(r.body.errors).toBeUndefined();
      expect(costOf(r.body).requestedQueryCost).toBe(2 + 250 + 250);
      const page: ResultOf<typeof AUDIT_PAGE>["accessAudit"] = must(r.body.data).accessAudit;
      expect(page.nodes.length).toBeLessThanOrEqual(250);
      for (const g of page.nodes) seen.add(`${g.user.email} ${g.permission}`);
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = must(page.pageInfo.endCursor, "endCursor");
    }
    // Every grant once, over the pages: the owner and 40 Administrators hold every store permission.
    expect(seen.size).toBe(all);
    expect(pages).toBe(Math.ceil(all / 250));
  });

  test("Cost: one answer holds at most 2,500 list items: more is refused before anything runs with MAX_ITEMS_EXCEEDED, whatever the bucket holds", async () => {
    const r = await post(bigBucket, NESTED, { id: big });
    expect(r.status).toBe(400);
    expect(r.body.data ?? null).toBeNull();
    expect(codes(r.body)).toEqual(["MAX_ITEMS_EXCEEDED"]);
    expect(r.body.errors?.[0].message).toMatch(/could hold 62750 list items; at most 2500/);
    // Ten pages of 250 are the most one answer holds.
    const ten = await post(
      bigBucket,
      `query($id: ID!) { ${Array.from({ length: 10 }, (_, i) => `a${i}: store(id: $id) { collaborators(first: 250) { nodes { id } } }`).join(" ")} }`,
      { id: big },
    );
    expect(ten.body.errors).toBeUndefined();
    const eleven = await post(
      bigBucket,
      `query($id: ID!) { ${Array.from({ length: 11 }, (_, i) => `a${i}: store(id: $id) { collaborators(first: 250) { nodes { id } } }`).join(" ")} }`,
      { id: big },
    );
    expect(codes(eleven.body)).toEqual(["MAX_ITEMS_EXCEEDED"]);
    expect(MAX_ANSWER_ITEMS).toBe(2500);
  });
});
