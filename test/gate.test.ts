// The one access gate (src/authz/gate.ts), seen from outside: every object reaches a viewer as
// the abilities allow, by id and through fields. Without a token: UNAUTHENTICATED before any
// lookup; hidden reads as missing; seen but not allowed: ACCESS_DENIED; a narrow view (a
// requester's store) shows the name and domain only.
//
// The world of test/fixtures/world.json, plus: pat (Pixel Union's owner) has a pending request on
// acme-eu with a message, and kai (Koi's owner) an active collaborator account on studio that was
// never opened through the partner dashboard (R19).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clock } from "../src/clock";
import { graphql } from "./generated";
import { dataOf, errorCode, must, type GqlResult } from "./support/client";
import { readFixture, startServer, TestServer } from "./support/server";

let s: TestServer;
let ACME_EU = "";
let NORDIC = "";
let STUDIO = "";
let ACME = "";
let KOI = "";
let PIXEL = "";
const MISSING_STORE = "gid://latchkey/Store/999999";
const MISSING_ORG = "gid://latchkey/Organization/999999";

function world() {
  const fixture = JSON.parse(JSON.stringify(readFixture())) as {
    stores: { key: string; collaborators?: Record<string, unknown>[] }[];
  };
  const store = (key: string) =>
    must(
      fixture.stores.find((st) => st.key === key),
      key,
    );
  const eu = store("acme-eu");
  eu.collaborators = [
    ...(eu.collaborators ?? []),
    {
      user: "pat",
      partner: "pixel",
      status: "REQUESTED",
      permissions: ["orders"],
      message: "Secret plan for Acme EU",
      requestedDaysAgo: 1,
    },
  ];
  const studio = store("studio");
  studio.collaborators = [
    ...(studio.collaborators ?? []),
    { user: "kai", partner: "koi", status: "ACTIVE", roles: ["Editor"], lastLoginDaysAgo: 5 },
  ];
  return fixture;
}

beforeAll(async () => {
  s = await startServer(world());
  ACME_EU = await s.gid("Store", "stores", { domain: "acme-eu.example.com" });
  NORDIC = await s.gid("Store", "stores", { domain: "nordic.example.com" });
  STUDIO = await s.gid("Store", "stores", { domain: "studio.example.com" });
  ACME = await s.gid("Organization", "organizations", { name: "Acme" });
  KOI = await s.gid("PartnerOrganization", "partner_organizations", { name: "Koi Commerce" });
  PIXEL = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
});
afterAll(async () => s?.close());

const text = (answer: unknown) => JSON.stringify(answer);
const codes = (answer: GqlResult<unknown>) => (answer.errors ?? []).map((e) => e.extensions?.code);

// ---- documents ---------------------------------------------------------------------------------

