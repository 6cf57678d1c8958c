// Effective access over HTTP: explainAccess, R12 (Point of Sale), R13 (ownership), R17 (90 days),
// R19 (partner dashboard before mobile app), R21 (staff limit), R28 (the users index).
//
// All tests share one server and database. The describes run in file order and some rely on it:
// - R28 reads nordic's REQUESTED row (kira) before R19 accepts it.
// - R17 expects pia's last login to be the fixture's "10 days ago" (no earlier test reads a store as pia).
// - R13 hands acme-eu over to dan, so it runs last.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clock, DAY_MS } from "../src/clock";
import { graphql } from "./generated";
import type { CollaboratorStatus, UserStatus, UserType } from "./generated/graphql";
import { dataOf, must } from "./support/client";
import {
  COLLABORATOR_REMOVE,
  COLLABORATOR_ROLES_SET,
  REQUEST_ACCEPT,
  REQUEST_CREATE,
  SIGN_IN,
} from "./support/documents";
import { startServer, TestClient, TestServer } from "./support/server";
import { worldIds } from "./support/world";

let s: TestServer;
let ids: Record<string, string> = {};

beforeAll(async () => {
  s = await startServer();
  ids = await worldIds(s, ["erin", "ada", "dan", "uma", "nora", "nils", "pia", "pete", "pat", "kai", "kira"]);
});
afterAll(async () => {
  clock.reset();
  await s?.close();
});

const num = (gid: string) => Number(gid.split("/").pop());

/** A new session, signed in at the clock's current "now" (sessions live 30 days, so moving the clock far ends cached ones). */
async function signInFresh(
  key: string,
  client: "PARTNER_DASHBOARD" | "ADMIN" | "MOBILE_APP" = "PARTNER_DASHBOARD",
): Promise<TestClient> {
  const r = await s.anonymous().data(SIGN_IN, {
    input: { email: `${key}@example.com`, password: `password-${key}`, client },
  });
  const signIn = must(r.signIn, "the signIn payload");
  expect(signIn.userErrors).toEqual([]);
  return new TestClient(s.url, signIn.token);
}

const EXPLAIN = graphql(`
  query AccessExplain($userId: ID!, $storeId: ID!, $permission: String!) {
    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {
      allowed
      reasons
      explanations {
        rule
        message
      }
    }
  }
`);

async function explain(client: TestClient, user: string, store: string, permission: string) {
  const r = await client.data(EXPLAIN, { userId: ids[user], storeId: ids[store], permission });
  return r.explainAccess;
}

