// The API conventions (README, "Conventions") over HTTP: authentication, global ids and node(s), hidden objects
// reading like missing ones, the permission catalog, Store.roles, the audit log, the HTTP
// endpoints and coded errors. These are conventions, not R-rules, so tests are named "API: ...".
// All tests share one server; none changes what another test reads except where said.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { graphql } from "./generated";
import { dataOf, must, type GqlResult } from "./support/client";
import { REQUEST_CREATE_WITH_ROLE, SIGN_IN, VIEWER } from "./support/documents";
import { startServer, TestClient, TestServer } from "./support/server";
import { worldIds } from "./support/world";

let s: TestServer;
let ids: Record<string, string> = {};

beforeAll(async () => {
  s = await startServer();
  ids = await worldIds(s, ["erin"]);
});
afterAll(async () => s?.close());

const GID = /^gid:\/\/latchkey\/([A-Za-z]+)\/([1-9][0-9]*)$/;
/** A response without its extensions (extensions.cost holds the caller's bucket level, which moves with every request). */
const answer = ({ extensions: _, ...rest }: GqlResult<unknown>) => rest;

const STORE_ID = graphql(`
  query ApiStoreId($id: ID!) {
    store(id: $id) {
      id
    }
  }
`);

describe("authentication", () => {
  test("API: a wrong password and an unknown email give the same INVALID_CREDENTIALS and no token", async () => {
    const anon = s.anonymous();
    const wrong = must(
      (await anon.data(SIGN_IN, { input: { email: "erin@example.com", password: "password-nope" } })).signIn,
    );
    const unknown = must(
      (await anon.data(SIGN_IN, { input: { email: "nobody@example.com", password: "password-erin" } })).signIn,
    );
    expect(wrong.token).toBeNull();
    expect(wrong.viewer).toBeNull();
    expect(wrong.userErrors.map((e) => e.code)).toEqual(["INVALID_CREDENTIALS"]);
    expect(unknown.token).toBeNull();
    expect(unknown.viewer).toBeNull();
    // Nothing tells the two apart: same code, same message, same field.
    expect(unknown.userErrors).toEqual(wrong.userErrors);
  });

  test("API: signIn returns a token and the viewer; the token works as Bearer; signOut revokes it", async () => {
    const r = must(
      (await s.anonymous().data(SIGN_IN, { input: { email: "erin@example.com", password: "password-erin" } })).signIn,
    );
    expect(r.userErrors).toEqual([]);
    expect(typeof r.token).toBe("string");
    expect(r.viewer).toEqual({ id: ids.erin, name: "Erin Store-Owner", email: "erin@example.com" });
    expect(must(r.viewer).id).toMatch(GID);

    // Emails are matched without regard to case and surrounding blanks.
    const other = must(
      (await s.anonymous().data(SIGN_IN, { input: { email: "  ERIN@Example.com ", password: "password-erin" } }))
        .signIn,
    );
    expect(other.userErrors).toEqual([]);
    expect(other.token).not.toBe(r.token);

    const client = new TestClient(s.url, r.token);
    expect((await client.data(VIEWER)).viewer).toEqual(r.viewer);

    const out = await client.data(
      graphql(`
        mutation ApiSignOut {
          signOut {
            userErrors {
              code
              message
            }
          }
        }
      `),
    );
    expect(must(out.signOut).userErrors).toEqual([]);
    const after = await client.gql(VIEWER);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(after.data ?? null).toBeNull();
    // Only that session ended.
    expect(must((await new TestClient(s.url, other.token).data(VIEWER)).viewer).id).toBe(ids.erin);
  });

  test("API: no token or a garbage token is UNAUTHENTICATED", async () => {
    const none = await s.anonymous().gql(VIEWER);
    expect(none.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(none.data ?? null).toBeNull();
    const garbage = await new TestClient(s.url, "lk_this-is-not-a-token").gql(VIEWER);
    expect(garbage.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(garbage.data ?? null).toBeNull();
    const anonStore = await s.anonymous().gql(STORE_ID, { id: ids.acmeEu });
    expect(anonStore.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("global ids and nodes", () => {
  const NODE = graphql(`
    query ApiNode($id: ID!) {
      node(id: $id) {
        __typename
        id
        ... on Store {
          name
          domain
        }
        ... on Role {
          name
          system
        }
      }
    }
  `);
  const NODES = graphql(`
    query ApiNodes($ids: [ID!]!) {
      nodes(ids: $ids) {
        __typename
        id
        ... on Store {
          name
        }
        ... on Role {
          name
        }
      }
    }
  `);

  test("API: ids are gid://latchkey/<Type>/<n> and node(id) resolves a Store and a Role the viewer may see", async () => {
    const erin = await s.as("erin");
    const acmeEu = must(
      (
        await erin.data(
          graphql(`
            query ApiStoreIds($id: ID!) {
              store(id: $id) {
                id
                owner {
                  id
                }
                roles {
                  id
                }
                organization {
                  id
                }
              }
            }
          `),
          { id: ids.acmeEu },
        )
      ).store,
    );
    /** The type of a global id. */
    const typeOf = (id: string) => must(GID.exec(id), id)[1];
    expect(acmeEu.id).toMatch(GID);
    expect(typeOf(acmeEu.id)).toBe("Store");
    expect(typeOf(acmeEu.owner.id)).toBe("User");
    expect(typeOf(must(acmeEu.organization).id)).toBe("Organization");
    for (const role of acmeEu.roles) expect(typeOf(role.id)).toBe("Role");

    const store = await erin.data(NODE, { id: ids.acmeEu });
    expect(store.node).toEqual({ __typename: "Store", id: ids.acmeEu, name: "Acme EU", domain: "acme-eu.example.com" });
    const role = await erin.data(NODE, { id: ids.fulfilment });
    expect(role.node).toEqual({ __typename: "Role", id: ids.fulfilment, name: "Fulfilment", system: false });
  });

  test("API: node and nodes return null for a store the viewer may not see, exactly like a missing id", async () => {
    const erin = await s.as("erin");
    const hidden = await erin.gql(NODE, { id: ids.nordic });
    const missing = await erin.gql(NODE, { id: "gid://latchkey/Store/999999" });
    expect(answer(hidden)).toEqual({ data: { node: null } });
    expect(answer(missing)).toEqual({ data: { node: null } });
    const hiddenRole = await erin.gql(NODE, { id: ids.support }); // nordic's own role
    expect(answer(hiddenRole)).toEqual({ data: { node: null } });

    const many = await erin.gql(NODES, {
      ids: [ids.acmeEu, ids.fulfilment, ids.nordic, "gid://latchkey/Store/999999", ids.support],
    });
    expect(many.errors).toBeUndefined();
    expect(dataOf(many).nodes).toEqual([
      { __typename: "Store", id: ids.acmeEu, name: "Acme EU" },
      { __typename: "Role", id: ids.fulfilment, name: "Fulfilment" },
      null,
      null,
      null,
    ]);
  });

  test("API: a malformed id is BAD_USER_INPUT (store(id))", async () => {
    const erin = await s.as("erin");
    for (const bad of ["acme-eu", "gid://latchkey/Store/abc", "gid://other/Store/1"]) {
      const store = await erin.gql(STORE_ID, { id: bad });
      expect(store.errors?.[0]?.extensions?.code, `store(${bad})`).toBe("BAD_USER_INPUT");
    }
    const wrongType = await erin.gql(STORE_ID, { id: ids.fulfilment });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("API: a malformed id is BAD_USER_INPUT (node(id), nodes(ids))", async () => {
    const erin = await s.as("erin");
    for (const bad of ["acme-eu", "gid://latchkey/Store/abc", "gid://other/Store/1"]) {
      const node = await erin.gql(NODE, { id: bad });
      expect(node.errors?.[0]?.extensions?.code, `node(${bad})`).toBe("BAD_USER_INPUT");
      const nodes = await erin.gql(NODES, { ids: [ids.acmeEu, bad] });
      expect(nodes.errors?.[0]?.extensions?.code, `nodes([.., ${bad}])`).toBe("BAD_USER_INPUT");
    }
  });

  test("API: an object the viewer may not see reads exactly like a missing one (store(id) of acme-eu as nora)", async () => {
    const nora = await s.as("nora");
    const STORE = graphql(`
      query ApiStoreName($id: ID!) {
        store(id: $id) {
          id
          name
        }
      }
    `);
    const hidden = await nora.gql(STORE, { id: ids.acmeEu });
    const missing = await nora.gql(STORE, { id: "gid://latchkey/Store/999999" });
    expect(answer(hidden)).toEqual({ data: { store: null } });
    expect(answer(missing)).toEqual(answer(hidden));
    const byDomain = await nora.gql(
      graphql(`
        query ApiAcmeEuByDomain {
          storeByDomain(domain: "acme-eu.example.com") {
            id
          }
        }
      `),
    );
    expect(answer(byDomain)).toEqual({ data: { storeByDomain: null } });
    const byMissingDomain = await nora.gql(
      graphql(`
        query ApiMissingByDomain {
          storeByDomain(domain: "nowhere.example.com") {
            id
          }
        }
      `),
    );
    expect(answer(byMissingDomain)).toEqual(answer(byDomain));
    // Her own store she sees.
    expect((await nora.data(STORE, { id: ids.nordic })).store).toEqual({ id: ids.nordic, name: "Nordic" });
  });
});

describe("catalog and roles", () => {
  test("API: permissions returns the catalog with sensitive flags and groups", async () => {
    const erin = await s.as("erin");
    const { permissions } = await erin.data(
      graphql(`
        query ApiPermissions {
          permissions {
            handle
            name
            group
            sensitive
          }
        }
      `),
    );
    const by = new Map(permissions.map((p) => [p.handle, p]));
    expect(by.get("finance.billing")).toMatchObject({ sensitive: true, group: "finance" });
    expect(by.get("finance.payment_settings")?.sensitive).toBe(true);
    expect(by.get("customers.request_data")?.sensitive).toBe(true);
    expect(by.get("orders")).toMatchObject({ sensitive: false, group: "orders" });
    expect(by.get("orders.edit")).toMatchObject({ sensitive: false, group: "orders" });
    expect(by.get("online_store.themes")?.group).toBe("online_store");
    for (const h of ["home", "pos", "users", "settings.taxes", "org.users"]) expect(by.has(h), h).toBe(true);
    expect(
      permissions
        .filter((p) => p.sensitive)
        .map((p) => p.handle)
        .sort(),
    ).toEqual(["customers.request_data", "finance.billing", "finance.payment_settings"]);
    for (const p of permissions) {
      expect(p.name.length, p.handle).toBeGreaterThan(0);
      if (!p.handle.startsWith("org.")) expect(p.group, p.handle).toBe(p.handle.split(".")[0]);
    }
  });

  test("API: Store.roles lists the store's roles, the organization's store roles, Administrator and pending requests' auto-generated roles", async () => {
    // Changes acme-eu: kira sends a pending request.
    const kira = await s.as("kira");
    const req = must(
      (
        await kira.data(REQUEST_CREATE_WITH_ROLE, {
          input: { storeDomain: "acme-eu.example.com", requestCode: "4821", permissions: ["orders", "customers"] },
        })
      ).collaboratorRequestCreate,
    );
    expect(req.userErrors).toEqual([]);
    const auto = must(must(req.collaborator).autoGeneratedRole);
    expect(auto.name).toBe("Kira Koi x Acme EU");

    const erin = await s.as("erin");
    const { store } = await erin.data(
      graphql(`
        query ApiStoreRoles($id: ID!) {
          store(id: $id) {
            roles {
              id
              name
              scope
              system
              autoGenerated
              permissions {
                handle
              }
            }
          }
        }
      `),
      { id: ids.acmeEu },
    );
    const roles = must(store).roles;
    const names = roles.map((r) => r.name).sort();
    expect(names).toEqual(
      ["Administrator", "Fulfilment", "Kira Koi x Acme EU", "Org merchandiser", "Point of sale", "Team lead"].sort(),
    );
    for (const r of roles) expect(r.scope, r.name).toBe("STORE");
    const admin = must(roles.find((r) => r.name === "Administrator"));
    expect(admin).toMatchObject({ system: true, autoGenerated: false });
    expect(admin.permissions.map((p) => p.handle)).toEqual(expect.arrayContaining(["finance.billing", "pos", "users"]));
    expect(roles.find((r) => r.name === "Fulfilment")).toMatchObject({ system: false, autoGenerated: false });
    expect(
      must(roles.find((r) => r.name === "Org merchandiser"))
        .permissions.map((p) => p.handle)
        .sort(),
    ).toEqual(["discounts", "products", "products.view"]);
    const autoRole = must(roles.find((r) => r.autoGenerated));
    expect(autoRole).toMatchObject({ id: auto.id, name: "Kira Koi x Acme EU", system: false });
    expect(autoRole.permissions.map((p) => p.handle).sort()).toEqual(["customers", "orders"]);

    // A single store: its own role, Administrator and kira's pending request's role; nothing of acme.
    const nora = await s.as("nora");
    const nordic = must(
      (
        await nora.data(
          graphql(`
            query ApiNordicRoles($id: ID!) {
              store(id: $id) {
                roles {
                  name
                  system
                  autoGenerated
                }
              }
            }
          `),
          { id: ids.nordic },
        )
      ).store,
    ).roles;
    expect(nordic.map((r) => r.name).sort()).toEqual(["Administrator", "Kira Koi x Nordic", "Support"]);
  });
});

describe("audit log", () => {
  const LOG = graphql(`
    query ApiAuditLog($storeId: ID!) {
      auditLog(storeId: $storeId, first: 250) {
        nodes {
          id
          action
          actorName
          targetName
          createdAt
          details
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  `);

  test("API: auditLog shows changes with the actor's name; dan (staff of acme-eu, no R9 standing) gets ACCESS_DENIED there; a store he cannot see reads as missing", async () => {
    const erin = await s.as("erin");
    const upd = must(
      (
        await erin.data(
          graphql(`
            mutation ApiRequestCodeOff($storeId: ID!) {
              storeCollaboratorSettingsUpdate(storeId: $storeId, requireRequestCode: false) {
                store {
                  requireCollaboratorRequestCode
                }
                userErrors {
                  code
                  message
                }
              }
            }
          `),
          { storeId: ids.acmeUs },
        )
      ).storeCollaboratorSettingsUpdate,
    );
    expect(upd.userErrors).toEqual([]);
    expect(must(upd.store).requireCollaboratorRequestCode).toBe(false);

    const log = (await erin.data(LOG, { storeId: ids.acmeUs })).auditLog;
    const events = log.nodes.filter((e) => e.action === "store.collaborator_settings_updated");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorName: "Erin Store-Owner", targetName: "Acme US" });
    expect(events[0].id).toMatch(/^gid:\/\/latchkey\/AuditEvent\/\d+$/);
    expect(events[0].details).toEqual({ before: { requireRequestCode: true }, after: { requireRequestCode: false } });
    expect(new Date(events[0].createdAt).getTime()).not.toBeNaN();
    // Only acme-us events: nothing of other stores (acme-eu had kira's request above, say).
    expect(log.nodes.every((e) => e.targetName !== "Acme EU")).toBe(true);

    const dan = await s.as("dan");
    // The gate's policy: dan sees acme-eu (he is its staff) but may not audit it (R9): ACCESS_DENIED, no events.
    const denied = await dan.gql(LOG, { storeId: ids.acmeEu });
    expect(denied.errors?.[0]?.extensions?.code).toBe("ACCESS_DENIED");
    expect(denied.data?.auditLog ?? null).toBeNull();
    // A store dan cannot see at all reads exactly as one that does not exist, so nothing leaks what exists.
    const hidden = await dan.gql(LOG, { storeId: ids.nordic });
    const missing = await dan.gql(LOG, { storeId: "gid://latchkey/Store/999999" });
    expect(hidden.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect(hidden.data?.auditLog ?? null).toBeNull();
  });
});

describe("HTTP and errors", () => {
  test("API: GET /healthz answers 200 with JSON status ok", async () => {
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  test("API: GET /graphql from a browser shows the Apollo Sandbox landing page", async () => {
    const res = await fetch(`${s.url}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html/i);
    expect(html).toMatch(/apollo/i);
  });

  test("API: a GraphQL validation error is coded GRAPHQL_VALIDATION_FAILED, without a stack trace", async () => {
    const erin = await s.as("erin");
    const r = await erin.raw(`{ viewer { id noSuchField } }`);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(r.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(Object.keys(r.errors![0].extensions ?? {})).toEqual(["code"]);
    expect(JSON.stringify(r)).not.toMatch(/stacktrace|\.ts:\d+|at .*\(/);

    const parse = await erin.raw(`{ viewer { id `);
    expect(parse.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(JSON.stringify(parse)).not.toMatch(/stacktrace/);
  });
});