const ACCESS_AUDIT = graphql(`
  query GateAccessAudit($storeId: ID!) {
    accessAudit(storeId: $storeId) {
      __typename
    }
  }
`);
const AUDIT_LOG = graphql(`
  query GateAuditLog($storeId: ID!) {
    auditLog(storeId: $storeId) {
      nodes {
        action
      }
    }
  }
`);
const ACCESS_REVIEW = graphql(`
  query GateAccessReview($storeId: ID!) {
    accessReview(storeId: $storeId) {
      __typename
    }
  }
`);
const NOTIFICATIONS = graphql(`
  query GateNotifications($storeId: ID!) {
    notifications(storeId: $storeId) {
      nodes {
        subject
      }
    }
  }
`);
const ORGANIZATION = graphql(`
  query GateOrganization($id: ID!) {
    organization(id: $id) {
      name
    }
  }
`);
const NODE_NAME = graphql(`
  query GateNodeId($id: ID!) {
    node(id: $id) {
      id
    }
  }
`);
const MY_REQUEST_STORES = graphql(`
  query GateMyRequestStores {
    viewer {
      collaboratorAccounts {
        id
        status
        lastLoginAt
        store {
          name
          domain
        }
      }
    }
  }
`);
const MY_REQUEST_STORE_OWNERS = graphql(`
  query GateMyRequestStoreOwners {
    viewer {
      collaboratorAccounts {
        store {
          domain
          owner {
            email
          }
          staffCount
        }
      }
    }
  }
`);
const NODE_COLLABORATOR_STORE_OWNER = graphql(`
  query GateNodeCollaboratorStoreOwner($id: ID!) {
    node(id: $id) {
      ... on Collaborator {
        store {
          name
          owner {
            email
          }
        }
      }
    }
  }
`);
const PARTNER_STORES = graphql(`
  query GatePartnerStores($id: ID!) {
    partnerOrganization(id: $id) {
      stores(first: 50) {
        nodes {
          name
          domain
        }
      }
    }
  }
`);
const PARTNER_STORE_OWNERS = graphql(`
  query GatePartnerStoreOwners($id: ID!) {
    partnerOrganization(id: $id) {
      stores(first: 50) {
        nodes {
          domain
          owner {
            email
          }
        }
      }
    }
  }
`);
const REQUEST_WITH_OWNER = graphql(`
  mutation GateRequestWithOwner($input: CollaboratorRequestCreateInput!) {
    collaboratorRequestCreate(input: $input) {
      collaborator {
        status
        store {
          name
          domain
          owner {
            email
          }
        }
      }
      userErrors {
        code
      }
    }
  }
`);
const USERS_INDEX = graphql(`
  query GateUsersIndex($id: ID!, $status: UserStatus, $userType: UserType) {
    store(id: $id) {
      users(first: 50, status: $status, userType: $userType) {
        nodes {
          id
          userType
          user {
            email
          }
          collaborator {
            message
            requestedPermissions {
              handle
            }
            partnerOrganization {
              name
            }
          }
        }
      }
    }
  }
`);
const PENDING_REQUESTS = graphql(`
  query GatePendingRequests($id: ID!) {
    store(id: $id) {
      collaborators(first: 50, status: REQUESTED) {
        nodes {
          id
          user {
            email
          }
          autoGeneratedRole {
            id
            name
          }
        }
      }
    }
  }
`);
const NODE_ROLE = graphql(`
  query GateNodeRole($id: ID!) {
    node(id: $id) {
      ... on Role {
        id
        name
        autoGenerated
      }
    }
  }
`);
const STORE_ROLES = graphql(`
  query GateStoreRoles($id: ID!) {
    store(id: $id) {
      roles {
        id
        name
      }
    }
  }
`);
const STORE_BY_ID = graphql(`
  query GateStoreById($id: ID!) {
    store(id: $id) {
      id
      name
    }
  }
`);
const NODE_STORE = graphql(`
  query GateNodeStore($id: ID!) {
    node(id: $id) {
      ... on Store {
        id
        name
      }
    }
  }
`);

// ---- finding 9: existence without a token ------------------------------------------------------

describe("without a token", () => {
  test("R9: accessAudit, auditLog, accessReview, notifications and organization answer UNAUTHENTICATED alike for an existing and a missing id", async () => {
    const anonymous = s.anonymous();
    const pairs: [string, GqlResult<unknown>, GqlResult<unknown>][] = [
      [
        "accessAudit",
        await anonymous.gql(ACCESS_AUDIT, { storeId: ACME_EU }),
        await anonymous.gql(ACCESS_AUDIT, { storeId: MISSING_STORE }),
      ],
      [
        "auditLog",
        await anonymous.gql(AUDIT_LOG, { storeId: ACME_EU }),
        await anonymous.gql(AUDIT_LOG, { storeId: MISSING_STORE }),
      ],
      [
        "accessReview",
        await anonymous.gql(ACCESS_REVIEW, { storeId: ACME_EU }),
        await anonymous.gql(ACCESS_REVIEW, { storeId: MISSING_STORE }),
      ],
      [
        "notifications",
        await anonymous.gql(NOTIFICATIONS, { storeId: ACME_EU }),
        await anonymous.gql(NOTIFICATIONS, { storeId: MISSING_STORE }),
      ],
      [
        "organization",
        await anonymous.gql(ORGANIZATION, { id: ACME }),
        await anonymous.gql(ORGANIZATION, { id: MISSING_ORG }),
      ],
      ["node", await anonymous.gql(NODE_NAME, { id: ACME_EU }), await anonymous.gql(NODE_NAME, { id: MISSING_STORE })],
    ];
    for (const [field, existing, missing] of pairs) {
      expect([field, errorCode(existing)]).toEqual([field, "UNAUTHENTICATED"]);
      expect([field, errorCode(missing)]).toEqual([field, "UNAUTHENTICATED"]);
      expect([field, existing.errors?.[0]?.message]).toEqual([field, missing.errors?.[0]?.message]);
      expect([field, existing.data ?? null]).toEqual([field, missing.data ?? null]);
    }
  });
});