const COLLABORATORS = graphql(`
  query AccessCollaborators($id: ID!, $status: CollaboratorStatus) {
    store(id: $id) {
      collaborators(first: 50, status: $status) {
        nodes {
          id
          status
          lastLoginAt
          user {
            email
          }
          roles {
            name
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

async function collaborators(client: TestClient, store: string, status?: CollaboratorStatus) {
  const r = await client.data(COLLABORATORS, { id: ids[store], status: status ?? null });
  const page = must(r.store, store).collaborators;
  // 50 a page keeps the answer under the item cap (50 + 50 x 10 roles); the tests' stores hold a few.
  expect(page.pageInfo.hasNextPage).toBe(false);
  return page.nodes;
}

const emailsOf = (rows: { user: { email: string } }[]) => rows.map((r) => r.user.email).sort();

const USERS = graphql(`
  query AccessUsers($id: ID!, $userType: UserType, $status: UserStatus, $first: Int, $after: String) {
    store(id: $id) {
      users(userType: $userType, status: $status, first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            userType
            status
            user {
              email
            }
          }
        }
        nodes {
          id
          userType
          status
          user {
            email
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
    }
  }
`);

async function users(
  client: TestClient,
  store: string,
  filter: { userType?: UserType; status?: UserStatus; first?: number; after?: string } = {},
) {
  const r = await client.data(USERS, { id: ids[store], first: 250, ...filter });
  return must(r.store, store).users;
}

// The page bound alone: ids only, so the probe's cost (2 + 250 a page) fits the bucket whatever the earlier tests spent.
const USERS_PAGE = graphql(`
  query AccessUsersPage($id: ID!, $first: Int) {
    store(id: $id) {
      users(first: $first) {
        nodes {
          id
        }
      }
    }
  }
`);

const STAFF_COUNT = graphql(`
  query AccessStaffCount($id: ID!) {
    store(id: $id) {
      staffCount
      staffLimit
    }
  }
`);

const STORE_ID = graphql(`
  query AccessStoreId($id: ID!) {
    store(id: $id) {
      id
    }
  }
`);

async function ownerEmail(store: string): Promise<string> {
  const rows = await s.ds.query<{ email: string }[]>(
    `SELECT u.email AS email FROM stores st JOIN users u ON u.id = st."ownerId" WHERE st.id = ${num(ids[store])}`,
  );
  return rows[0].email;
}

describe("explainAccess", () => {
  test("Access: the store owner holds every store permission, explained as store owner", async () => {
    const erin = await s.as("erin");
    for (const permission of ["orders", "finance.billing", "pos", "users", "app:inbox"]) {
      const e = await explain(erin, "erin", "acmeEu", permission);
      expect(e.allowed, permission).toBe(true);
      expect(
        e.reasons.some((r) => r.startsWith("store owner")),
        JSON.stringify(e.reasons),
      ).toBe(true);
    }
  });

  test("Access: a staff member's permissions come from their roles (dan: orders via Fulfilment, no customers)", async () => {
    const erin = await s.as("erin");
    const orders = await explain(erin, "dan", "acmeEu", "orders");
    expect(orders.allowed).toBe(true);
    expect(
      orders.reasons.some((r) => r.includes("Fulfilment")),
      JSON.stringify(orders.reasons),
    ).toBe(true);
    const customers = await explain(erin, "dan", "acmeEu", "customers");
    expect(customers.allowed).toBe(false);
    expect(customers.reasons.length).toBeGreaterThan(0);
    expect(customers.reasons.some((r) => r.includes("Fulfilment"))).toBe(false);
  });

  test("Access: an unknown permission is BAD_USER_INPUT", async () => {
    const erin = await s.as("erin");
    const r = await erin.gql(EXPLAIN, { userId: ids.dan, storeId: ids.acmeEu, permission: "orders.teleport" });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.data?.explainAccess ?? null).toBeNull();
  });

  test("R9: only the user themself and those of R9 may ask; dan asking about pia on acme-eu, which he sees, gets ACCESS_DENIED; a store he cannot see reads as missing", async () => {
    const dan = await s.as("dan");
    const aboutPia = await dan.gql(EXPLAIN, { userId: ids.pia, storeId: ids.acmeEu, permission: "orders" });
    expect(aboutPia.errors?.[0]?.extensions?.code).toBe("ACCESS_DENIED");
    expect(aboutPia.data?.explainAccess ?? null).toBeNull();
    // Nordic, which dan cannot see, answers exactly as a store that does not exist.
    const missingStore = await dan.gql(EXPLAIN, {
      userId: ids.dan,
      storeId: "gid://latchkey/Store/999999",
      permission: "orders",
    });
    const nordic = await dan.gql(EXPLAIN, { userId: ids.pia, storeId: ids.nordic, permission: "orders" });
    expect(missingStore.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(nordic.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(nordic.errors?.[0]?.message).toBe(missingStore.errors?.[0]?.message);
    expect(nordic.data?.explainAccess ?? null).toBeNull();
    // Themself: allowed to ask.
    const self = await explain(dan, "dan", "acmeEu", "orders");
    expect(self.allowed).toBe(true);
    expect(self.reasons.some((r) => r.includes("Fulfilment"))).toBe(true);
    const selfDenied = await explain(dan, "dan", "acmeEu", "customers");
    expect(selfDenied.allowed).toBe(false);
  });
});

describe("R12", () => {
  test("R12: a collaborator has no Point of Sale access until a role with pos is assigned", async () => {
    const erin = await s.as("erin");
    const before = await explain(erin, "pia", "acmeEu", "pos");
    expect(before.allowed).toBe(false);
    expect(
      before.explanations.some((r) => r.rule === "R12"),
      JSON.stringify(before.reasons),
    ).toBe(true);
    // Pia still has her other permissions: it is pos that is missing.
    expect((await explain(erin, "pia", "acmeEu", "orders")).allowed).toBe(true);

    const pia = must(
      (await collaborators(erin, "acmeEu", "ACTIVE")).find((c) => c.user.email === "pia@example.com"),
      "pia's account on acme-eu",
    );
    expect(pia).toBeTruthy();
    const set = must(
      (await erin.data(COLLABORATOR_ROLES_SET, { id: pia.id, roleIds: [ids.fulfilment, ids.pointOfSale] }))
        .collaboratorRolesSet,
      "the collaboratorRolesSet payload",
    );
    expect(set.userErrors).toEqual([]);
    expect(
      must(set.collaborator, "pia's collaborator account")
        .roles.map((r) => r.name)
        .sort(),
    ).toEqual(["Fulfilment", "Point of sale"]);

    const after = await explain(erin, "pia", "acmeEu", "pos");
    expect(after.allowed).toBe(true);
    expect(
      after.reasons.some((r) => r.includes("Point of sale")),
      JSON.stringify(after.reasons),
    ).toBe(true);
    expect(after.explanations.some((r) => r.rule === "R12")).toBe(false);
  });
});

describe("R21", () => {
  test("R21: collaborators do not count against the staff limit (acme-eu: 4 staff of 5, unchanged by a new collaborator)", async () => {
    const erin = await s.as("erin");
    const initial = (await erin.data(STAFF_COUNT, { id: ids.acmeEu })).store;
    expect(initial).toEqual({ staffCount: 4, staffLimit: 5 }); // erin (owner), ada, dan, uma; pia is a collaborator
    const staff = await users(erin, "acmeEu", { userType: "STAFF", status: "ACTIVE" });
    expect(emailsOf(staff.nodes)).toEqual([
      "ada@example.com",
      "dan@example.com",
      "erin@example.com",
      "uma@example.com",
    ]);

    const pat = await s.as("pat");
    const req = must(
      (
        await pat.data(REQUEST_CREATE, {
          input: { storeDomain: "acme-eu.example.com", requestCode: "4821", permissions: ["orders"] },
        })
      ).collaboratorRequestCreate,
      "the collaboratorRequestCreate payload",
    );
    expect(req.userErrors).toEqual([]);
    expect(must((await erin.data(STAFF_COUNT, { id: ids.acmeEu })).store, "acme-eu").staffCount).toBe(4);

    // R10: in an organization the store owner drops the auto-generated role and assigns existing ones.
    const acc = must(
      (
        await erin.data(REQUEST_ACCEPT, {
          id: must(req.collaborator, "pat's request").id,
          input: { roleIds: [ids.fulfilment], dropAutoRole: true },
        })
      ).collaboratorRequestAccept,
      "the collaboratorRequestAccept payload",
    );
    expect(acc.userErrors).toEqual([]);
    expect(must(acc.collaborator, "pat's collaborator account").status).toBe("ACTIVE");

    const after = (await erin.data(STAFF_COUNT, { id: ids.acmeEu })).store;
    expect(after).toEqual({ staffCount: 4, staffLimit: 5 });
    const activeCollaborators = await users(erin, "acmeEu", { userType: "COLLABORATOR", status: "ACTIVE" });
    expect(emailsOf(activeCollaborators.nodes)).toEqual(["pat@example.com", "pia@example.com"]);
  });
});

describe("R28", () => {
  test("R28: the users index filters by user type STAFF / COLLABORATOR", async () => {
    const erin = await s.as("erin");
    const staff = await users(erin, "acmeEu", { userType: "STAFF" });
    expect(staff.nodes.every((n) => n.userType === "STAFF")).toBe(true);
    expect(emailsOf(staff.nodes)).toEqual([
      "ada@example.com",
      "dan@example.com",
      "erin@example.com",
      "uma@example.com",
    ]);
    const collab = await users(erin, "acmeEu", { userType: "COLLABORATOR" });
    expect(collab.nodes.length).toBeGreaterThan(0);
    expect(collab.nodes.every((n) => n.userType === "COLLABORATOR")).toBe(true);
    expect(emailsOf(collab.nodes)).toContain("pia@example.com");
    expect(
      collab.nodes.some((n) =>
        ["ada@example.com", "dan@example.com", "erin@example.com", "uma@example.com"].includes(n.user.email),
      ),
    ).toBe(false);
    const all = await users(erin, "acmeEu");
    expect(all.nodes.length).toBe(staff.nodes.length + collab.nodes.length);
  });

  test("R28: status EXPIRED (acme-us: pete) and ACTIVE filter rows by their status as the clock sees it", async () => {
    const erin = await s.as("erin");
    const expired = await users(erin, "acmeUs", { status: "EXPIRED" });
    expect(expired.nodes.map((n) => [n.user.email, n.userType, n.status])).toEqual([
      ["pete@example.com", "COLLABORATOR", "EXPIRED"],
    ]);
    const active = await users(erin, "acmeUs", { status: "ACTIVE" });
    expect(active.nodes.map((n) => [n.user.email, n.status])).toEqual([["erin@example.com", "ACTIVE"]]);
    const expiredCollaborators = await users(erin, "acmeUs", { userType: "COLLABORATOR", status: "EXPIRED" });
    expect(emailsOf(expiredCollaborators.nodes)).toEqual(["pete@example.com"]);
    expect((await users(erin, "acmeUs", { userType: "STAFF", status: "EXPIRED" })).nodes).toEqual([]);
  });

  test("R28: status REQUESTED lists pending requests only (nordic: kira)", async () => {
    const nora = await s.as("nora");
    const requested = await users(nora, "nordic", { status: "REQUESTED" });
    expect(requested.nodes.map((n) => [n.user.email, n.userType, n.status])).toEqual([
      ["kira@example.com", "COLLABORATOR", "REQUESTED"],
    ]);
    const active = await users(nora, "nordic", { status: "ACTIVE" });
    expect(emailsOf(active.nodes)).toEqual(["nils@example.com", "nora@example.com"]);
  });

  test("R28: status REMOVED lists removed collaborators, and they leave ACTIVE (acme-eu: kai requests, is accepted, removed)", async () => {
    const erin = await s.as("erin");
    const kai = await s.as("kai");
    const req = must(
      (
        await kai.data(REQUEST_CREATE, {
          input: { storeDomain: "acme-eu.example.com", requestCode: "4821", permissions: ["orders"] },
        })
      ).collaboratorRequestCreate,
      "the collaboratorRequestCreate payload",
    );
    expect(req.userErrors).toEqual([]);
    const id = must(req.collaborator, "kai's request").id;
    expect(emailsOf((await users(erin, "acmeEu", { status: "REQUESTED" })).nodes)).toEqual(["kai@example.com"]);

    const acc = must(
      (await erin.data(REQUEST_ACCEPT, { id, input: { roleIds: [ids.fulfilment], dropAutoRole: true } }))
        .collaboratorRequestAccept,
      "the collaboratorRequestAccept payload",
    );
    expect(acc.userErrors).toEqual([]);
    expect((await users(erin, "acmeEu", { status: "REQUESTED" })).nodes).toEqual([]);
    expect(emailsOf((await users(erin, "acmeEu", { status: "ACTIVE" })).nodes)).toContain("kai@example.com");
    expect((await users(erin, "acmeEu", { status: "REMOVED" })).nodes).toEqual([]);

    const rm = must(
      (await erin.data(COLLABORATOR_REMOVE, { id, password: "password-erin" })).collaboratorRemove,
      "the collaboratorRemove payload",
    );
    expect(rm.userErrors).toEqual([]);
    const removed = await users(erin, "acmeEu", { status: "REMOVED" });
    expect(removed.nodes.map((n) => [n.user.email, n.userType, n.status])).toEqual([
      ["kai@example.com", "COLLABORATOR", "REMOVED"],
    ]);
    expect(emailsOf((await users(erin, "acmeEu", { status: "ACTIVE" })).nodes)).not.toContain("kai@example.com");
    expect(emailsOf((await users(erin, "acmeEu", { userType: "STAFF", status: "REMOVED" })).nodes)).toEqual([]);
  });

  test("R28: the users index pages with first/after and pageInfo, at most 250 a page", async () => {
    const erin = await s.as("erin");
    const all = await users(erin, "acmeEu");
    expect(all.nodes.length).toBeGreaterThanOrEqual(5);
    expect(all.pageInfo.hasNextPage).toBe(false);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await users(erin, "acmeEu", { first: 2, ...(after ? { after } : {}) });
      pages++;
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor ?? null);
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 1);
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.nodes.length).toBe(2);
      after = must(page.pageInfo.endCursor, "endCursor");
      expect(pages).toBeLessThan(20);
    }
    expect(pages).toBe(Math.ceil(all.nodes.length / 2));
    expect(seen).toEqual(all.nodes.map((n) => n.id));

    const filtered = await users(erin, "acmeEu", { userType: "STAFF", first: 2 });
    expect(filtered.pageInfo.hasNextPage).toBe(true);
    const rest = await users(erin, "acmeEu", {
      userType: "STAFF",
      first: 2,
      after: must(filtered.pageInfo.endCursor, "endCursor"),
    });
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(emailsOf([...filtered.nodes, ...rest.nodes])).toEqual([
      "ada@example.com",
      "dan@example.com",
      "erin@example.com",
      "uma@example.com",
    ]);

    const tooMany = await erin.gql(USERS_PAGE, { id: ids.acmeEu, first: 251 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const ok = await erin.gql(USERS_PAGE, { id: ids.acmeEu, first: 250 });
    expect(ok.errors).toBeUndefined();
    expect(must(ok.data?.store, "acme-eu").users.nodes.map((n) => n.id)).toEqual(all.nodes.map((n) => n.id));
  });
});

describe("R19", () => {
  test("R19: a collaborator must read the store once through the partner dashboard before the mobile app works", async () => {
    const nora = await s.as("nora");
    const request = must(
      (await collaborators(nora, "nordic", "REQUESTED")).find((c) => c.user.email === "kira@example.com"),
      "kira's request on nordic",
    );
    expect(request).toBeTruthy();
    const acc = must(
      (await nora.data(REQUEST_ACCEPT, { id: request.id, input: { roleIds: [ids.support], dropAutoRole: true } }))
        .collaboratorRequestAccept,
      "the collaboratorRequestAccept payload",
    );
    expect(acc.userErrors).toEqual([]);
    expect(must(acc.collaborator, "kira's collaborator account").status).toBe("ACTIVE");

    const STORE = graphql(`
      query AccessStoreName($id: ID!) {
        store(id: $id) {
          id
          name
        }
      }
    `);
    const mobile = await s.as("kira", "MOBILE_APP");
    const denied = await mobile.gql(STORE, { id: ids.nordic });
    expect(denied.errors?.[0]?.extensions?.code).toBe("ACCESS_DENIED");
    expect(denied.errors?.[0]?.extensions?.rule).toBe("R19");
    expect(denied.errors?.[0]?.message).not.toMatch(/R\d/);
    expect(denied.data?.store ?? null).toBeNull();
    // The refused mobile read is no login: nothing was recorded.
    const [row] = await s.ds.query<{ lastLoginAt: unknown; dashboardLoginAt: unknown }[]>(
      `SELECT "lastLoginAt", "dashboardLoginAt" FROM store_users WHERE id = ${num(request.id)}`,
    );
    expect(row.lastLoginAt).toBeNull();
    expect(row.dashboardLoginAt).toBeNull();

    const dashboard = await s.as("kira", "PARTNER_DASHBOARD");
    const viaDashboard = await dashboard.gql(STORE, { id: ids.nordic });
    expect(viaDashboard.errors).toBeUndefined();
    expect(dataOf(viaDashboard).store).toEqual({ id: ids.nordic, name: "Nordic" });

    const nowMobile = await mobile.gql(STORE, { id: ids.nordic });
    expect(nowMobile.errors).toBeUndefined();
    expect(dataOf(nowMobile).store).toEqual({ id: ids.nordic, name: "Nordic" });
  });
});

describe("R17", () => {
  test("R17: pete (last login 100 days ago on acme-us) reads as EXPIRED and cannot read the store", async () => {
    const erin = await s.as("erin");
    const expired = await collaborators(erin, "acmeUs", "EXPIRED");
    const pete = expired.find((c) => c.user.email === "pete@example.com");
    expect(pete?.status).toBe("EXPIRED");
    expect(emailsOf(await collaborators(erin, "acmeUs", "ACTIVE"))).not.toContain("pete@example.com");

    const peteClient = await s.as("pete");
    const read = await peteClient.gql(STORE_ID, { id: ids.acmeUs });
    expect(read.errors).toBeUndefined();
    expect(dataOf(read).store).toBeNull();
    // Not revived by the refused read.
    expect(
      (await collaborators(erin, "acmeUs", "EXPIRED")).find((c) => c.user.email === "pete@example.com")?.status,
    ).toBe("EXPIRED");

    const why = await explain(erin, "pete", "acmeUs", "products");
    expect(why.allowed).toBe(false);
    expect(
      why.explanations.some((r) => r.rule === "R17"),
      JSON.stringify(why.reasons),
    ).toBe(true);
  });

  test("R17: pia (last login 10 days ago) is ACTIVE, and EXPIRED 81 days later without a login", async () => {
    const erin = await s.as("erin");
    const pia = must(
      (await collaborators(erin, "acmeEu", "ACTIVE")).find((c) => c.user.email === "pia@example.com"),
      "pia's account on acme-eu",
    );
    expect(pia?.status).toBe("ACTIVE");
    const daysSince = (clock.now().getTime() - new Date(must(pia.lastLoginAt, "pia's last login")).getTime()) / DAY_MS;
    expect(daysSince).toBeGreaterThan(9.9);
    expect(daysSince).toBeLessThan(10.1);
    try {
      clock.advance(81 * DAY_MS);
      const later = await signInFresh("erin");
      expect(emailsOf(await collaborators(later, "acmeEu", "ACTIVE"))).not.toContain("pia@example.com");
      const expired = (await collaborators(later, "acmeEu", "EXPIRED")).find((c) => c.user.email === "pia@example.com");
      expect(expired?.status).toBe("EXPIRED");
      const why = await explain(later, "pia", "acmeEu", "orders");
      expect(why.allowed).toBe(false);
      expect(why.explanations.some((r) => r.rule === "R17")).toBe(true);
    } finally {
      clock.reset();
    }
    expect(
      (await collaborators(erin, "acmeEu", "ACTIVE")).find((c) => c.user.email === "pia@example.com")?.status,
    ).toBe("ACTIVE");
  });

  test("R17: a collaborator's store read is a login: 89 days later still ACTIVE, 91 days later EXPIRED", async () => {
    const piaClient = await s.as("pia");
    const read = await piaClient.gql(STORE_ID, { id: ids.acmeEu });
    expect(read.errors).toBeUndefined();
    expect(dataOf(read).store).toEqual({ id: ids.acmeEu });

    const erin = await s.as("erin");
    const pia = must(
      (await collaborators(erin, "acmeEu", "ACTIVE")).find((c) => c.user.email === "pia@example.com"),
      "pia's account on acme-eu",
    );
    expect(
      Math.abs(clock.now().getTime() - new Date(must(pia.lastLoginAt, "pia's last login")).getTime()),
    ).toBeLessThan(60_000);
    try {
      clock.advance(89 * DAY_MS);
      const later = await signInFresh("erin");
      expect(
        (await collaborators(later, "acmeEu", "ACTIVE")).find((c) => c.user.email === "pia@example.com")?.status,
      ).toBe("ACTIVE");
      expect((await explain(later, "pia", "acmeEu", "orders")).allowed).toBe(true);

      clock.advance(2 * DAY_MS);
      expect(emailsOf(await collaborators(later, "acmeEu", "ACTIVE"))).not.toContain("pia@example.com");
      expect(
        (await collaborators(later, "acmeEu", "EXPIRED")).find((c) => c.user.email === "pia@example.com")?.status,
      ).toBe("EXPIRED");
      const why = await explain(later, "pia", "acmeEu", "orders");
      expect(why.allowed).toBe(false);
      expect(
        why.explanations.some((r) => r.rule === "R17"),
        JSON.stringify(why.reasons),
      ).toBe(true);

      // Expired: her own read of the store is refused (and does not revive the account).
      const piaLater = await signInFresh("pia");
      const refused = await piaLater.gql(STORE_ID, { id: ids.acmeEu });
      expect(refused.errors).toBeUndefined();
      expect(dataOf(refused).store).toBeNull();
      expect(
        (await collaborators(later, "acmeEu", "EXPIRED")).find((c) => c.user.email === "pia@example.com")?.status,
      ).toBe("EXPIRED");
    } finally {
      clock.reset();
    }
  });
});

// Runs last: it hands acme-eu over to dan.
describe("R13", () => {
  const TRANSFER = graphql(`
    mutation AccessOwnershipTransfer($storeId: ID!, $userId: ID!) {
      storeOwnershipTransfer(storeId: $storeId, userId: $userId) {
        store {
          id
          owner {
            email
          }
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `);
  const OWNER = graphql(`
    query AccessStoreOwner($id: ID!) {
      store(id: $id) {
        owner {
          email
        }
      }
    }
  `);
  const ownerOf = async (client: TestClient, store: string) =>
    must((await client.data(OWNER, { id: ids[store] })).store, store).owner.email;

  test("R13: ownership is never transferred to a collaborator (pia on acme-eu): OWNERSHIP_TO_COLLABORATOR, nothing changes", async () => {
    const erin = await s.as("erin");
    const r = must(
      (await erin.data(TRANSFER, { storeId: ids.acmeEu, userId: ids.pia })).storeOwnershipTransfer,
      "the storeOwnershipTransfer payload",
    );
    expect(r.store).toBeNull();
    expect(r.userErrors.map((e) => e.code)).toEqual(["OWNERSHIP_TO_COLLABORATOR"]);
    expect(await ownerOf(erin, "acmeEu")).toBe("erin@example.com");
    expect(await ownerEmail("acmeEu")).toBe("erin@example.com");
  });

  test("R13: only the owner transfers ownership: ada (Administrator) gets ACCESS_DENIED, nothing changes", async () => {
    const ada = await s.as("ada");
    for (const target of ["ada", "dan"]) {
      const r = await ada.gql(TRANSFER, { storeId: ids.acmeEu, userId: ids[target] });
      expect(r.errors?.[0]?.extensions?.code).toBe("ACCESS_DENIED");
      expect(r.data?.storeOwnershipTransfer ?? null).toBeNull();
    }
    expect(await ownerEmail("acmeEu")).toBe("erin@example.com");
  });

  test("R13: the owner transfers the store to a staff member (erin → dan)", async () => {
    const erin = await s.as("erin");
    const r = must(
      (await erin.data(TRANSFER, { storeId: ids.acmeEu, userId: ids.dan })).storeOwnershipTransfer,
      "the storeOwnershipTransfer payload",
    );
    expect(r.userErrors).toEqual([]);
    expect(must(r.store, "acme-eu").owner.email).toBe("dan@example.com");
    expect(await ownerEmail("acmeEu")).toBe("dan@example.com");
    const dan = await s.as("dan");
    expect(await ownerOf(dan, "acmeEu")).toBe("dan@example.com");
  });
});
