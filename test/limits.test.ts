// Hardening of the request itself: depth, aliases, tokens, body size, the calculated cost and the
// per-user leaky bucket (THROTTLED), production switches, CORS, CSRF prevention, where tokens may
// travel and what the log may hold. No R-rule is proven here, so tests are named "Security: ...".
// One world server with the default limits; extra servers (tiny bucket, production, open CORS)
// share its database.
import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { GraphQLError } from "graphql";
import { clock } from "../src/clock";
import { DEFAULT_LIMITS } from "../src/config";
import { createServer, formatError, type ServerOptions } from "../src/server";
import { createLogger } from "../src/observability/logger";
import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import { graphql } from "./generated";
import { dataOf, must, queryText, type GqlError, type GqlResult, type TypedDocumentNode } from "./support/client";
import { REQUEST_CREATE } from "./support/documents";
import { startServer, TestClient, TestServer } from "./support/server";
import { worldIds } from "./support/world";

let s: TestServer;
let ids: Record<string, string> = {};
const extra: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  s = await startServer(undefined, { server: { limits: DEFAULT_LIMITS } });
  ids = await worldIds(s, ["erin"]);
  ids.pixel = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
});
afterAll(async () => {
  for (const app of extra) await app.close();
  await s?.close();
});
afterEach(() => clock.reset());

/** Another server on the world's database, with other options; closed after all tests. */
async function serverWith(options: ServerOptions): Promise<string> {
  const app = await createServer(s.ds, options);
  extra.push(app);
  return `http://127.0.0.1:${await app.listen(0, "127.0.0.1")}`;
}

/** What every answer reports in extensions.cost: the operation's cost and the caller's bucket. */
interface Cost {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

interface Posted<R> {
  status: number;
  headers: Headers;
  body: GqlResult<R>;
}

/** POST /graphql with the whole answer: status, headers and parsed body. */
async function post<R, V>(
  url: string,
  document: TypedDocumentNode<R, V>,
  variables: V,
  token?: string | null,
  headers?: Record<string, string>,
): Promise<Posted<R>>;
/** A document that cannot be typed: invalid on purpose, or built at run time. Its data is `unknown`. */
async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string | null,
  headers?: Record<string, string>,
): Promise<Posted<unknown>>;
async function post(
  url: string,
  document: TypedDocumentNode<unknown, never> | string,
  variables: unknown = {},
  token?: string | null,
  headers: Record<string, string> = {},
): Promise<Posted<unknown>> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query: queryText(document), variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResult<unknown> };
}

const codes = (body: { errors?: GqlError[] }) => (body.errors ?? []).map((e) => e.extensions?.code);
/** The first top-level error of an answer, which the test expects. */
const firstError = (body: { errors?: GqlError[] }) => must(body.errors?.[0], "a top-level error");
/** The answer's extensions.cost (the server's cost report, typed here as Cost). */
const costOf = (body: GqlResult<unknown>) => must(body.extensions?.cost as Cost | undefined, "extensions.cost");

const VIEWER_ID = graphql(`
  query LimitsViewerId {
    viewer {
      id
    }
  }
`);
type ViewerIdAnswer = GqlResult<ResultOf<typeof VIEWER_ID>>;