// ---- finding 3: stores reached through other fields --------------------------------------------

describe("a store reached through another object", () => {
  test("R7, R9: a requester reads the name and domain of the store they asked, never its owner or staff count", async () => {
    const kira = await s.as("kira"); // pending request on nordic
    const accounts = dataOf(await kira.gql(MY_REQUEST_STORES)).viewer.collaboratorAccounts;
    expect(accounts.map((a) => [a.status, a.store.name, a.store.domain])).toEqual([
      ["REQUESTED", "Nordic", "nordic.example.com"],
    ]);

    const owners = await kira.gql(MY_REQUEST_STORE_OWNERS);
    expect(codes(owners)).toContain("ACCESS_DENIED");
    expect(text(owners)).not.toContain("nora@example.com");

    const byNode = await kira.gql(NODE_COLLABORATOR_STORE_OWNER, { id: accounts[0].id });
    expect(codes(byNode)).toContain("ACCESS_DENIED");
    expect(text(byNode)).not.toContain("nora@example.com");
  });

  test("R17: an expired collaborator reads the name and domain of the store, never its owner", async () => {
    const pete = await s.as("pete"); // acme-us, unused for 100 days
    const accounts = dataOf(await pete.gql(MY_REQUEST_STORES)).viewer.collaboratorAccounts;
    expect(accounts.map((a) => [a.status, a.store.domain])).toEqual([["EXPIRED", "acme-us.example.com"]]);
    const owners = await pete.gql(MY_REQUEST_STORE_OWNERS);
    expect(codes(owners)).toContain("ACCESS_DENIED");
    expect(text(owners)).not.toContain("erin@example.com");
  });

  test("R24: a partner organization's members read the name and domain of its client stores, and the owner only of a store they may read", async () => {
    const kai = await s.as("kai"); // Koi's owner: nordic is Koi's through kira's request
    const stores = must(dataOf(await kai.gql(PARTNER_STORES, { id: KOI })).partnerOrganization).stores.nodes;
    expect(stores.map((st) => st.domain)).toContain("nordic.example.com");
    const owners = await kai.gql(PARTNER_STORE_OWNERS, { id: KOI });
    expect(codes(owners)).toContain("ACCESS_DENIED");
    expect(text(owners)).not.toContain("nora@example.com");

    // pia may read acme-eu (her active account there): its owner is hers to see.
    const pia = await s.as("pia");
    const hers = must(dataOf(await pia.gql(PARTNER_STORE_OWNERS, { id: PIXEL })).partnerOrganization).stores.nodes;
    expect(hers.map((st) => [st.domain, st.owner.email])).toEqual([["acme-eu.example.com", "erin@example.com"]]);
  });

  test("R4: the collaboratorRequestCreate payload shows the store asked for by name and domain, not its owner", async () => {
    const pete = await s.as("pete");
    const answer = await pete.gql(REQUEST_WITH_OWNER, {
      input: { storeDomain: "nordic.example.com", requestCode: "1234", permissions: ["orders"] },
    });
    expect(codes(answer)).toEqual(["ACCESS_DENIED"]);
    expect(answer.errors?.[0]?.path).toEqual(["collaboratorRequestCreate", "collaborator", "store", "owner"]);
    expect(text(answer)).not.toContain("nora@example.com");
  });
});

// ---- finding 4: requests in the users index ----------------------------------------------------