describe("query limits", () => {
  test("Security: an operation 10 fields deep runs; 11 deep is refused with MAX_DEPTH_EXCEEDED, also through fragments", async () => {
    const erin = await s.as("erin");
    const ten = graphql(`
      query LimitsDepthTen($id: ID!) {
        store(id: $id) {
          collaborators(first: 1) {
            nodes {
              store {
                collaborators(first: 1) {
                  nodes {
                    store {
                      collaborators(first: 1) {
                        nodes {
                          id
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    `);
    const ok = await erin.gql(ten, { id: ids.acmeEu });
    expect(ok.errors).toBeUndefined();
    expect(
      must(dataOf(ok).store).collaborators.nodes[0].store.collaborators.nodes[0].store.collaborators.nodes[0].id,
    ).toMatch(/^gid:\/\/latchkey\/Collaborator\//);

    // The same operation with one level more (user { id } for id): refused, so a plain string.
    const eleven = `query($id: ID!) { store(id: $id) { collaborators(first: 1) { nodes { store { collaborators(first: 1) { nodes {
      store { collaborators(first: 1) { nodes { user { id } } } } } } } } } } }`;
    const refused = await post(s.url, eleven, { id: ids.acmeEu }, erin.token);
    expect(refused.status).toBe(400);
    expect(refused.body.data ?? null).toBeNull();
    expect(codes(refused.body)).toEqual(["MAX_DEPTH_EXCEEDED"]);
    expect(firstError(refused.body).message).toBe("The operation is 11 levels deep; at most 10 are allowed.");

    const viaFragments = `query($id: ID!) { store(id: $id) { ...A } }
      fragment A on Store { collaborators(first: 1) { nodes { store { ...B } } } }
      fragment B on Store { collaborators(first: 1) { nodes { store { collaborators(first: 1) { nodes { ... on Collaborator { user { id } } } } } } } }`;
    expect(codes((await post(s.url, viaFragments, { id: ids.acmeEu }, erin.token)).body)).toEqual([
      "MAX_DEPTH_EXCEEDED",
    ]);
  });

  test("Security: 15 aliases run; 16 are refused with MAX_ALIASES_EXCEEDED, every alias in the document counted", async () => {
    const erin = await s.as("erin");
    // Documents built at run time: untyped (raw, or post with a string).
    const aliases = (n: number, prefix = "a") =>
      Array.from({ length: n }, (_, i) => `${prefix}${i}: viewer { id }`).join(" ");
    const ok = await erin.raw(`{ ${aliases(15)} }`);
    expect(ok.errors).toBeUndefined();
    expect(Object.keys(dataOf(ok) as Record<string, unknown>)).toHaveLength(15);

    const refused = await post(s.url, `{ ${aliases(16)} }`, {}, erin.token);
    expect(refused.status).toBe(400);
    expect(refused.body.data ?? null).toBeNull();
    expect(codes(refused.body)).toEqual(["MAX_ALIASES_EXCEEDED"]);
    expect(firstError(refused.body).message).toBe("The request has 16 aliases; at most 15 are allowed.");

    // Nested aliases and aliases in fragments count as well.
    const spread = `{ ${aliases(8)} viewer { ...F } } fragment F on User { ${Array.from({ length: 8 }, (_, i) => `n${i}: name`).join(" ")} }`;
    expect(codes((await post(s.url, spread, {}, erin.token)).body)).toEqual(["MAX_ALIASES_EXCEEDED"]);
  });

  test("Security: a document of more than 2,000 tokens is a parse error, before anything runs", async () => {
    const erin = await s.as("erin");
    // Documents built at run time: untyped.
    const huge = `{ viewer { ${Array(2100).fill("id").join(" ")} } }`;
    expect(huge.length).toBeLessThan(DEFAULT_LIMITS.maxBodyBytes);
    const r = await post(s.url, huge, {}, erin.token);
    expect(r.status).toBe(400);
    expect(codes(r.body)).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expect(firstError(r.body).message).toMatch(/Document contains more tha[nt] 2000 tokens/);
    // Well under the bound, the same shape runs.
    expect((await erin.raw(`{ viewer { ${Array(500).fill("id").join(" ")} } }`)).errors).toBeUndefined();
  });

  test("Security: a body over 64 KiB is answered 413 with a JSON error, whether its length is declared or streamed", async () => {
    const erin = await s.as("erin");
    const padding = "x".repeat(DEFAULT_LIMITS.maxBodyBytes);
    const declared = await fetch(`${s.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${erin.token}` },
      body: JSON.stringify({ query: queryText(VIEWER_ID), variables: { padding } }),
    });
    expect(declared.status).toBe(413);
    expect(declared.headers.get("content-type")).toMatch(/application\/json/);
    expect(await declared.json()).toEqual({
      errors: [{ message: "The request body is larger than 65536 bytes.", extensions: { code: "PAYLOAD_TOO_LARGE" } }],
    });

    // Chunked, without a Content-Length: refused while reading.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        `${s.url}/graphql`,
        { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
        (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on("error", reject);
      req.write(`{"query":${JSON.stringify(queryText(VIEWER_ID))},"variables":{"padding":"`);
      for (let i = 0; i < 5; i++) req.write("y".repeat(16 * 1024));
      req.end(`"}}`);
    });
    expect(streamed.status).toBe(413);
    expect(firstError(JSON.parse(streamed.body) as GqlResult<unknown>).extensions?.code).toBe("PAYLOAD_TOO_LARGE");

    // Just under the limit is read and answered. (padding is no variable of the operation: it only
    // makes the body big, hence the cast.)
    const under = await post(
      s.url,
      VIEWER_ID,
      { padding: "z".repeat(DEFAULT_LIMITS.maxBodyBytes - 200) } as unknown as VariablesOf<typeof VIEWER_ID>,
      erin.token,
    );
    expect(under.status).toBe(200);
    expect(dataOf(under.body).viewer.id).toBe(ids.erin);
  });

  test("Security: pages are capped at 250: first 251 is BAD_USER_INPUT", async () => {
    const erin = await s.as("erin");
    const r = await erin.gql(
      graphql(`
        query LimitsPage251($id: ID!) {
          store(id: $id) {
            collaborators(first: 251) {
              nodes {
                id
              }
            }
          }
        }
      `),
      { id: ids.acmeEu },
    );
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    expect(firstError(r).message).toBe("first must be between 0 and 250.");
    const ok = await erin.gql(
      graphql(`
        query LimitsPage250($id: ID!) {
          store(id: $id) {
            collaborators(first: 250) {
              nodes {
                id
              }
            }
          }
        }
      `),
      { id: ids.acmeEu },
    );
    expect(ok.errors).toBeUndefined();
  });
});