describe("requests", () => {
  test("R9, R28: staff with the users permission see the accounts of the users index, never the requests", async () => {
    const uma = await s.as("uma"); // Team lead: users, on acme-eu
    const requested = await uma.gql(USERS_INDEX, { id: ACME_EU, status: "REQUESTED" });
    expect(must(dataOf(requested).store).users.nodes).toEqual([]);
    const collaborators = await uma.gql(USERS_INDEX, { id: ACME_EU, userType: "COLLABORATOR" });
    const rows = must(dataOf(collaborators).store).users.nodes;
    expect(rows.map((r) => r.user.email)).toEqual(["pia@example.com"]);
    expect(text(collaborators)).not.toContain("Secret plan");

    // ada (Administrator, R9) sees the request and what it says.
    const ada = await s.as("ada");
    const seen = must(dataOf(await ada.gql(USERS_INDEX, { id: ACME_EU, status: "REQUESTED" })).store).users.nodes;
    expect(seen.map((r) => [r.user.email, r.collaborator?.message])).toEqual([
      ["pat@example.com", "Secret plan for Acme EU"],
    ]);
    // The row itself, by id, reads as missing to uma.
    expect(dataOf(await uma.gql(NODE_NAME, { id: seen[0].id })).node).toBeNull();
    expect(dataOf(await ada.gql(NODE_NAME, { id: seen[0].id })).node).not.toBeNull();
  });

  test("R6, R9: a pending request's auto-generated role is read only by the requester and those who decide on it", async () => {
    const ada = await s.as("ada");
    const pending = must(dataOf(await ada.gql(PENDING_REQUESTS, { id: ACME_EU })).store).collaborators.nodes;
    const role = must(must(pending.find((p) => p.user.email === "pat@example.com")).autoGeneratedRole, "auto role");

    const dan = await s.as("dan"); // reads acme-eu, decides nothing
    expect(dataOf(await dan.gql(NODE_ROLE, { id: role.id })).node).toBeNull();
    const uma = await s.as("uma"); // manages roles (users), not collaborators
    expect(dataOf(await uma.gql(NODE_ROLE, { id: role.id })).node).toBeNull();
    const umaRoles = must(dataOf(await uma.gql(STORE_ROLES, { id: ACME_EU })).store).roles;
    expect(umaRoles.map((r) => r.id)).not.toContain(role.id);

    expect(dataOf(await ada.gql(NODE_ROLE, { id: role.id })).node).toMatchObject({ id: role.id });
    const pat = await s.as("pat"); // the requester
    expect(dataOf(await pat.gql(NODE_ROLE, { id: role.id })).node).toMatchObject({ id: role.id });
  });
});

// ---- finding 7: node(Store) reads as store(id:) --------------------------------------------------

describe("node(Store)", () => {
  test("R17, R19: node(Store) reads a store as store(id:) does: refused through the mobile app before a dashboard login, a login otherwise", async () => {
    const mobile = await s.as("kai", "MOBILE_APP");
    const byStore = await mobile.gql(STORE_BY_ID, { id: STUDIO });
    const byNode = await mobile.gql(NODE_STORE, { id: STUDIO });
    expect(errorCode(byStore)).toBe("ACCESS_DENIED");
    expect(errorCode(byNode)).toBe("ACCESS_DENIED");
    expect(byNode.errors?.[0]?.message).toBe(byStore.errors?.[0]?.message);

    const dashboard = await s.as("kai");
    const before = Date.parse(
      must(
        dataOf(await dashboard.gql(MY_REQUEST_STORES)).viewer.collaboratorAccounts.find(
          (a) => a.store.domain === "studio.example.com",
        )?.lastLoginAt,
        "lastLoginAt",
      ),
    );
    expect(before).toBeLessThan(clock.now().getTime() - 4 * 24 * 3600_000);
    expect(dataOf(await dashboard.gql(NODE_STORE, { id: STUDIO })).node).toMatchObject({ id: STUDIO });
    const after = Date.parse(
      must(
        dataOf(await dashboard.gql(MY_REQUEST_STORES)).viewer.collaboratorAccounts.find(
          (a) => a.store.domain === "studio.example.com",
        )?.lastLoginAt,
        "lastLoginAt",
      ),
    );
    expect(after).toBeGreaterThan(clock.now().getTime() - 60_000);
    // Now that the dashboard opened it, the mobile app reads it too, through node as through store.
    expect(dataOf(await mobile.gql(NODE_STORE, { id: STUDIO })).node).toMatchObject({ id: STUDIO });
  });

  test("R9: node reads a store the viewer may not see exactly as a missing one", async () => {
    const kira = await s.as("kira");
    expect(dataOf(await kira.gql(NODE_STORE, { id: NORDIC })).node).toBeNull();
    expect(dataOf(await kira.gql(NODE_STORE, { id: MISSING_STORE })).node).toBeNull();
  });
});

// ---- the last load-and-check helpers: withdraw, managed-store removal, audit chain, user -------

const WITHDRAW = graphql(`
  mutation GateWithdraw($id: ID!) {
    collaboratorRequestWithdraw(id: $id) {
      collaborator {
        status
      }
      userErrors {
        code
        field
      }
    }
  }
`);
const MANAGED_STORE_REMOVE = graphql(`
  mutation GateManagedStoreRemove($p: ID!, $s: ID!) {
    partnerManagedStoreRemove(partnerOrganizationId: $p, storeId: $s) {
      removedStoreId
      userErrors {
        code
        field
      }
    }
  }
`);
const VERIFY_CHAIN = graphql(`
  query GateVerifyChain {
    auditLogVerify {
      valid
    }
  }
`);
const USER_ACCESS = graphql(`
  query GateUserAccess($id: ID!) {
    userAccess(userId: $id, first: 50) {
      nodes {
        store {
          domain
        }
      }
    }
  }
`);
const OWN_AUDIT_LOG = graphql(`
  query GateOwnAuditLog {
    viewerAuditLog(first: 50) {
      nodes {
        actorName
      }
    }
  }
`);

describe("the gate's last actions", () => {
  test("R29: only the requester withdraws a request; those who decide on it see it and get ACCESS_DENIED, others NOT_FOUND", async () => {
    const ada = await s.as("ada"); // Administrator of acme-eu: decides on pat's request
    const pending = must(dataOf(await ada.gql(PENDING_REQUESTS, { id: ACME_EU })).store).collaborators.nodes;
    const request = must(
      pending.find((p) => p.user.email === "pat@example.com"),
      "pat's request",
    );

    for (const key of ["ada", "erin"]) {
      const refused = await (await s.as(key)).gql(WITHDRAW, { id: request.id });
      expect([key, errorCode(refused)]).toEqual([key, "ACCESS_DENIED"]);
    }
    // dan reads acme-eu but not its requests; pia is in pat's partner organization: missing to both.
    for (const key of ["dan", "pia"]) {
      const payload = must(
        dataOf(await (await s.as(key)).gql(WITHDRAW, { id: request.id })).collaboratorRequestWithdraw,
      );
      expect([key, payload.collaborator, payload.userErrors]).toEqual([
        key,
        null,
        [{ code: "NOT_FOUND", field: ["id"] }],
      ]);
    }
    const still = must(dataOf(await ada.gql(PENDING_REQUESTS, { id: ACME_EU })).store).collaborators.nodes;
    expect(still.map((p) => p.id)).toContain(request.id);
  });

  test("R25: removing a partner organization's access to a managed store is for its members with ADD_REMOVE: platform support, who sees the organization, gets ACCESS_DENIED; a stranger NOT_FOUND", async () => {
    const sam = await s.as("sam"); // platform support: reads partner organizations (R30)
    const refused = await sam.gql(MANAGED_STORE_REMOVE, { p: PIXEL, s: ACME_EU });
    expect(errorCode(refused)).toBe("ACCESS_DENIED");
    // The same answer whether or not the organization has the store: nothing said of its stores.
    const other = await sam.gql(MANAGED_STORE_REMOVE, { p: PIXEL, s: NORDIC });
    expect(errorCode(other)).toBe("ACCESS_DENIED");
    expect(other.errors?.[0]?.message).toBe(refused.errors?.[0]?.message);

    const kai = await s.as("kai"); // Koi's owner: Pixel Union reads as missing
    const foreign = must(
      dataOf(await kai.gql(MANAGED_STORE_REMOVE, { p: PIXEL, s: ACME_EU })).partnerManagedStoreRemove,
    );
    expect(foreign.userErrors).toEqual([{ code: "NOT_FOUND", field: ["partnerOrganizationId"] }]);

    const pax = await s.as("pax"); // Pixel Union staff, MANAGED access NONE
    const denied = await pax.gql(MANAGED_STORE_REMOVE, { p: PIXEL, s: ACME_EU });
    expect(errorCode(denied)).toBe("ACCESS_DENIED");
    expect(denied.errors?.[0]?.message).toContain("partner setting MANAGED access NONE");
    expect(denied.errors?.[0]?.extensions?.rule).toBe("R24");
    // pia still reaches acme-eu: nothing was removed.
    expect(dataOf(await (await s.as("pia")).gql(STORE_BY_ID, { id: ACME_EU })).store).not.toBeNull();
  });

  test("Audit: auditLogVerify is for platform support and owners of a store or an organization; anyone else gets ACCESS_DENIED", async () => {
    for (const key of ["sam", "erin", "nora"]) {
      expect([key, dataOf(await (await s.as(key)).gql(VERIFY_CHAIN)).auditLogVerify.valid]).toEqual([key, true]);
    }
    for (const key of ["dan", "pia", "kira"]) {
      const refused = await (await s.as(key)).gql(VERIFY_CHAIN);
      expect([key, errorCode(refused)]).toEqual([key, "ACCESS_DENIED"]);
      expect(refused.data ?? null).toBeNull();
    }
  });

  test("R9: userAccess shows a user all of theirs, a collaborator manager the stores where they manage, and anyone else NOT_FOUND as for a missing user", async () => {
    const PIA = await s.gid("User", "users", { email: "pia@example.com" });
    const MISSING_USER = "gid://latchkey/User/999999";
    const domains = (answer: GqlResult<{ userAccess: { nodes: { store: { domain: string } }[] } }>) =>
      dataOf(answer).userAccess.nodes.map((n) => n.store.domain);
    expect(domains(await (await s.as("pia")).gql(USER_ACCESS, { id: PIA }))).toEqual(["acme-eu.example.com"]);
    expect(domains(await (await s.as("ada")).gql(USER_ACCESS, { id: PIA }))).toEqual(["acme-eu.example.com"]);

    const dan = await s.as("dan"); // staff on acme-eu, manages no collaborators
    const hidden = await dan.gql(USER_ACCESS, { id: PIA });
    const missing = await dan.gql(USER_ACCESS, { id: MISSING_USER });
    expect(errorCode(hidden)).toBe("NOT_FOUND");
    expect(errorCode(missing)).toBe("NOT_FOUND");
    expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
  });

  test("R9: the viewer's own audit log holds the viewer's events only", async () => {
    const pia = await s.as("pia");
    const names = dataOf(await pia.gql(OWN_AUDIT_LOG)).viewerAuditLog.nodes.map((n) => n.actorName);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set([names[0]]));
  });
});