describe("calculated cost", () => {
  const COLLABORATORS = graphql(`
    query LimitsCostCollaborators($id: ID!, $n: Int) {
      store(id: $id) {
        collaborators(first: $n) {
          nodes {
            user {
              name
            }
          }
        }
      }
    }
  `);

  test("Security: every response reports its cost; store { collaborators(first: 20) { nodes { user { name } } } } costs 43", async () => {
    const erin = await s.as("erin");
    clock.set(clock.now()); // the bucket refills with time: hold the clock so the level is exact
    const r = await post(s.url, COLLABORATORS, { id: ids.acmeEu, n: 20 }, erin.token).finally(() => clock.reset());
    expect(r.body.errors).toBeUndefined();
    // store 1 + collaborators (2 + 20) + a user per collaborator 20 x 1; the answer held fewer
    // collaborators (each with its user), and that is what it cost
    expect(costOf(r.body).requestedQueryCost).toBe(1 + (2 + 20) + 20 * 1); // 43
    const returned = must(dataOf(r.body).store).collaborators.nodes.length;
    expect(returned).toBeGreaterThan(0);
    expect(returned).toBeLessThan(20);
    expect(costOf(r.body).actualQueryCost).toBe(1 + (2 + returned) + returned * 1);
    expect(costOf(r.body).throttleStatus).toMatchObject({ maximumAvailable: 1000, restoreRate: 50 });
    expect(costOf(r.body).throttleStatus.currentlyAvailable).toBeLessThanOrEqual(1000 - costOf(r.body).actualQueryCost);

    const cost = async <R, V>(document: TypedDocumentNode<R, V>, variables: V) =>
      costOf((await post(s.url, document, variables, erin.token)).body).requestedQueryCost;
    // The page size comes from variables too; without first or last it is 50.
    expect(await cost(COLLABORATORS, { id: ids.acmeEu, n: 100 })).toBe(1 + (2 + 100) + 100 * 1);
    expect(await cost(COLLABORATORS, { id: ids.acmeEu })).toBe(1 + (2 + 50) + 50 * 1);
    expect(
      await cost(
        graphql(`
          query LimitsCostLast($id: ID!) {
            store(id: $id) {
              collaborators(last: 5) {
                edges {
                  cursor
                  node {
                    id
                  }
                }
                pageInfo {
                  hasNextPage
                }
              }
            }
          }
        `),
        { id: ids.acmeEu },
      ),
    ).toBe(1 + (2 + 5));
    // Scalars are free; a plain list of objects costs its maximum length (250 when LIST_MAX names
    // none, as for Store.roles) times its item's cost: a role 1, its permissions (values) nothing;
    // every operation costs at least 1.
    expect(
      await cost(
        graphql(`
          query LimitsCostViewer {
            viewer {
              id
              name
            }
          }
        `),
        {},
      ),
    ).toBe(1);
    expect(
      await cost(
        graphql(`
          query LimitsCostRoles($id: ID!) {
            store(id: $id) {
              roles {
                name
                permissions {
                  handle
                }
              }
            }
          }
        `),
        { id: ids.acmeEu },
      ),
    ).toBe(1 + 250 * 1);
    expect(
      await cost(
        graphql(`
          query LimitsCostTypename {
            __typename
          }
        `),
        {},
      ),
    ).toBe(1);
    // A connection inside a connection's nodes is paged once per parent: 1 + (2 + 10) + 10 x (2 + 20);
    // the collaborators' ids are scalars, free.
    expect(
      await cost(
        graphql(`
          query LimitsCostNestedConnections($id: ID!) {
            partnerOrganization(id: $id) {
              stores(first: 10) {
                nodes {
                  collaborators(first: 20) {
                    nodes {
                      id
                    }
                  }
                }
              }
            }
          }
        `),
        { id: ids.pixel },
      ),
    ).toBe(1 + (2 + 10) + 10 * (2 + 20));
    // Errors before execution report cost 0 and still show the bucket.
    const invalid = await post(s.url, `{ viewer { noSuchField } }`, {}, erin.token);
    expect(costOf(invalid.body).requestedQueryCost).toBe(0);
    expect(costOf(invalid.body).throttleStatus.maximumAvailable).toBe(1000);
  });

  test("Security: a mutation costs 10, payload and userErrors included; two mutations cost 20", async () => {
    const anon = s.anonymous();
    // Right passwords: wrong ones would count towards the sign-in lockout.
    const one = await post(
      anon.url,
      graphql(`
        mutation LimitsCostSignIn {
          signIn(input: { email: "olive@example.com", password: "password-olive" }) {
            token
            userErrors {
              code
              message
            }
          }
        }
      `),
      {},
    );
    expect(must(dataOf(one.body).signIn).token).toMatch(/^lk_/);
    expect(costOf(one.body)).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
    const two = await post(
      anon.url,
      graphql(`
        mutation LimitsCostSignInTwice {
          a: signIn(input: { email: "olive@example.com", password: "password-olive" }) {
            token
            userErrors {
              code
              message
            }
          }
          b: signIn(input: { email: "olive@example.com", password: "password-olive" }) {
            token
            userErrors {
              code
              message
            }
          }
        }
      `),
      {},
    );
    expect(costOf(two.body).requestedQueryCost).toBe(20);
    // What the payload selects beyond that costs as in a query: viewer is one object.
    const withViewer = await post(
      anon.url,
      graphql(`
        mutation LimitsCostSignInViewer {
          signIn(input: { email: "olive@example.com", password: "password-olive" }) {
            token
            viewer {
              id
            }
            userErrors {
              code
            }
          }
        }
      `),
      {},
    );
    expect(must(must(dataOf(withViewer.body).signIn).viewer).id).toMatch(/^gid:\/\/latchkey\/User\//);
    expect(costOf(withViewer.body).requestedQueryCost).toBe(11);
  });

  test("Security: an operation costing more than the bucket holds is refused with MAX_COST_EXCEEDED, running nothing", async () => {
    const erin = await s.as("erin");
    // Two full pages of collaborators, each with its user and store: 500 list items, within the
    // answer's 2,500, but 2 x (1 + (2 + 250) + 250 x (1 + 1)) = 1,506, over the bucket's 1,000.
    const pages = graphql(`
      query LimitsCostTooHigh($id: ID!) {
        a: store(id: $id) {
          collaborators(first: 250) {
            nodes {
              user {
                id
              }
              store {
                id
              }
            }
          }
        }
        b: store(id: $id) {
          collaborators(first: 250) {
            nodes {
              user {
                id
              }
              store {
                id
              }
            }
          }
        }
      }
    `);
    const r = await post(s.url, pages, { id: ids.acmeEu }, erin.token);
    expect(r.status).toBe(400);
    expect(r.body.data ?? null).toBeNull();
    expect(codes(r.body)).toEqual(["MAX_COST_EXCEEDED"]);
    expect(costOf(r.body).requestedQueryCost).toBe(2 * (1 + (2 + 250) + 250 * (1 + 1)));
    expect(costOf(r.body).actualQueryCost).toBe(0);
    expect(firstError(r.body).message).toMatch(/^The operation costs 1506; at most 1000 is allowed/);
  });

  test("Security: an answer that may hold more than 2,500 list items is refused with MAX_ITEMS_EXCEEDED, running nothing, whatever the bucket holds", async () => {
    // A bucket big enough for the cost: the item cap refuses on its own.
    const url = await serverWith({ limits: { ...DEFAULT_LIMITS, costBucketSize: 100_000 } });
    const erin = await s.as("erin");
    // 250 collaborators, each with its store's 250 collaborators: 250 + 250 x 250 = 62,750 items.
    const nested = graphql(`
      query LimitsItemsTooMany($id: ID!) {
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
    const r = await post(url, nested, { id: ids.acmeEu }, erin.token);
    expect(r.status).toBe(400);
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors).toHaveLength(1);
    expect(codes(r.body)).toEqual(["MAX_ITEMS_EXCEEDED"]);
    expect(firstError(r.body).message).toBe(
      `The answer could hold ${250 + 250 * 250} list items; at most 2500 are allowed in one answer. Ask for smaller pages (first/last).`,
    );
    // It costs 1 + (2 + 250) + 250 x (1 + (2 + 250)) = 63,503, which this bucket holds: nothing
    // was charged for it.
    expect(costOf(r.body)).toEqual({
      requestedQueryCost: 1 + (2 + 250) + 250 * (1 + (2 + 250)),
      actualQueryCost: 0,
      throttleStatus: { maximumAvailable: 100_000, currentlyAvailable: 100_000, restoreRate: 50 },
    });

    // A mutation whose payload may hold as many: refused, and the setting is unchanged.
    const requireCode = async () => {
      const rows = await s.ds.query<{ v: unknown }[]>(
        `SELECT "requireRequestCode" AS v FROM stores WHERE domain = 'acme-eu.example.com'`,
      );
      return Boolean(rows[0].v);
    };
    const before = await requireCode();
    const mutation = await post(
      url,
      graphql(`
        mutation LimitsItemsTooManySettings($id: ID!, $on: Boolean!) {
          storeCollaboratorSettingsUpdate(storeId: $id, requireRequestCode: $on) {
            store {
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
        }
      `),
      { id: ids.acmeEu, on: !before },
      erin.token,
    );
    expect(mutation.status).toBe(400);
    expect(mutation.body.data ?? null).toBeNull();
    expect(codes(mutation.body)).toEqual(["MAX_ITEMS_EXCEEDED"]);
    expect(await requireCode()).toBe(before);
  });
});

describe("the leaky bucket", () => {
  const LIMITS = { ...DEFAULT_LIMITS, costBucketSize: 100, costLeakPerSecond: 10 };
  // Fifteen aliased stores (the most aliases allowed) with their owners: 15 x (1 + 1) = 30,
  // requested and actual.
  const OWNERS = graphql(`
    query LimitsBucketOwners($id: ID!) {
      s0: store(id: $id) {
        owner {
          id
        }
      }
      s1: store(id: $id) {
        owner {
          id
        }
      }
      s2: store(id: $id) {
        owner {
          id
        }
      }
      s3: store(id: $id) {
        owner {
          id
        }
      }
      s4: store(id: $id) {
        owner {
          id
        }
      }
      s5: store(id: $id) {
        owner {
          id
        }
      }
      s6: store(id: $id) {
        owner {
          id
        }
      }
      s7: store(id: $id) {
        owner {
          id
        }
      }
      s8: store(id: $id) {
        owner {
          id
        }
      }
      s9: store(id: $id) {
        owner {
          id
        }
      }
      s10: store(id: $id) {
        owner {
          id
        }
      }
      s11: store(id: $id) {
        owner {
          id
        }
      }
      s12: store(id: $id) {
        owner {
          id
        }
      }
      s13: store(id: $id) {
        owner {
          id
        }
      }
      s14: store(id: $id) {
        owner {
          id
        }
      }
    }
  `);
  // requested 1 + (2 + 45) + 45 x 1 = 93, within the bucket of 100
  const BIG_PAGE = graphql(`
    query LimitsBucketBigPage($id: ID!) {
      store(id: $id) {
        collaborators(first: 45) {
          nodes {
            user {
              name
            }
          }
        }
      }
    }
  `);
  // 10 + 1
  const SETTINGS = graphql(`
    mutation LimitsBucketSettings($id: ID!, $on: Boolean!) {
      storeCollaboratorSettingsUpdate(storeId: $id, requireRequestCode: $on) {
        store {
          requireCollaboratorRequestCode
        }
        userErrors {
          code
        }
      }
    }
  `);
  const requireCode = async () => {
    const rows = await s.ds.query<{ v: unknown }[]>(
      `SELECT "requireRequestCode" AS v FROM stores WHERE domain = 'acme-eu.example.com'`,
    );
    return Boolean(rows[0].v);
  };

  test("Security: a burst of expensive queries empties the user's bucket; then THROTTLED with retryAfterSeconds, nothing runs, and time refills it", async () => {
    const url = await serverWith({ limits: LIMITS });
    const erin = await s.as("erin");
    clock.set(new Date()); // the bucket leaks by the clock: frozen, only advance() refills it
    const available: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await post(url, OWNERS, { id: ids.acmeEu }, erin.token);
      expect(r.body.errors).toBeUndefined();
      expect(costOf(r.body)).toMatchObject({ requestedQueryCost: 30, actualQueryCost: 30 });
      available.push(costOf(r.body).throttleStatus.currentlyAvailable);
    }
    expect(available).toEqual([70, 40, 10]);

    const throttled = await post(url, OWNERS, { id: ids.acmeEu }, erin.token);
    expect(throttled.status).toBe(200);
    expect(throttled.body.data ?? null).toBeNull();
    expect(throttled.body.errors).toHaveLength(1);
    expect(firstError(throttled.body).extensions).toEqual({ code: "THROTTLED", retryAfterSeconds: 2 }); // (30 - 10) / 10 per second
    expect(firstError(throttled.body).message).toBe(
      "Throttled: this operation costs 30 and 10 is available; try again in 2 s.",
    );
    expect(throttled.headers.get("retry-after")).toBe("2");
    expect(costOf(throttled.body)).toEqual({
      requestedQueryCost: 30,
      actualQueryCost: 0,
      throttleStatus: { maximumAvailable: 100, currentlyAvailable: 10, restoreRate: 10 },
    });

    // A throttled mutation changes nothing.
    const before = await requireCode();
    const refused = await post(url, SETTINGS, { id: ids.acmeEu, on: !before }, erin.token);
    expect(codes(refused.body)).toEqual(["THROTTLED"]);
    expect(refused.body.data ?? null).toBeNull();
    expect(await requireCode()).toBe(before);

    // The bucket is erin's: another user is not throttled.
    const olive = await s.as("olive");
    expect((await post(url, OWNERS, { id: ids.acmeEu }, olive.token)).body.errors).toBeUndefined();

    // It leaks 10 a second: just short of the retry hint still throttled, at it allowed.
    clock.advance(1_999);
    expect(codes((await post(url, OWNERS, { id: ids.acmeEu }, erin.token)).body)).toEqual(["THROTTLED"]);
    clock.advance(1);
    const again = await post(url, OWNERS, { id: ids.acmeEu }, erin.token);
    expect(again.body.errors).toBeUndefined();
    expect(costOf(again.body).throttleStatus.currentlyAvailable).toBe(0);

    // Given time, it is full again (never fuller than its size), and a mutation costs 11 of it.
    clock.advance(3_600_000);
    const full = await post(url, SETTINGS, { id: ids.acmeEu, on: before }, erin.token);
    expect(full.body.errors).toBeUndefined();
    expect(costOf(full.body)).toEqual({
      requestedQueryCost: 11,
      actualQueryCost: 11,
      throttleStatus: { maximumAvailable: 100, currentlyAvailable: 89, restoreRate: 10 },
    });
  });

  test("Security: a big page needs its requested cost available, but the bucket keeps only what the answer held", async () => {
    const url = await serverWith({ limits: LIMITS });
    const erin = await s.as("erin");
    clock.set(new Date());
    const big = await post(url, BIG_PAGE, { id: ids.acmeEu }, erin.token);
    expect(big.body.errors).toBeUndefined();
    const returned = must(dataOf(big.body).store).collaborators.nodes.length;
    expect(returned).toBeGreaterThan(0);
    expect(returned).toBeLessThan(10);
    // 1 (store) + 2 + the collaborators returned + 1 per user returned (one per collaborator)
    const actual = 1 + (2 + returned) + returned * 1;
    expect(costOf(big.body)).toEqual({
      requestedQueryCost: 1 + (2 + 45) + 45 * 1,
      actualQueryCost: actual,
      throttleStatus: { maximumAvailable: 100, currentlyAvailable: 100 - actual, restoreRate: 10 },
    });
    // 30 more leaves less than 93: the big page is throttled, though it would return little.
    expect((await post(url, OWNERS, { id: ids.acmeEu }, erin.token)).body.errors).toBeUndefined();
    const throttled = await post(url, BIG_PAGE, { id: ids.acmeEu }, erin.token);
    expect(firstError(throttled.body).extensions?.code).toBe("THROTTLED");
    expect(firstError(throttled.body).extensions?.retryAfterSeconds).toBe(Math.ceil((93 - (100 - actual - 30)) / 10));
  });

  test("Security: anonymous requests pay from their address's bucket", async () => {
    const url = await serverWith({ limits: { ...LIMITS, costBucketSize: 30 } });
    clock.set(new Date());
    const SIGN_IN = graphql(`
      mutation LimitsBucketSignIn {
        signIn(input: { email: "olive@example.com", password: "password-olive" }) {
          token
          userErrors {
            code
          }
        }
      }
    `);
    for (let i = 0; i < 3; i++) expect(must(dataOf((await post(url, SIGN_IN, {})).body).signIn).token).toMatch(/^lk_/);
    const throttled = await post(url, SIGN_IN, {});
    expect(firstError(throttled.body).extensions).toEqual({ code: "THROTTLED", retryAfterSeconds: 1 });
    expect(costOf(throttled.body).throttleStatus.currentlyAvailable).toBe(0);
    // A signed-in user pays from their own bucket.
    const erin = await s.as("erin");
    expect(dataOf((await post(url, VIEWER_ID, {}, erin.token)).body).viewer.id).toBe(ids.erin);
  });
});

describe("production", () => {
  let url: string;
  beforeAll(async () => {
    url = await serverWith({ production: true });
  });

  test("Security: with production, introspection is refused", async () => {
    const erin = await s.as("erin");
    const types = graphql(`
      query LimitsIntrospectionTypes {
        __schema {
          types {
            name
          }
        }
      }
    `);
    const r = await post(url, types, {}, erin.token);
    expect(r.body.data ?? null).toBeNull();
    expect(codes(r.body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(firstError(r.body).message).toMatch(/introspection is not allowed/i);
    const storeType = graphql(`
      query LimitsIntrospectionStore {
        __type(name: "Store") {
          fields {
            name
          }
        }
      }
    `);
    expect(codes((await post(url, storeType, {}, erin.token)).body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    // Without production it is answered (Sandbox needs it).
    const queryType = graphql(`
      query LimitsIntrospectionQueryType {
        __schema {
          queryType {
            name
          }
        }
      }
    `);
    expect(dataOf((await post(s.url, queryType, {}, erin.token)).body).__schema.queryType.name).toBe("Query");
  });

  test("Security: with production, a browser at GET /graphql gets no Sandbox page", async () => {
    const res = await fetch(`${url}/graphql`, { headers: { accept: "text/html" } });
    expect(res.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    const text = await res.text();
    expect(text).not.toMatch(/<html/i);
    expect(text).not.toMatch(/sandbox/i);
  });

  test('Security: with production, errors carry no "Did you mean ...?" suggestions', async () => {
    const erin = await s.as("erin");
    const misspelled = `{ viewer { nmae } }`; // invalid on purpose: a plain string
    const dev = await post(s.url, misspelled, {}, erin.token);
    expect(firstError(dev.body).message).toMatch(/Did you mean "name"\?/);
    const prod = await post(url, misspelled, {}, erin.token);
    expect(codes(prod.body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(firstError(prod.body).message).toBe(`Cannot query field "nmae" on type "User".`);

    // A valid operation sent with an invalid enum value (ACTIVEE): a plain string, untyped variables.
    const badEnum = `query($id: ID!, $status: CollaboratorStatus) { store(id: $id) { collaborators(status: $status) { nodes { id } } } }`;
    const devEnum = await post(s.url, badEnum, { id: ids.acmeEu, status: "ACTIVEE" }, erin.token);
    expect(firstError(devEnum.body).message).toMatch(/Did you mean/);
    const prodEnum = await post(url, badEnum, { id: ids.acmeEu, status: "ACTIVEE" }, erin.token);
    expect(codes(prodEnum.body)).toEqual(["BAD_USER_INPUT"]);
    expect(firstError(prodEnum.body).message).not.toMatch(/Did you mean|ACTIVE"/);
  });
});

describe("CORS and CSRF", () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });

  test("Security: CORS is closed by default: no CORS header for any origin, preflight or request", async () => {
    const pre = await preflight(s.url, "https://evil.example");
    expect(pre.status).toBe(204);
    const erin = await s.as("erin");
    const r = await post(s.url, VIEWER_ID, {}, erin.token, { origin: "https://evil.example" });
    expect(r.status).toBe(200);
    for (const res of [pre, r]) {
      const cors = [...res.headers.keys()].filter((k) => k.startsWith("access-control-"));
      expect(cors).toEqual([]);
    }
  });

  test("Security: CORS opens for configured origins only, with Vary: Origin", async () => {
    const url = await serverWith({ corsOrigins: ["https://admin.example.com"] });
    const pre = await preflight(url, "https://admin.example.com");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://admin.example.com");
    expect(pre.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    expect(pre.headers.get("vary")).toMatch(/Origin/);

    const erin = await s.as("erin");
    const allowed = await post(url, VIEWER_ID, {}, erin.token, { origin: "https://admin.example.com" });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://admin.example.com");
    expect(allowed.headers.get("vary")).toMatch(/Origin/);

    const other = await post(url, VIEWER_ID, {}, erin.token, { origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("vary")).toMatch(/Origin/);
    expect((await preflight(url, "https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });

  test("Security: CSRF prevention: a GET without a preflight header and a text/plain POST are refused; nothing runs", async () => {
    const query = encodeURIComponent(queryText(VIEWER_ID));
    const erin = await s.as("erin");
    const bare = await fetch(`${s.url}/graphql?query=${query}`, { headers: { authorization: `Bearer ${erin.token}` } });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toMatch(/Cross-Site Request Forgery/);
    const withHeader = await fetch(`${s.url}/graphql?query=${query}`, {
      headers: { authorization: `Bearer ${erin.token}`, "apollo-require-preflight": "true" },
    });
    expect(withHeader.status).toBe(200);
    expect(dataOf((await withHeader.json()) as ViewerIdAnswer).viewer.id).toBe(ids.erin);

    // A form-like POST that would sign in: refused, and no session is made.
    const sessions = async () =>
      Number((await s.ds.query<{ n: unknown }[]>(`SELECT COUNT(*) AS n FROM sessions`))[0].n);
    const before = await sessions();
    const plain = await fetch(`${s.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({
        query: queryText(
          graphql(`
            mutation LimitsCsrfSignIn {
              signIn(input: { email: "erin@example.com", password: "password-erin" }) {
                token
              }
            }
          `),
        ),
      }),
    });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/Cross-Site Request Forgery/);
    expect(await sessions()).toBe(before);
  });
});

describe("tokens and the log", () => {
  test("Security: the session token is read only from the Authorization header, never a query string or a cookie", async () => {
    const erin = await s.as("erin");
    const query = encodeURIComponent(queryText(VIEWER_ID));
    const get = (suffix: string, headers: Record<string, string> = {}) =>
      fetch(`${s.url}/graphql?query=${query}${suffix}`, {
        headers: { "apollo-require-preflight": "true", ...headers },
      }).then((r) => r.json() as Promise<ViewerIdAnswer>);
    for (const suffix of [
      `&token=${erin.token}`,
      `&access_token=${erin.token}`,
      `&authorization=Bearer%20${erin.token}`,
    ]) {
      expect(codes(await get(suffix)), suffix).toEqual(["UNAUTHENTICATED"]);
    }
    expect(codes(await get("", { cookie: `token=${erin.token}; authorization=Bearer ${erin.token}` }))).toEqual([
      "UNAUTHENTICATED",
    ]);
    const body = await fetch(`${s.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: queryText(VIEWER_ID),
        token: erin.token,
        extensions: { authorization: `Bearer ${erin.token}` },
      }),
    }).then((r) => r.json() as Promise<ViewerIdAnswer>);
    expect(codes(body)).toEqual(["UNAUTHENTICATED"]);
    expect(dataOf(await get("", { authorization: `Bearer ${erin.token}` })).viewer.id).toBe(ids.erin);
  });

  test("Security: no log line holds a password, a token or a request code", async () => {
    const lines: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi
        .spyOn(console, m)
        .mockImplementation(
          (...args: unknown[]) =>
            void lines.push(
              args
                .map((a) => (a instanceof Error ? `${a.stack}` : typeof a === "string" ? a : JSON.stringify(a)))
                .join(" "),
            ),
        ),
    );
    try {
      const anon = s.anonymous();
      const SIGN_IN = graphql(`
        mutation LimitsLogSignIn($input: SignInInput!) {
          signIn(input: $input) {
            token
          }
        }
      `);
      const signIn = await anon.data(SIGN_IN, {
        input: { email: "pat@example.com", password: "password-pat" },
      });
      const token: string = must(must(signIn.signIn, "the signIn payload").token, "pat's token");
      await anon.gql(SIGN_IN, {
        input: { email: "pat@example.com", password: "password-not-hers" },
      });
      const pat = new TestClient(s.url, token);
      await pat.gql(REQUEST_CREATE, {
        input: { storeDomain: "studio.example.com", requestCode: "9876", permissions: ["orders"] },
      });
      await pat.raw(`{ viewer { id } } garbage "password-pat" ${token}`); // a parse error on purpose
      await new TestClient(s.url, `${token}x`).gql(VIEWER_ID);
      for (const line of lines) {
        expect(line).not.toContain("password-pat");
        expect(line).not.toContain("password-not-hers");
        expect(line).not.toContain(token);
        expect(line).not.toContain("9876");
        expect(line).not.toContain("5555");
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  test("Security: an internal error is logged by name, message and stack only, never its SQL parameters or the request's variables", () => {
    const driverError = Object.assign(new Error("SQLITE_CONSTRAINT: UNIQUE constraint failed: sessions.tokenHash"), {
      name: "QueryFailedError",
      query: `INSERT INTO "sessions" ("tokenHash") VALUES (?)`,
      parameters: ["secret-token-hash", "password-erin"],
      driverError: { detail: "Key (tokenHash)=(secret-token-hash) already exists." },
    });
    const wrapped = new GraphQLError("boom", {
      originalError: driverError,
      path: ["signIn"],
      extensions: { variables: { password: "password-erin" } },
    });
    const logged: string[] = [];
    // The log is pino's JSON lines (src/observability/logger.ts); capture them.
    const log = createLogger({ level: "info", destination: { write: (line: string) => void logged.push(line) } });
    const out = formatError(
      { message: "boom", path: ["signIn"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
      wrapped,
      false,
      log,
    );
    expect(out).toEqual({
      message: "Internal server error",
      locations: undefined,
      path: ["signIn"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(logged).toHaveLength(1);
    const text = logged.join("\n");
    expect(text).toContain("QueryFailedError: SQLITE_CONSTRAINT");
    expect(text).toContain("signIn");
    expect(text).not.toContain("secret-token-hash");
    expect(text).not.toContain("password-erin");
    expect(text).not.toContain("INSERT INTO");
  });
});