// ---- found by the review of the gate -----------------------------------------------------------

const GATE_TRANSFER = graphql(`
  mutation GateOwnershipTransfer($storeId: ID!, $userId: ID!) {
    storeOwnershipTransfer(storeId: $storeId, userId: $userId) {
      store {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const GATE_REPORT = graphql(`
  mutation GateReport($input: PartnerOrganizationReportInput!) {
    partnerOrganizationReport(input: $input) {
      report {
        id
        reason
      }
      userErrors {
        code
      }
    }
  }
`);
const GATE_NODE_REPORT = graphql(`
  query GateNodeReport($id: ID!) {
    node(id: $id) {
      id
      ... on PartnerReport {
        reason
      }
    }
  }
`);

describe("what the review of the gate found", () => {
  test("R13: storeOwnershipTransfer answers a user id with no account on the store exactly as one that does not exist (NOT_STAFF): no oracle for user ids", async () => {
    const erin = await s.as("erin");
    const transfer = async (userId: string) =>
      must((await erin.data(GATE_TRANSFER, { storeId: ACME_EU, userId })).storeOwnershipTransfer, "payload");
    const stranger = await transfer(await s.gid("User", "users", { email: "nils@example.com" }));
    const missing = await transfer("gid://latchkey/User/999999");
    expect(missing).toEqual(stranger);
    expect(stranger.store).toBeNull();
    expect(stranger.userErrors.map((e) => e.code)).toEqual(["NOT_STAFF"]);
  });

  test("R30: the merchant who files a report reads it (in the payload and by id), as platform support does; nobody else", async () => {
    const erin = await s.as("erin");
    const filed = must(
      (
        await erin.data(GATE_REPORT, {
          input: { storeId: ACME_EU, partnerOrganizationId: PIXEL, reason: "Asked for far more than the job needs." },
        })
      ).partnerOrganizationReport,
      "payload",
    );
    expect(filed.userErrors).toEqual([]);
    const report = must(filed.report, "the report in the payload");
    expect(report.reason).toBe("Asked for far more than the job needs.");
    for (const [key, sees] of [
      ["erin", true],
      ["sam", true],
      ["nora", false],
      ["pat", false],
      ["ada", false],
    ] as const) {
      const answer = await (await s.as(key)).data(GATE_NODE_REPORT, { id: report.id });
      expect(answer.node?.id ?? null, key).toBe(sees ? report.id : null);
    }
  });
});
