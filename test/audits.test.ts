// The permission audits over HTTP: accessAudit, explainAccess, userAccess, accessReview,
// collaboratorRequestAcceptPreview, the audit logs (store, organization, partner organization,
// viewer) with their filters, who may run which audit, and the hash chain (auditLogVerify).
//
// The first describes share one server and database, and run in file order, relying on it:
// - "who holds what" reads the fixture as loaded (pia: Fulfilment on acme-eu; pete: expired on acme-us).
// - "who may run which audit" previews kira's pending nordic request before "access review" accepts it.
// - "access review" expects that nobody signed in as uma before it (uma's staff account is unused).
// - "the audit log" freezes the clock, and moves it one minute before each change so that every event
//   has its own time; it changes pia's roles (R14) only in its last tests.
// The tampering describes each start their own server, since a tampered log stays broken.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clock, DAY_MS } from "../src/clock";
import { DEFAULT_LIMITS } from "../src/config";
import { graphql } from "./generated";
import type {
  AuditLogFilter,
  AuditsAccessAuditQuery,
  AuditsAccessAuditQueryVariables,
  AuditsEventFragment,
  AuditsExplainAccessQuery,
  AuditsViaFragment,
  ClientKind,
} from "./generated/graphql";
import { must, type GqlResult } from "./support/client";
import {
  COLLABORATOR_REMOVE,
  COLLABORATOR_ROLES_SET,
  REQUEST_ACCEPT,
  REQUEST_BLOCK_LIFT,
  REQUEST_CREATE,
  REQUEST_REJECT,
  REQUEST_WITHDRAW,
  ROLE_CREATE,
  SIGN_IN,
} from "./support/documents";
import { ok } from "./support/mutation-payloads";
import { startServer, TestClient, TestServer } from "./support/server";
import { worldIds } from "./support/world";

let s: TestServer;
// Each user here runs audit after audit (erin's per-item reviews alone cost hundreds), and "the
// audit log" freezes the clock, so nothing refills: the whole file spends under 2,000 of any
// user's bucket, and 10,000 leaves room. What the bucket refuses is test/cost.test.ts's and
// test/limits.test.ts's.
const AUDIT_LIMITS = { ...DEFAULT_LIMITS, costBucketSize: 10_000 };
let ids: Record<string, string> = {};

const USERS = [
  "olive",
  "oscar",
  "suki",
  "erin",
  "ada",
  "dan",
  "uma",
  "nora",
  "nils",
  "pat",
  "pia",
  "pete",
  "pax",
  "kai",
  "kira",
  "sam",
  "owen",
  "stan",
];

beforeAll(async () => {
  s = await startServer(undefined, { server: { limits: AUDIT_LIMITS } });
  ids = await worldIds(s, USERS);
  ids.studio = await s.gid("Store", "stores", { domain: "studio.example.com" });
  ids.acme = await s.gid("Organization", "organizations", { name: "Acme" });
  ids.pixel = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
  ids.koi = await s.gid("PartnerOrganization", "partner_organizations", { name: "Koi Commerce" });
  ids.kiraRequest = await s.gid("Collaborator", "store_users", { userId: num(ids.kira), storeId: num(ids.nordic) });
  ids.piaAccount = await s.gid("Collaborator", "store_users", { userId: num(ids.pia), storeId: num(ids.acmeEu) });
});
afterAll(async () => {
  clock.reset();
  await s?.close();
});

const num = (gid: string) => Number(gid.split("/").pop());
const MISSING = {
  store: "gid://latchkey/Store/999999",
  user: "gid://latchkey/User/999999",
  organization: "gid://latchkey/Organization/999999",
  partner: "gid://latchkey/PartnerOrganization/999999",
  collaborator: "gid://latchkey/Collaborator/999999",
};

/** A refused audit answers exactly as the same audit of an object that does not exist. */
function expectSameAsMissing(refused: GqlResult<unknown>, missing: GqlResult<unknown>) {
  expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  expect(refused.errors).toHaveLength(1);
  const refusedError = must(refused.errors, "the refused audit's errors")[0];
  const missingError = must(missing.errors, "the missing object's errors")[0];
  expect(refusedError.extensions).toEqual(missingError.extensions);
  expect(refusedError.message).toBe(missingError.message);
  expect(refused.data ?? null).toEqual(missing.data ?? null);
}

/** A refused audit of an object the viewer can see: ACCESS_DENIED, and nothing of the audit. */
function expectAccessDenied(refused: GqlResult<unknown>) {
  expect(refused.errors).toHaveLength(1);
  expect(must(refused.errors, "the refused audit's errors")[0].extensions?.code).toBe("ACCESS_DENIED");
  expect(refused.data ?? null).toBeNull();
}

async function count(table: string): Promise<number> {
  const rows: { n: number | string }[] = await s.ds.query(`SELECT COUNT(*) AS n FROM "${table}"`);
  return Number(rows[0].n);
}

// ---- GraphQL documents -------------------------------------------------------------------------

// A path of access, as every audit names it.
graphql(`
  fragment AuditsVia on AccessVia {
    kind
    role {
      name
    }
    partnerSetting
    reason
  }
`);
type Via = AuditsViaFragment;

const ACCESS_AUDIT = graphql(`
  query AuditsAccessAudit(
    $storeId: ID!
    $permission: String
    $userType: UserType
    $sensitiveOnly: Boolean
    $after: String
  ) {
    accessAudit(
      storeId: $storeId
      permission: $permission
      userType: $userType
      sensitiveOnly: $sensitiveOnly
      first: 10
      after: $after
    ) {
      nodes {
        user {
          name
          email
        }
        userType
        permission
        sensitive
        via {
          ...AuditsVia
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
type Grant = AuditsAccessAuditQuery["accessAudit"]["nodes"][number];

/** Every grant of the audit, read page by page (accessAudit is a connection). */
async function accessAudit(
  client: TestClient,
  storeId: string,
  args: Omit<AuditsAccessAuditQueryVariables, "storeId" | "after"> = {},
): Promise<Grant[]> {
  const grants: Grant[] = [];
  for (let after: string | null = null; ;) {
    const page: AuditsAccessAuditQuery["accessAudit"] = (await client.data(ACCESS_AUDIT, { storeId, ...args, after }))
      .accessAudit;
    grants.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return grants;
    after = must(page.pageInfo.endCursor, "endCursor");
  }
}

const EXPLAIN = graphql(`
  query AuditsExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {
    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {
      allowed
      reasons
      via {
        ...AuditsVia
      }
    }
  }
`);
type Explanation = AuditsExplainAccessQuery["explainAccess"];

async function explain(client: TestClient, user: string, storeId: string, permission: string): Promise<Explanation> {
  return (await client.data(EXPLAIN, { userId: ids[user], storeId, permission })).explainAccess;
}

const USER_ACCESS = graphql(`
  query AuditsUserAccess($userId: ID!) {
    userAccess(userId: $userId, first: 10) {
      nodes {
        store {
          name
        }
        userType
        permissions {
          handle
          sensitive
        }
        via {
          ...AuditsVia
        }
      }
    }
  }
`);

// An account an access review points at.
graphql(`
  fragment AuditsFinding on AccessReviewFinding {
    at
    user {
      name
    }
    store {
      name
    }
    storeUser {
      id
      userType
      status
    }
    collaborator {
      id
      status
      lastLoginAt
    }
    permissions {
      handle
    }
  }
`);
const REVIEW = graphql(`
  query AuditsAccessReview($storeId: ID, $organizationId: ID, $expiringWithinDays: Int, $unusedForDays: Int) {
    accessReview(
      storeId: $storeId
      organizationId: $organizationId
      expiringWithinDays: $expiringWithinDays
      unusedForDays: $unusedForDays
    ) {
      stores(first: 10) {
        nodes {
          name
        }
      }
      sensitiveCollaborators(first: 10) {
        nodes {
          ...AuditsFinding
        }
      }
      expiringCollaborators(first: 10) {
        nodes {
          ...AuditsFinding
        }
      }
      pendingRequests(first: 10) {
        nodes {
          id
          status
          user {
            name
          }
          store {
            name
          }
        }
      }
      unusedAccounts(first: 10) {
        nodes {
          ...AuditsFinding
        }
      }
      grantedBeyondRequest(first: 10) {
        nodes {
          ...AuditsFinding
        }
      }
    }
  }
`);

const PREVIEW = graphql(`
  query AuditsAcceptPreview($id: ID!, $input: CollaboratorRequestAcceptInput) {
    collaboratorRequestAcceptPreview(id: $id, input: $input) {
      collaborator {
        id
        status
      }
      roles {
        role {
          id
          name
        }
        name
        permissions {
          handle
        }
      }
      permissions {
        handle
        sensitive
      }
      sensitivePermissions {
        handle
      }
      beyondRequested {
        handle
      }
      userErrors {
        field
        message
        code
        rule
      }
    }
  }
`);

// An audit event, as every log gives it.
graphql(`
  fragment AuditsEvent on AuditEvent {
    id
    action
    actorName
    targetName
    targetType
    createdAt
    details
    hash
  }
`);
const STORE_LOG = graphql(`
  query AuditsStoreLog($storeId: ID!, $filter: AuditLogFilter) {
    auditLog(storeId: $storeId, first: 250, filter: $filter) {
      nodes {
        ...AuditsEvent
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);
const ORG_LOG = graphql(`
  query AuditsOrganizationLog($organizationId: ID!, $filter: AuditLogFilter) {
    organizationAuditLog(organizationId: $organizationId, first: 250, filter: $filter) {
      nodes {
        ...AuditsEvent
      }
    }
  }
`);
const PARTNER_LOG = graphql(`
  query AuditsPartnerLog($partnerOrganizationId: ID!, $filter: AuditLogFilter) {
    partnerOrganizationAuditLog(partnerOrganizationId: $partnerOrganizationId, first: 250, filter: $filter) {
      nodes {
        ...AuditsEvent
      }
    }
  }
`);
const VIEWER_LOG = graphql(`
  query AuditsViewerLog($filter: AuditLogFilter) {
    viewerAuditLog(first: 250, filter: $filter) {
      nodes {
        ...AuditsEvent
      }
    }
  }
`);
const VERIFY = graphql(`
  query AuditsVerify {
    auditLogVerify {
      valid
      checkedCount
      brokenEventId
      problem
    }
  }
`);
type AuditEvent = AuditsEventFragment;

/**
 * An event's details: JSON, which the schema types `unknown`; the test reads them as the shape the
 * event's action records (a wrong guess fails the test as reading a missing property would).
 */
const detailsOf = <T>(event: AuditEvent) => event.details as T;
/** collaborator.accepted */
interface AcceptedDetails {
  autoRoleDropped: boolean;
  roles: { name: string; permissions: string[] }[];
}
/** collaborator.roles_set: role names */
interface RolesSetDetails {
  before: string[];
  after: string[];
}
/** partner_member.updated: the member's settings before and after */
interface MemberUpdatedDetails {
  before: { storeAccess: Record<string, { access: string }> };
  after: { storeAccess: Record<string, { access: string }> };
}

async function storeLog(client: TestClient, storeId: string, filter?: AuditLogFilter): Promise<AuditEvent[]> {
  const r = await client.data(STORE_LOG, { storeId, filter: filter ?? null });
  expect(r.auditLog.pageInfo.hasNextPage).toBe(false);
  return r.auditLog.nodes;
}
async function orgLog(client: TestClient, organizationId: string, filter?: AuditLogFilter): Promise<AuditEvent[]> {
  return (await client.data(ORG_LOG, { organizationId, filter: filter ?? null })).organizationAuditLog.nodes;
}
async function partnerLog(
  client: TestClient,
  partnerOrganizationId: string,
  filter?: AuditLogFilter,
): Promise<AuditEvent[]> {
  return (await client.data(PARTNER_LOG, { partnerOrganizationId, filter: filter ?? null })).partnerOrganizationAuditLog
    .nodes;
}

const handles = (list: { handle: string }[]) => list.map((p) => p.handle).sort();
const names = (list: { user: { name: string } }[]) => [...new Set(list.map((g) => g.user.name))].sort();

// The mutations these tests make, besides the shared ones of ./support/documents.
const M = {
  regenerate: graphql(`
    mutation AuditsCodeRegenerate($storeId: ID!) {
      storeCollaboratorCodeRegenerate(storeId: $storeId) {
        code
        userErrors {
          field
          message
          code
        }
      }
    }
  `),
  settings: graphql(`
    mutation AuditsSettings($storeId: ID!, $require: Boolean!) {
      storeCollaboratorSettingsUpdate(storeId: $storeId, requireRequestCode: $require) {
        store {
          requireCollaboratorRequestCode
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `),
  transfer: graphql(`
    mutation AuditsOwnershipTransfer($storeId: ID!, $userId: ID!) {
      storeOwnershipTransfer(storeId: $storeId, userId: $userId) {
        store {
          owner {
            name
          }
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `),
  memberUpdate: graphql(`
    mutation AuditsMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {
      partnerMemberUpdate(id: $id, input: $input) {
        partnerMember {
          id
          storeAccess {
            storeType
            access
            storeIds
            actions
          }
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `),
  memberRemove: graphql(`
    mutation AuditsMemberRemove($id: ID!) {
      partnerMemberRemove(id: $id) {
        removedPartnerMemberId
        userErrors {
          field
          message
          code
        }
      }
    }
  `),
  memberInvite: graphql(`
    mutation AuditsMemberInvite($input: PartnerMemberInviteInput!) {
      partnerMemberInvite(input: $input) {
        partnerMember {
          id
          status
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `),
  orgRoleAssign: graphql(`
    mutation AuditsOrganizationRoleAssign($organizationId: ID!, $roleId: ID!) {
      organizationCollaboratorsRoleAssign(organizationId: $organizationId, roleId: $roleId) {
        assignedCount
        userErrors {
          field
          message
          code
        }
      }
    }
  `),
  viewerUpdate: graphql(`
    mutation AuditsViewerUpdate($input: ViewerUpdateInput!) {
      viewerUpdate(input: $input) {
        user {
          name
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `),
  partnerStoreCreate: graphql(`
    mutation AuditsPartnerStoreCreate($input: PartnerStoreCreateInput!) {
      partnerStoreCreate(input: $input) {
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
  `),
};

const REQUEST_CODE = graphql(`
  query AuditsRequestCode($id: ID!) {
    store(id: $id) {
      collaboratorRequestCode
    }
  }
`);
async function requestCode(storeId: string): Promise<string> {
  const erin = await s.as("erin");
  const store = must((await erin.data(REQUEST_CODE, { id: storeId })).store, storeId);
  return must(store.collaboratorRequestCode, `the request code of ${storeId}`);
}

const PARTNER_MEMBERS = graphql(`
  query AuditsPartnerMembers($id: ID!) {
    partnerOrganization(id: $id) {
      members {
        id
        user {
          email
        }
        invitedEmail
      }
    }
  }
`);
async function partnerMemberId(owner: TestClient, partnerOrganizationId: string, email: string): Promise<string> {
  const r = await owner.data(PARTNER_MEMBERS, { id: partnerOrganizationId });
  const member = must(r.partnerOrganization, partnerOrganizationId).members.find(
    (m) => m.user?.email === email || m.invitedEmail === email,
  );
  if (!member) throw new Error(`no member ${email}`);
  return member.id;
}

async function signInFresh(t: TestServer, key: string, client: ClientKind = "PARTNER_DASHBOARD"): Promise<TestClient> {
  const r = await t.anonymous().data(SIGN_IN, {
    input: { email: `${key}@example.com`, password: `password-${key}`, client },
  });
  const signIn = must(r.signIn, "signIn");
  expect(signIn.userErrors).toEqual([]);
  return new TestClient(t.url, must(signIn.token, `a token for ${key}`));
}

const ALL_STORE_PERMISSIONS_COUNT = 31; // the catalog's store permissions (docs/rules.md), without app: and channel:

describe("who holds what: accessAudit, explainAccess and userAccess", () => {
  test("Audit: accessAudit lists staff and collaborators holding orders with their paths", async () => {
    const grants = await accessAudit(await s.as("erin"), ids.acmeEu, { permission: "orders" });
    expect(grants.every((g) => g.permission === "orders" && g.sensitive === false)).toBe(true);
    // Suki (Store user administrator: users only), pete and the nordic staff hold nothing of acme-eu's orders.
    expect(names(grants)).toEqual([
      "Ada Admin",
      "Dan Fulfilment",
      "Erin Store-Owner",
      "Olive Owner",
      "Oscar Org-Admin",
      "Pia Pixel",
      "Uma Team-Lead",
    ]);
    const of = (name: string) => grants.filter((g) => g.user.name === name);
    for (const g of grants) expect(of(g.user.name)).toHaveLength(1);
    const expected: Record<string, { userType: string; via: Via }> = {
      "Erin Store-Owner": {
        userType: "STAFF",
        via: { kind: "OWNERSHIP", role: null, partnerSetting: null, reason: "store owner: every store permission" },
      },
      "Olive Owner": {
        userType: "STAFF",
        via: {
          kind: "OWNERSHIP",
          role: null,
          partnerSetting: null,
          reason: "organization owner: every store permission",
        },
      },
      "Oscar Org-Admin": {
        userType: "STAFF",
        via: {
          kind: "ORGANIZATION_ROLE",
          role: { name: "Organization administrator" },
          partnerSetting: null,
          reason: "role Organization administrator: every store permission",
        },
      },
      "Ada Admin": {
        userType: "STAFF",
        via: {
          kind: "ROLE",
          role: { name: "Administrator" },
          partnerSetting: null,
          reason: "role Administrator: every store permission",
        },
      },
      "Dan Fulfilment": {
        userType: "STAFF",
        via: { kind: "ROLE", role: { name: "Fulfilment" }, partnerSetting: null, reason: "staff role Fulfilment" },
      },
      "Uma Team-Lead": {
        userType: "STAFF",
        via: { kind: "ROLE", role: { name: "Team lead" }, partnerSetting: null, reason: "staff role Team lead" },
      },
      "Pia Pixel": {
        userType: "COLLABORATOR",
        via: {
          kind: "ROLE",
          role: { name: "Fulfilment" },
          partnerSetting: null,
          reason: "merchant side: collaborator role Fulfilment",
        },
      },
    };
    for (const [name, e] of Object.entries(expected)) {
      const [grant] = of(name);
      expect(grant.userType, name).toBe(e.userType);
      expect(grant.via, name).toContainEqual(e.via);
    }
  });

  test("R10: accessAudit shows a Store user administrator holding users through the organization role, next to a staff role with users", async () => {
    const grants = await accessAudit(await s.as("erin"), ids.acmeEu, { permission: "users" });
    const suki = grants.find((g) => g.user.name === "Suki Store-Admin");
    expect(suki).toMatchObject({ userType: "STAFF", permission: "users" });
    expect(must(suki, "Suki's grant").via).toEqual([
      {
        kind: "ORGANIZATION_ROLE",
        role: { name: "Store user administrator" },
        partnerSetting: null,
        reason: "role Store user administrator",
      },
    ]);
    expect(must(grants.find((g) => g.user.name === "Uma Team-Lead")).via).toContainEqual({
      kind: "ROLE",
      role: { name: "Team lead" },
      partnerSetting: null,
      reason: "staff role Team lead",
    });
    expect(names(grants)).not.toContain("Dan Fulfilment");
    expect(names(grants)).not.toContain("Pia Pixel");
    // Suki's role is assigned to acme-eu only: on acme-us she holds nothing.
    expect(names(await accessAudit(await s.as("erin"), ids.acmeUs, { permission: "users" }))).not.toContain(
      "Suki Store-Admin",
    );
  });

  test("Audit: accessAudit filters by user type", async () => {
    const erin = await s.as("erin");
    const all = await accessAudit(erin, ids.acmeEu);
    const collaborators = await accessAudit(erin, ids.acmeEu, { userType: "COLLABORATOR" });
    const staff = await accessAudit(erin, ids.acmeEu, { userType: "STAFF" });
    expect(collaborators.every((g) => g.userType === "COLLABORATOR")).toBe(true);
    expect(names(collaborators)).toEqual(["Pia Pixel"]);
    expect(collaborators.map((g) => g.permission).sort()).toEqual(["orders", "products.view"]);
    expect(staff.every((g) => g.userType === "STAFF")).toBe(true);
    expect(names(staff)).not.toContain("Pia Pixel");
    expect(names(staff)).toEqual(
      expect.arrayContaining(["Erin Store-Owner", "Ada Admin", "Dan Fulfilment", "Suki Store-Admin"]),
    );
    expect(collaborators.length + staff.length).toBe(all.length);
    // The owner holds every store permission.
    expect(staff.filter((g) => g.user.name === "Erin Store-Owner")).toHaveLength(ALL_STORE_PERMISSIONS_COUNT);
  });

  test("Audit: accessAudit with sensitiveOnly lists only the sensitive permissions, flagged", async () => {
    const erin = await s.as("erin");
    const grants = await accessAudit(erin, ids.acmeEu, { sensitiveOnly: true });
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((g) => g.sensitive)).toBe(true);
    expect([...new Set(grants.map((g) => g.permission))].sort()).toEqual([
      "customers.request_data",
      "finance.billing",
      "finance.payment_settings",
    ]);
    expect(names(grants)).toEqual(["Ada Admin", "Erin Store-Owner", "Oscar Org-Admin", "Olive Owner"].sort());
    expect(grants).toHaveLength(4 * 3);
    // The same grants appear unfiltered, flagged sensitive there too.
    const billing = await accessAudit(erin, ids.acmeEu, { permission: "finance.billing" });
    expect(billing.every((g) => g.sensitive)).toBe(true);
    expect(names(billing)).toEqual(names(grants));
    // A permission that is not sensitive gives nothing with sensitiveOnly; an unknown one is bad input.
    expect(await accessAudit(erin, ids.acmeEu, { permission: "orders", sensitiveOnly: true })).toEqual([]);
    const unknown = await erin.gql(ACCESS_AUDIT, { storeId: ids.acmeEu, permission: "orders.teleport" });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("R24: accessAudit shows the partner setting that gives a staff member a partner organization's development store", async () => {
    const pat = await s.as("pat");
    const created = ok(
      await pat.gql(M.partnerStoreCreate, {
        input: {
          partnerOrganizationId: ids.pixel,
          storeType: "DEVELOPMENT",
          name: "Pixel Lab",
          domain: "pixel-lab.example.com",
        },
      }),
    );
    ids.pixelLab = must(created.store, "the created store").id;
    const stan = await partnerMemberId(pat, ids.pixel, "stan@example.com");
    ok(
      await pat.gql(M.memberUpdate, {
        id: stan,
        input: {
          storeAccess: [
            {
              storeType: "DEVELOPMENT",
              access: "SPECIFIC",
              storeIds: [ids.pixelLab],
              actions: ["ADD_ARCHIVE_UNARCHIVE"],
            },
          ],
        },
      }),
    );

    const grants = await accessAudit(pat, ids.pixelLab, { permission: "orders" });
    // Stan reaches it through his DEVELOPMENT setting; pia and pete have no DEVELOPMENT access (NONE).
    expect(names(grants)).toEqual(["Pat Pixel", "Stan Pixel-Staff"]);
    const setting = "partner setting DEVELOPMENT access SPECIFIC includes this store";
    expect(must(grants.find((g) => g.user.name === "Stan Pixel-Staff")).via).toEqual([
      {
        kind: "PARTNER_SETTING",
        role: null,
        partnerSetting: setting,
        reason: `partner side: ${setting}: every store permission`,
      },
    ]);
    // Pat created the store, but holds it as the partner organization's owner (R22), not as its owner.
    const patVia = must(grants.find((g) => g.user.name === "Pat Pixel")).via;
    expect(patVia).toContainEqual({
      kind: "PARTNER_SETTING",
      role: null,
      partnerSetting: "partner organization owner (every store, every action)",
      reason: "partner side: partner organization owner (every store, every action): every store permission",
    });
  });

  test("Audit: explainAccess names the ownership, organization ownership or organization role that gives every store permission", async () => {
    const erin = await s.as("erin");
    expect(await explain(erin, "erin", ids.acmeEu, "finance.billing")).toEqual({
      allowed: true,
      reasons: ["store owner: every store permission"],
      via: [{ kind: "OWNERSHIP", role: null, partnerSetting: null, reason: "store owner: every store permission" }],
    });
    expect(await explain(erin, "olive", ids.acmeEu, "finance.billing")).toMatchObject({
      allowed: true,
      reasons: ["organization owner: every store permission"],
    });
    const oscar = await explain(erin, "oscar", ids.acmeUs, "finance.payment_settings");
    expect(oscar).toMatchObject({
      allowed: true,
      reasons: ["role Organization administrator: every store permission"],
    });
    expect(oscar.via).toEqual([
      {
        kind: "ORGANIZATION_ROLE",
        role: { name: "Organization administrator" },
        partnerSetting: null,
        reason: "role Organization administrator: every store permission",
      },
    ]);
    expect(await explain(erin, "ada", ids.acmeEu, "finance.billing")).toMatchObject({
      allowed: true,
      reasons: ["role Administrator: every store permission"],
    });
  });

  test("Audit: explainAccess names the staff role that gives a permission, and says that nothing gives one that is missing", async () => {
    const erin = await s.as("erin");
    const orders = await explain(erin, "dan", ids.acmeEu, "orders");
    expect(orders).toEqual({
      allowed: true,
      reasons: ["staff role Fulfilment"],
      via: [{ kind: "ROLE", role: { name: "Fulfilment" }, partnerSetting: null, reason: "staff role Fulfilment" }],
    });
    const billing = await explain(erin, "dan", ids.acmeEu, "finance.billing");
    expect(billing.allowed).toBe(false);
    expect(billing.reasons).toHaveLength(1);
    expect(billing.reasons[0]).toMatch(/no role, ownership or organization role gives permission finance\.billing/);
    // Asking for a permission that does not exist is bad input, not a "no".
    const unknown = await erin.gql(EXPLAIN, { userId: ids.dan, storeId: ids.acmeEu, permission: "orders.teleport" });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("R12: explainAccess names R12 when a collaborator has no pos role", async () => {
    const erin = await s.as("erin");
    const r12 = "merchant side: collaborators have no Point of Sale access unless a role with pos is assigned";
    const pia = await explain(erin, "pia", ids.acmeEu, "pos");
    expect(pia.allowed).toBe(false);
    expect(pia.reasons).toContain(r12);
    expect(pia.reasons).toContain("merchant side: collaborator roles: Fulfilment");
    expect(pia.via).toContainEqual({ kind: "RULE", role: null, partnerSetting: null, reason: r12 });
    // Staff are not under R12: dan lacks pos only because no role of his gives it.
    const dan = await explain(erin, "dan", ids.acmeEu, "pos");
    expect(dan.allowed).toBe(false);
    expect(dan.reasons.join("\n")).not.toMatch(/R12/);
    // The collaborator asks about themself and gets the same answer.
    expect(await explain(await s.as("pia"), "pia", ids.acmeEu, "pos")).toEqual(pia);
  });

  test("R17: explainAccess names R17 for a collaborator whose account expired after 90 days without a login", async () => {
    const erin = await s.as("erin");
    const pete = await explain(erin, "pete", ids.acmeUs, "products");
    const r17 = "merchant side: collaborator account expired after 90 days without a login";
    expect(pete.allowed).toBe(false);
    expect(pete.reasons).toContain(r17);
    expect(pete.via).toContainEqual({ kind: "RULE", role: null, partnerSetting: null, reason: r17 });
    // Org merchandiser (products) is still assigned, but the accessAudit agrees: pete holds nothing.
    expect(names(await accessAudit(erin, ids.acmeUs, { permission: "products" }))).not.toContain("Pete Pixel");
  });

  test("R17: userAccess leaves out a store whose collaborator account expired", async () => {
    const pete = await s.as("pete");
    expect((await pete.data(USER_ACCESS, { userId: ids.pete })).userAccess.nodes).toEqual([]);
  });

  test("R24: the audits name a collaborator's partner setting next to the merchant role that gives a permission", async () => {
    // Effective access is two-sided (docs/rules.md): pia holds orders because acme-eu gave her Fulfilment
    // AND Pixel Union's MANAGED SPECIFIC setting includes acme-eu. Both paths are named.
    const erin = await s.as("erin");
    const setting = "partner setting MANAGED access SPECIFIC includes this store";
    const explanation = await explain(erin, "pia", ids.acmeEu, "orders");
    expect(explanation.allowed).toBe(true);
    expect(explanation.reasons).toContain("merchant side: collaborator role Fulfilment");
    expect(explanation.reasons.some((r) => r.includes("partner side") && r.includes(setting))).toBe(true);
    expect(explanation.via).toContainEqual(
      expect.objectContaining({ kind: "PARTNER_SETTING", partnerSetting: setting }),
    );
    const grant = (await accessAudit(erin, ids.acmeEu, { permission: "orders", userType: "COLLABORATOR" }))[0];
    expect(grant.via).toContainEqual(expect.objectContaining({ kind: "PARTNER_SETTING", partnerSetting: setting }));
    const reach = (await (await s.as("pia")).data(USER_ACCESS, { userId: ids.pia })).userAccess.nodes;
    expect(reach[0].via).toContainEqual(expect.objectContaining({ kind: "PARTNER_SETTING", partnerSetting: setting }));
  });

  test("R24: explainAccess names the partner setting when the partner organization takes a collaborator's access away", async () => {
    const pat = await s.as("pat");
    const erin = await s.as("erin");
    const piaMember = await partnerMemberId(pat, ids.pixel, "pia@example.com");
    ok(
      await pat.gql(M.memberUpdate, {
        id: piaMember,
        input: { storeAccess: [{ storeType: "MANAGED", access: "NONE" }] },
      }),
    );
    try {
      const e = await explain(erin, "pia", ids.acmeEu, "orders");
      expect(e.allowed).toBe(false);
      expect(e.reasons).toContain("partner side: partner setting MANAGED access NONE");
      expect(e.via).toContainEqual({
        kind: "PARTNER_SETTING",
        role: null,
        partnerSetting: "partner setting MANAGED access NONE",
        reason: "partner side: partner setting MANAGED access NONE",
      });
      expect(names(await accessAudit(erin, ids.acmeEu, { permission: "orders" }))).not.toContain("Pia Pixel");
      expect((await (await s.as("pia")).data(USER_ACCESS, { userId: ids.pia })).userAccess.nodes).toEqual([]);
    } finally {
      ok(
        await pat.gql(M.memberUpdate, {
          id: piaMember,
          input: {
            storeAccess: [
              { storeType: "MANAGED", access: "SPECIFIC", storeIds: [ids.acmeEu], actions: ["ADD_REMOVE"] },
            ],
          },
        }),
      );
    }
    expect((await explain(erin, "pia", ids.acmeEu, "orders")).allowed).toBe(true);
  });

  test("Audit: userAccess lists a collaborator's store, permissions and path, for the collaborator and for the store's managers", async () => {
    const expected = {
      store: { name: "Acme EU" },
      userType: "COLLABORATOR",
      permissions: [
        { handle: "orders", sensitive: false },
        { handle: "products.view", sensitive: false },
      ],
    };
    for (const viewer of ["pia", "erin", "suki", "oscar"]) {
      const reach = (await (await s.as(viewer)).data(USER_ACCESS, { userId: ids.pia })).userAccess.nodes;
      expect(reach, viewer).toHaveLength(1);
      expect(
        { ...reach[0], permissions: [...reach[0].permissions].sort((a, b) => a.handle.localeCompare(b.handle)) },
        viewer,
      ).toMatchObject(expected);
      expect(reach[0].via, viewer).toContainEqual({
        kind: "ROLE",
        role: { name: "Fulfilment" },
        partnerSetting: null,
        reason: "merchant side: collaborator role Fulfilment",
      });
    }
  });

  test("Audit: userAccess names staff roles, ownership and organization roles, and shows a manager only the stores they manage", async () => {
    const reachOf = async (viewer: string, user: string) =>
      (await (await s.as(viewer)).data(USER_ACCESS, { userId: ids[user] })).userAccess.nodes;
    const dan = await reachOf("dan", "dan");
    expect(dan.map((r) => r.store.name)).toEqual(["Acme EU"]);
    expect(dan[0]).toMatchObject({ userType: "STAFF" });
    expect(handles(dan[0].permissions)).toEqual(["orders", "products.view"]);
    expect(dan[0].via).toEqual([
      { kind: "ROLE", role: { name: "Fulfilment" }, partnerSetting: null, reason: "staff role Fulfilment" },
    ]);

    const oscar = await reachOf("oscar", "oscar");
    expect(oscar.map((r) => r.store.name)).toEqual(["Acme EU", "Acme US"]);
    for (const r of oscar) {
      expect(r.permissions).toHaveLength(ALL_STORE_PERMISSIONS_COUNT);
      expect(
        r.permissions
          .filter((p) => p.sensitive)
          .map((p) => p.handle)
          .sort(),
      ).toEqual(["customers.request_data", "finance.billing", "finance.payment_settings"]);
      expect(r.via).toEqual([
        {
          kind: "ORGANIZATION_ROLE",
          role: { name: "Organization administrator" },
          partnerSetting: null,
          reason: "role Organization administrator: every store permission",
        },
      ]);
    }
    const olive = await reachOf("olive", "olive");
    expect(olive.map((r) => r.store.name)).toEqual(["Acme EU", "Acme US"]);
    for (const r of olive)
      expect(r.via).toContainEqual({
        kind: "OWNERSHIP",
        role: null,
        partnerSetting: null,
        reason: "organization owner: every store permission",
      });

    // Erin owns both acme stores; suki manages acme-eu only, so she sees erin's reach there only.
    const erinOwn = await reachOf("erin", "erin");
    expect(erinOwn.map((r) => r.store.name)).toEqual(["Acme EU", "Acme US"]);
    for (const r of erinOwn)
      expect(r.via).toContainEqual({
        kind: "OWNERSHIP",
        role: null,
        partnerSetting: null,
        reason: "store owner: every store permission",
      });
    expect((await reachOf("suki", "erin")).map((r) => r.store.name)).toEqual(["Acme EU"]);
    // The Store user administrator's own reach: users on acme-eu, through the organization role.
    const suki = await reachOf("suki", "suki");
    expect(suki.map((r) => r.store.name)).toEqual(["Acme EU"]);
    expect(handles(suki[0].permissions)).toEqual(["users"]);
    expect(suki[0].via).toEqual([
      {
        kind: "ORGANIZATION_ROLE",
        role: { name: "Store user administrator" },
        partnerSetting: null,
        reason: "role Store user administrator",
      },
    ]);
  });
});

describe("who may run which audit", () => {
  test("R9: accessAudit, explainAccess, accessReview and auditLog refuse dan on acme-eu, which he sees, with ACCESS_DENIED, and answer nordic, which he does not, as a missing store", async () => {
    const dan = await s.as("dan");
    // Each audit, asked of a given store.
    const storeQueries: ((storeId: string) => Promise<GqlResult<unknown>>)[] = [
      (storeId) => dan.gql(ACCESS_AUDIT, { storeId }),
      (storeId) => dan.gql(ACCESS_AUDIT, { permission: "orders", storeId }),
      (storeId) => dan.gql(EXPLAIN, { userId: ids.pia, permission: "orders", storeId }),
      (storeId) => dan.gql(REVIEW, { storeId }),
      (storeId) => dan.gql(STORE_LOG, { storeId }),
    ];
    for (const query of storeQueries) {
      // Dan is staff of acme-eu: he sees the store, but may not audit it (R9).
      expectAccessDenied(await query(ids.acmeEu));
      // A store dan cannot even see (nordic) answers as a missing one.
      expectSameAsMissing(await query(ids.nordic), await query(MISSING.store));
    }
    // explainAccess is refused on acme-eu before the user is looked up: a user who does not exist
    // gets the same answer as pia, so the refusal tells nothing of who exists.
    const refused = await dan.gql(EXPLAIN, { userId: ids.pia, storeId: ids.acmeEu, permission: "orders" });
    const missingUser = await dan.gql(EXPLAIN, { userId: MISSING.user, storeId: ids.acmeEu, permission: "orders" });
    expectAccessDenied(refused);
    expectAccessDenied(missingUser);
    expect(must(missingUser.errors, "errors")[0].message).toBe(must(refused.errors, "errors")[0].message);
    // Dan may explain his own access.
    expect((await explain(dan, "dan", ids.acmeEu, "orders")).allowed).toBe(true);
  });

  test("R9: suki audits acme-eu, where she is Store user administrator, and gets acme-us answered as a missing store", async () => {
    const suki = await s.as("suki");
    expect(names(await accessAudit(suki, ids.acmeEu, { permission: "orders" }))).toContain("Pia Pixel");
    expect(
      (await suki.data(REVIEW, { storeId: ids.acmeEu, expiringWithinDays: 14, unusedForDays: 30 })).accessReview.stores
        .nodes,
    ).toEqual([{ name: "Acme EU" }]);
    await storeLog(suki, ids.acmeEu);
    // Each audit, asked of a given store.
    const queries: ((storeId: string) => Promise<GqlResult<unknown>>)[] = [
      (storeId) => suki.gql(ACCESS_AUDIT, { storeId }),
      (storeId) => suki.gql(EXPLAIN, { userId: ids.pete, permission: "orders", storeId }),
      (storeId) => suki.gql(REVIEW, { expiringWithinDays: 14, unusedForDays: 30, storeId }),
      (storeId) => suki.gql(STORE_LOG, { storeId }),
    ];
    for (const query of queries) {
      expectSameAsMissing(await query(ids.acmeUs), await query(MISSING.store));
    }
  });

  test("R9, R10: an organization's audits are for its owner and administrators; erin, suki and dan, who see it, get ACCESS_DENIED; nora the answer for a missing organization", async () => {
    const ORG_REVIEW = REVIEW;
    for (const key of ["olive", "oscar"]) {
      const c = await s.as(key);
      expect(
        (
          await c.data(ORG_REVIEW, { organizationId: ids.acme, expiringWithinDays: 14, unusedForDays: 30 })
        ).accessReview.stores.nodes.map((x) => x.name),
      ).toEqual(["Acme EU", "Acme US"]);
      await orgLog(c, ids.acme);
    }
    // Erin (a store owner of the organization), suki (its Store user administrator) and dan (staff
    // of acme-eu) read the organization, but may not audit it.
    for (const key of ["erin", "suki", "dan"]) {
      const c = await s.as(key);
      expectAccessDenied(await c.gql(ORG_LOG, { organizationId: ids.acme }));
      expectAccessDenied(
        await c.gql(ORG_REVIEW, { organizationId: ids.acme, expiringWithinDays: 14, unusedForDays: 30 }),
      );
    }
    // Nora (nordic's owner) has nothing in Acme: it reads as missing to her.
    for (const key of ["nora"]) {
      const c = await s.as(key);
      expectSameAsMissing(
        await c.gql(ORG_LOG, { organizationId: ids.acme }),
        await c.gql(ORG_LOG, { organizationId: MISSING.organization }),
      );
      expectSameAsMissing(
        await c.gql(ORG_REVIEW, { organizationId: ids.acme, expiringWithinDays: 14, unusedForDays: 30 }),
        await c.gql(ORG_REVIEW, { organizationId: MISSING.organization, expiringWithinDays: 14, unusedForDays: 30 }),
      );
    }
  });

  test("Audit: userAccess for someone the viewer does not manage answers as for a missing user", async () => {
    const cases: [string, string][] = [
      ["nora", "pia"], // nora manages nordic only
      ["dan", "pia"], // staff without R9 standing
      ["suki", "pete"], // pete's only store is acme-us, which suki does not manage
      ["pia", "dan"], // a collaborator asking about staff
      ["kai", "kira"], // a partner owner is no merchant manager of kira's stores
    ];
    for (const [viewer, user] of cases) {
      const c = await s.as(viewer);
      expectSameAsMissing(
        await c.gql(USER_ACCESS, { userId: ids[user] }),
        await c.gql(USER_ACCESS, { userId: MISSING.user }),
      );
    }
  });

  test("Audit: partnerOrganizationAuditLog is for owners and member managers; a member without manage_members gets ACCESS_DENIED, outsiders the answer for a missing partner organization", async () => {
    await partnerLog(await s.as("pat"), ids.pixel);
    // Pia is staff of Pixel Union without manage_members: she reads the organization, not its log.
    expectAccessDenied(await (await s.as("pia")).gql(PARTNER_LOG, { partnerOrganizationId: ids.pixel }));
    for (const key of ["kai", "erin"]) {
      const c = await s.as(key);
      expectSameAsMissing(
        await c.gql(PARTNER_LOG, { partnerOrganizationId: ids.pixel }),
        await c.gql(PARTNER_LOG, { partnerOrganizationId: MISSING.partner }),
      );
    }
  });

  test("Audit: collaboratorRequestAcceptPreview answers someone who does not manage the store as for a missing request", async () => {
    const before = await count("audit_events");
    for (const key of ["erin", "dan", "kai"]) {
      const c = await s.as(key);
      const refused = await c.data(PREVIEW, { id: ids.kiraRequest, input: { roleIds: [ids.support] } });
      const missing = await c.data(PREVIEW, { id: MISSING.collaborator, input: { roleIds: [ids.support] } });
      // expect.any is typed `any` by vitest: an asymmetric matcher, not a value.
      expect(missing.collaboratorRequestAcceptPreview.userErrors).toEqual([
        { field: ["id"], message: expect.any(String) as unknown, code: "NOT_FOUND", rule: null },
      ]);
      expect(refused).toEqual(missing);
    }
    expect(await count("audit_events")).toBe(before);
  });

  test("Audit: auditLogVerify is for platform support and owners; anyone else gets ACCESS_DENIED (there is one chain, no object to hide)", async () => {
    for (const key of ["sam", "nora", "olive"]) {
      const v = (await (await s.as(key)).data(VERIFY)).auditLogVerify;
      expect(v, key).toMatchObject({ valid: true, brokenEventId: null, problem: null });
    }
    for (const key of ["dan", "pia", "oscar"]) {
      const r = await (await s.as(key)).gql(VERIFY);
      expect(r.errors?.[0]?.extensions?.code, key).toBe("ACCESS_DENIED");
      expect(r.data ?? null).toBeNull();
    }
  });
});

describe("access review and accept preview", () => {
  test("R17: accessReview lists collaborators expiring within N days", async () => {
    const erin = await s.as("erin");
    const review = async (scope: Record<string, string>, days: number) =>
      (await erin.data(REVIEW, { ...scope, expiringWithinDays: days, unusedForDays: 30 })).accessReview
        .expiringCollaborators.nodes;
    const lastLogin = must(must((await review({ storeId: ids.acmeEu }, 365))[0].collaborator).lastLoginAt);
    const expiresAt = new Date(new Date(lastLogin).getTime() + 90 * DAY_MS);
    const daysLeft = (expiresAt.getTime() - clock.now().getTime()) / DAY_MS; // about 80: pia last logged in 10 days ago
    expect(daysLeft).toBeGreaterThan(70);
    expect(await review({ storeId: ids.acmeEu }, Math.floor(daysLeft) - 1)).toEqual([]);
    const within = await review({ storeId: ids.acmeEu }, Math.ceil(daysLeft) + 1);
    expect(within).toHaveLength(1);
    expect(within[0]).toMatchObject({
      at: expiresAt.toISOString(),
      user: { name: "Pia Pixel" },
      store: { name: "Acme EU" },
      storeUser: { userType: "COLLABORATOR", status: "ACTIVE" },
    });
    expect(within[0].collaborator).toMatchObject({ id: ids.piaAccount, status: "ACTIVE" });
    expect(handles(within[0].permissions)).toEqual(["orders", "products.view"]);
    // Across the organization (olive): pete's account has already expired, so it is not "about to".
    const org = (
      await (await s.as("olive")).data(REVIEW, { organizationId: ids.acme, expiringWithinDays: 365, unusedForDays: 30 })
    ).accessReview;
    expect(org.expiringCollaborators.nodes.map((f) => f.user.name)).toEqual(["Pia Pixel"]);
  });

  test("Audit: accessReview lists staff and collaborator accounts unused for N days", async () => {
    const erin = await s.as("erin");
    const unused = async (days: number) =>
      (await erin.data(REVIEW, { storeId: ids.acmeEu, expiringWithinDays: 14, unusedForDays: days })).accessReview
        .unusedAccounts.nodes;
    // Pia last logged in 10 days ago; uma has never signed in.
    const five = await unused(5);
    expect(five.find((f) => f.user.name === "Uma Team-Lead")).toMatchObject({
      at: null,
      storeUser: { userType: "STAFF" },
    });
    expect(five.find((f) => f.user.name === "Pia Pixel")).toMatchObject({
      storeUser: { userType: "COLLABORATOR" },
      collaborator: { id: ids.piaAccount },
    });
    const thirty = await unused(30);
    expect(thirty.map((f) => f.user.name)).toContain("Uma Team-Lead");
    expect(thirty.map((f) => f.user.name)).not.toContain("Pia Pixel");
    // Once uma signs in, her account is in use.
    await s.as("uma");
    expect((await unused(5)).map((f) => f.user.name)).not.toContain("Uma Team-Lead");
  });

  test("Audit: accessReview lists pending requests", async () => {
    const nora = await s.as("nora");
    const review = (await nora.data(REVIEW, { storeId: ids.nordic, expiringWithinDays: 14, unusedForDays: 30 }))
      .accessReview;
    expect(review.stores.nodes).toEqual([{ name: "Nordic" }]);
    expect(review.pendingRequests.nodes).toEqual([
      { id: ids.kiraRequest, status: "REQUESTED", user: { name: "Kira Koi" }, store: { name: "Nordic" } },
    ]);
    // A request is not an account: kira holds nothing yet.
    expect(review.sensitiveCollaborators.nodes).toEqual([]);
    expect(review.grantedBeyondRequest.nodes).toEqual([]);
  });

  const KIRA_INPUT = () => ({
    roleIds: [ids.support],
    autoRole: { permissions: ["orders", "customers", "finance.billing"] },
  });
  const NORDIC_REQUEST = graphql(`
    query AuditsNordicRequests($id: ID!) {
      store(id: $id) {
        collaborators(first: 50, status: REQUESTED) {
          nodes {
            id
            status
            roles {
              name
            }
            autoGeneratedRole {
              name
              permissions {
                handle
              }
            }
          }
        }
        roles {
          name
        }
      }
    }
  `);
  const STORE_ROLES = graphql(`
    query AuditsStoreRoles($id: ID!) {
      store(id: $id) {
        roles {
          id
          name
          system
        }
      }
    }
  `);

  test("Audit: collaboratorRequestAcceptPreview shows the effective permissions, flags sensitive ones and those beyond the request, and changes nothing", async () => {
    const nora = await s.as("nora");
    const tables = ["audit_events", "store_users", "store_user_roles", "roles", "role_permissions", "notifications"];
    const before = await Promise.all(tables.map(count));
    const stateBefore = await nora.data(NORDIC_REQUEST, { id: ids.nordic });

    const p = (await nora.data(PREVIEW, { id: ids.kiraRequest, input: KIRA_INPUT() })).collaboratorRequestAcceptPreview;
    expect(p.userErrors).toEqual([]);
    expect(p.collaborator).toEqual({ id: ids.kiraRequest, status: "REQUESTED" });
    expect(p.roles.map((r) => ({ name: r.name, role: r.role.name, permissions: handles(r.permissions) }))).toEqual([
      {
        name: "Kira Koi x Nordic",
        role: "Kira Koi x Nordic",
        permissions: ["customers", "finance.billing", "orders"],
      },
      { name: "Support", role: "Support", permissions: ["customers", "orders"] },
    ]);
    expect(handles(p.permissions)).toEqual(["customers", "finance.billing", "orders"]);
    expect(must(p.permissions.find((x) => x.handle === "finance.billing")).sensitive).toBe(true);
    expect(handles(p.sensitivePermissions)).toEqual(["finance.billing"]);
    expect(handles(p.beyondRequested)).toEqual(["finance.billing"]);

    // A renamed auto-generated role shows its new name, still changing nothing.
    const renamed = (await nora.data(PREVIEW, { id: ids.kiraRequest, input: { autoRole: { name: "Koi support" } } }))
      .collaboratorRequestAcceptPreview;
    expect(renamed.roles.map((r) => [r.name, r.role.name])).toEqual([["Koi support", "Kira Koi x Nordic"]]);
    expect(handles(renamed.beyondRequested)).toEqual([]);

    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect(await nora.data(NORDIC_REQUEST, { id: ids.nordic })).toEqual(stateBefore);
    expect(
      must(must(stateBefore.store).collaborators.nodes[0].autoGeneratedRole)
        .permissions.map((x) => x.handle)
        .sort(),
    ).toEqual(["customers", "orders"]);
  });

  test("R11: collaboratorRequestAcceptPreview refuses the Administrator role exactly as accepting does, changing nothing", async () => {
    const nora = await s.as("nora");
    const { roles } = must((await nora.data(STORE_ROLES, { id: ids.nordic })).store, "nordic");
    const administrator = must(roles.find((r) => r.name === "Administrator" && r.system)).id;
    const input = { roleIds: [administrator], dropAutoRole: true };
    const eventsBefore = await count("audit_events");
    const preview = (await nora.data(PREVIEW, { id: ids.kiraRequest, input })).collaboratorRequestAcceptPreview;
    expect(preview.userErrors).toHaveLength(1);
    expect(preview.userErrors[0].code).toBe("ROLE_NOT_ASSIGNABLE");
    expect(preview.userErrors[0].rule).toBe("R11");
    expect(preview.permissions).toEqual([]);
    const accept = must((await nora.data(REQUEST_ACCEPT, { id: ids.kiraRequest, input })).collaboratorRequestAccept);
    expect(accept.userErrors).toEqual(preview.userErrors);
    expect(await count("audit_events")).toBe(eventsBefore);
    const state = await nora.data(NORDIC_REQUEST, { id: ids.nordic });
    expect(must(state.store).collaborators.nodes.map((n) => n.id)).toEqual([ids.kiraRequest]);
  });

  test("Audit: accessReview flags collaborators with sensitive permissions and permissions granted beyond the request", async () => {
    const nora = await s.as("nora");
    const accepted = ok(await nora.gql(REQUEST_ACCEPT, { id: ids.kiraRequest, input: KIRA_INPUT() }));
    expect(must(accepted.collaborator).status).toBe("ACTIVE");
    const review = (await nora.data(REVIEW, { storeId: ids.nordic, expiringWithinDays: 14, unusedForDays: 30 }))
      .accessReview;
    expect(review.pendingRequests.nodes).toEqual([]);
    expect(review.sensitiveCollaborators.nodes).toHaveLength(1);
    expect(review.sensitiveCollaborators.nodes[0]).toMatchObject({
      user: { name: "Kira Koi" },
      collaborator: { id: ids.kiraRequest, status: "ACTIVE" },
      permissions: [{ handle: "finance.billing" }],
    });
    expect(review.grantedBeyondRequest.nodes).toHaveLength(1);
    expect(review.grantedBeyondRequest.nodes[0]).toMatchObject({
      user: { name: "Kira Koi" },
      permissions: [{ handle: "finance.billing" }],
    });
    // accessAudit agrees: kira holds finance.billing as a collaborator, flagged sensitive.
    const sensitive = await accessAudit(nora, ids.nordic, { sensitiveOnly: true, userType: "COLLABORATOR" });
    expect(sensitive.map((g) => [g.user.name, g.permission, g.sensitive])).toEqual([
      ["Kira Koi", "finance.billing", true],
    ]);
    expect(sensitive[0].via).toContainEqual({
      kind: "ROLE",
      role: { name: "Kira Koi x Nordic" },
      partnerSetting: null,
      reason: "merchant side: collaborator role Kira Koi x Nordic",
    });
  });
});

describe("the audit log: an event for every change of access", () => {
  /** Moves the frozen clock one minute on and returns the new "now": the time of the next event. */
  const tick = () => {
    clock.advance(60_000);
    return clock.now().toISOString();
  };
  const times: Record<string, string> = {};
  const only = async (client: TestClient, storeId: string, action: string) =>
    storeLog(client, storeId, { actions: [action] });

  beforeAll(() => {
    clock.set(clock.now());
  });

  test("Audit: accepting a request is logged with the roles given", async () => {
    // Kira's acceptance (previous describe) is on nordic's log, with both roles and their permissions.
    const [event] = await only(await s.as("nora"), ids.nordic, "collaborator.accepted");
    expect(event).toMatchObject({ actorName: "Nora Nordic", targetName: "Kira Koi", targetType: "Collaborator" });
    const details = detailsOf<AcceptedDetails>(event);
    expect(details.autoRoleDropped).toBe(false);
    expect(details.roles.map((r) => ({ name: r.name, permissions: [...r.permissions].sort() }))).toEqual([
      { name: "Kira Koi x Nordic", permissions: ["customers", "finance.billing", "orders"] },
      { name: "Support", permissions: ["customers", "orders"] },
    ]);
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test("R13: a store ownership transfer is logged with the previous and the new owner", async () => {
    const owen = await s.as("owen");
    const at = tick();
    const r = ok(await owen.gql(M.transfer, { storeId: ids.studio, userId: ids.stan }));
    expect(must(r.store).owner.name).toBe("Stan Pixel-Staff");
    const stan = await s.as("stan");
    const [event] = await only(stan, ids.studio, "store.ownership_transferred");
    expect(event).toMatchObject({
      actorName: "Owen Studio",
      targetName: "Stan Pixel-Staff",
      targetType: "User",
      createdAt: at,
    });
    expect(event.details).toEqual({ from: "Owen Studio", to: "Stan Pixel-Staff" });
    // Owen no longer runs studio's audits: he keeps his staff account and still sees the store, so
    // its log is ACCESS_DENIED to him now.
    expectAccessDenied(await owen.gql(STORE_LOG, { storeId: ids.studio }));
  });

  test("Audit: a collaborator request is logged with the requester, the permissions asked and the time, on the store's and the partner's logs", async () => {
    const stan = await s.as("stan");
    const at = tick();
    const r = ok(
      await stan.gql(REQUEST_CREATE, {
        input: {
          storeDomain: "acme-eu.example.com",
          requestCode: await requestCode(ids.acmeEu),
          permissions: ["orders"],
          message: "Fulfilment help",
        },
      }),
    );
    ids.stanFirst = must(r.collaborator).id;
    const [event] = await only(await s.as("erin"), ids.acmeEu, "collaborator.requested");
    expect(event).toMatchObject({
      actorName: "Stan Pixel-Staff",
      targetName: "Stan Pixel-Staff",
      targetType: "Collaborator",
      createdAt: at,
    });
    expect(event.details).toMatchObject({
      partnerOrganization: "Pixel Union",
      permissions: ["orders"],
      autoRole: "Stan Pixel-Staff x Acme EU",
      message: "Fulfilment help",
    });
    const partnerSide = await partnerLog(await s.as("pat"), ids.pixel, { actions: ["collaborator.requested"] });
    expect(partnerSide.map((e) => e.id)).toContain(event.id);
  });

  test("Audit: a withdrawn request is logged with the requester as actor", async () => {
    const stan = await s.as("stan");
    const at = tick();
    ok(await stan.gql(REQUEST_WITHDRAW, { id: ids.stanFirst }));
    const events = await only(await s.as("erin"), ids.acmeEu, "collaborator.withdrawn");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorName: "Stan Pixel-Staff",
      targetName: "Stan Pixel-Staff",
      targetType: "Collaborator",
      createdAt: at,
    });
  });

  test("R10: collaboratorRequestAcceptPreview refuses a Store user administrator the auto-generated role, and previews existing roles", async () => {
    const stan = await s.as("stan");
    tick();
    const r = ok(
      await stan.gql(REQUEST_CREATE, {
        input: {
          storeDomain: "acme-eu.example.com",
          requestCode: await requestCode(ids.acmeEu),
          permissions: ["orders"],
        },
      }),
    );
    ids.stanAccount = must(r.collaborator).id;
    const suki = await s.as("suki");
    const eventsBefore = await count("audit_events");
    const locked = (await suki.data(PREVIEW, { id: ids.stanAccount, input: null })).collaboratorRequestAcceptPreview;
    expect(locked.userErrors.map((e) => [e.code, e.field])).toEqual([["AUTO_ROLE_LOCKED", ["input", "dropAutoRole"]]]);
    const preview = (
      await suki.data(PREVIEW, { id: ids.stanAccount, input: { roleIds: [ids.fulfilment], dropAutoRole: true } })
    ).collaboratorRequestAcceptPreview;
    expect(preview.userErrors).toEqual([]);
    expect(preview.roles.map((x) => x.name)).toEqual(["Fulfilment"]);
    expect(handles(preview.permissions)).toEqual(["orders", "products.view"]);
    expect(handles(preview.beyondRequested)).toEqual(["products.view"]);
    expect(preview.sensitivePermissions).toEqual([]);
    expect(await count("audit_events")).toBe(eventsBefore);
  });

  test("Audit: accepting is logged with its roles and the acceptor, here a Store user administrator", async () => {
    const suki = await s.as("suki");
    const at = tick();
    ok(
      await suki.gql(REQUEST_ACCEPT, { id: ids.stanAccount, input: { roleIds: [ids.fulfilment], dropAutoRole: true } }),
    );
    const events = (await only(await s.as("erin"), ids.acmeEu, "collaborator.accepted")).filter(
      (e) => e.targetName === "Stan Pixel-Staff",
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorName: "Suki Store-Admin", targetType: "Collaborator", createdAt: at });
    expect(events[0].details).toMatchObject({
      autoRoleDropped: true,
      // expect.arrayContaining is typed `any` by vitest: an asymmetric matcher, not a value.
      roles: [{ name: "Fulfilment", permissions: expect.arrayContaining(["orders", "products.view"]) as unknown }],
    });
  });

  test("R20: setting a collaborator's roles is logged with the roles before and after", async () => {
    const erin = await s.as("erin");
    const at = tick();
    const orgMerchandiser = await s.gid("Role", "roles", { name: "Org merchandiser" });
    ok(
      await erin.gql(COLLABORATOR_ROLES_SET, {
        id: ids.stanAccount,
        roleIds: [ids.fulfilment, ids.pointOfSale, orgMerchandiser],
      }),
    );
    const [event] = await only(erin, ids.acmeEu, "collaborator.roles_set");
    expect(event).toMatchObject({
      actorName: "Erin Store-Owner",
      targetName: "Stan Pixel-Staff",
      targetType: "Collaborator",
      createdAt: at,
    });
    const details = detailsOf<RolesSetDetails>(event);
    expect(Object.keys(details).sort()).toEqual(["after", "before"]);
    expect(details.before).toEqual(["Fulfilment"]);
    expect([...details.after].sort()).toEqual(["Fulfilment", "Org merchandiser", "Point of sale"]);
  });

  test("R12: once a collaborator holds a role with pos, explainAccess names that role and no longer R12", async () => {
    const erin = await s.as("erin");
    const e = await explain(erin, "stan", ids.acmeEu, "pos");
    expect(e.allowed).toBe(true);
    expect(e.reasons).toContain("merchant side: collaborator role Point of sale");
    expect(e.reasons.join("\n")).not.toMatch(/R12/);
    // A permission two of the roles give names each of them.
    const both = await explain(erin, "stan", ids.acmeEu, "products.view");
    expect(both.allowed).toBe(true);
    expect(both.reasons).toEqual(
      expect.arrayContaining([
        "merchant side: collaborator role Fulfilment",
        "merchant side: collaborator role Org merchandiser",
      ]),
    );
    expect(
      both.via
        .filter((v) => v.kind === "ROLE")
        .map((v) => must(v.role).name)
        .sort(),
    ).toEqual(["Fulfilment", "Org merchandiser"]);
  });

  test("R16: a removed collaborator's name stays in the audit log as it was, even after the user renames themself", async () => {
    const erin = await s.as("erin");
    const at = tick();
    ok(await erin.gql(COLLABORATOR_REMOVE, { id: ids.stanAccount, password: "password-erin" }));
    const [removed] = await only(erin, ids.acmeEu, "collaborator.removed");
    expect(removed).toMatchObject({
      actorName: "Erin Store-Owner",
      targetName: "Stan Pixel-Staff",
      targetType: "Collaborator",
      createdAt: at,
    });
    expect(removed.details).toMatchObject({
      email: "stan@example.com",
      // expect.arrayContaining is typed `any` by vitest: an asymmetric matcher, not a value.
      roles: expect.arrayContaining(["Fulfilment", "Point of sale", "Org merchandiser"]) as unknown,
    });
    const stanEventsBefore = (await storeLog(erin, ids.acmeEu)).filter(
      (e) => e.actorName === "Stan Pixel-Staff" || e.targetName === "Stan Pixel-Staff",
    );
    expect(stanEventsBefore.map((e) => e.action)).toEqual([
      "collaborator.requested",
      "collaborator.withdrawn",
      "collaborator.requested",
      "collaborator.accepted",
      "collaborator.roles_set",
      "collaborator.removed",
    ]);

    // Stan renames himself, and comes back with a new request (R16).
    const stan = await s.as("stan");
    tick();
    ok(await stan.gql(M.viewerUpdate, { input: { name: "Stanley Renamed" } }));
    tick();
    const again = ok(
      await stan.gql(REQUEST_CREATE, {
        input: {
          storeDomain: "acme-eu.example.com",
          requestCode: await requestCode(ids.acmeEu),
          permissions: ["orders"],
        },
      }),
    );
    ids.stanAgain = must(again.collaborator).id;

    const log = await storeLog(erin, ids.acmeEu);
    const old = log.filter((e) => stanEventsBefore.some((b) => b.id === e.id));
    expect(old).toEqual(stanEventsBefore);
    expect(JSON.stringify(old)).not.toMatch(/Stanley/);
    const newest = log[log.length - 1];
    expect(newest).toMatchObject({
      action: "collaborator.requested",
      actorName: "Stanley Renamed",
      targetName: "Stanley Renamed",
    });
  });

  test("Audit: a rejected request is logged with who rejected it", async () => {
    const kai = await s.as("kai");
    times.requested = tick();
    const r = ok(
      await kai.gql(REQUEST_CREATE, {
        input: {
          storeDomain: "acme-us.example.com",
          requestCode: await requestCode(ids.acmeUs),
          permissions: ["products"],
        },
      }),
    );
    const erin = await s.as("erin");
    times.rejected = tick();
    ok(await erin.gql(REQUEST_REJECT, { id: must(r.collaborator).id }));
    const [event] = await only(erin, ids.acmeUs, "collaborator.rejected");
    expect(event).toMatchObject({
      actorName: "Erin Store-Owner",
      targetName: "Kai Koi",
      targetType: "Collaborator",
      createdAt: times.rejected,
    });
    expect(event.details).toEqual({ blockedPartnerOrganizationId: num(ids.koi) });
    // Koi Commerce sees the rejection of its request on its own log.
    const koi = await partnerLog(kai, ids.koi, { actions: ["collaborator.requested", "collaborator.rejected"] });
    expect(koi.map((e) => [e.action, e.actorName, e.targetName])).toEqual([
      ["collaborator.requested", "Kai Koi", "Kai Koi"],
      ["collaborator.rejected", "Erin Store-Owner", "Kai Koi"],
    ]);
  });

  test("R18: platform support lifting a rejection block is logged with support as the actor", async () => {
    const sam = await s.as("sam");
    times.lifted = tick();
    ok(await sam.gql(REQUEST_BLOCK_LIFT, { storeId: ids.acmeUs, partnerOrganizationId: ids.koi }));
    const [event] = await only(await s.as("erin"), ids.acmeUs, "store.request_block_lifted");
    expect(event).toMatchObject({
      actorName: "Sam Support",
      targetName: "Koi Commerce",
      targetType: "PartnerOrganization",
      createdAt: times.lifted,
    });
  });

  test("R1: regenerating the request code is logged, without the code itself", async () => {
    const erin = await s.as("erin");
    times.regenerated = tick();
    const { code } = ok(await erin.gql(M.regenerate, { storeId: ids.acmeUs }));
    expect(code).toMatch(/^\d{4}$/);
    const [event] = await only(erin, ids.acmeUs, "store.request_code_regenerated");
    expect(event).toMatchObject({
      actorName: "Erin Store-Owner",
      targetName: "Acme US",
      targetType: "Store",
      createdAt: times.regenerated,
    });
    expect(JSON.stringify(event.details)).not.toContain(code);
  });

  test("R2: changing the request-code setting is logged with before and after", async () => {
    const erin = await s.as("erin");
    times.settingOff = tick();
    ok(await erin.gql(M.settings, { storeId: ids.acmeUs, require: false }));
    times.settingOn = tick();
    ok(await erin.gql(M.settings, { storeId: ids.acmeUs, require: true }));
    const events = await only(erin, ids.acmeUs, "store.collaborator_settings_updated");
    expect(events.map((e) => [e.actorName, e.targetName, e.createdAt, e.details])).toEqual([
      [
        "Erin Store-Owner",
        "Acme US",
        times.settingOff,
        { before: { requireRequestCode: true }, after: { requireRequestCode: false } },
      ],
      [
        "Erin Store-Owner",
        "Acme US",
        times.settingOn,
        { before: { requireRequestCode: false }, after: { requireRequestCode: true } },
      ],
    ]);
  });

  test("Audit: partner member changes are logged in the partner organization's log with before and after", async () => {
    const pat = await s.as("pat");
    const pax = await partnerMemberId(pat, ids.pixel, "pax@example.com");
    times.memberUpdated = tick();
    ok(
      await pat.gql(M.memberUpdate, {
        id: pax,
        input: {
          permissions: ["view_financials"],
          storeAccess: [{ storeType: "MANAGED", access: "ALL", actions: ["ADD_REMOVE"] }],
        },
      }),
    );
    times.memberInvited = tick();
    ok(
      await pat.gql(M.memberInvite, {
        input: {
          partnerOrganizationId: ids.pixel,
          email: "newcomer@example.com",
          type: "STAFF",
          permissions: ["view_ads"],
        },
      }),
    );
    times.memberRemoved = tick();
    ok(await pat.gql(M.memberRemove, { id: pax }));

    const log = await partnerLog(pat, ids.pixel, { from: times.memberUpdated });
    expect(log.map((e) => [e.action, e.actorName, e.targetName, e.targetType, e.createdAt])).toEqual([
      ["partner_member.updated", "Pat Pixel", "Pax Pixel", "PartnerMember", times.memberUpdated],
      ["partner_member.invited", "Pat Pixel", "newcomer@example.com", "PartnerMember", times.memberInvited],
      ["partner_member.removed", "Pat Pixel", "Pax Pixel", "PartnerMember", times.memberRemoved],
    ]);
    const [updated, invited, removed] = log;
    expect(detailsOf<MemberUpdatedDetails>(updated).before).toMatchObject({
      type: "STAFF",
      permissions: [],
      storeAccess: { MANAGED: { access: "NONE" } },
    });
    expect(detailsOf<MemberUpdatedDetails>(updated).after).toMatchObject({
      type: "STAFF",
      permissions: ["view_financials"],
      storeAccess: { MANAGED: { access: "ALL", actions: ["ADD_REMOVE"] } },
    });
    expect(invited.details).toMatchObject({
      email: "newcomer@example.com",
      before: null,
      after: { status: "INVITED", type: "STAFF", permissions: ["view_ads"] },
    });
    expect(removed.details).toMatchObject({ before: { type: "STAFF", permissions: ["view_financials"] }, after: null });
    // The earlier store-access changes of this file (stan's DEVELOPMENT store, pia's MANAGED NONE and back) are there too.
    const earlier = await partnerLog(pat, ids.pixel, { actions: ["partner_member.updated"], to: times.memberUpdated });
    expect(earlier.map((e) => e.targetName)).toEqual(["Stan Pixel-Staff", "Pia Pixel", "Pia Pixel"]);
    expect(detailsOf<MemberUpdatedDetails>(earlier[1]).after.storeAccess.MANAGED.access).toBe("NONE");
    expect(detailsOf<MemberUpdatedDetails>(earlier[2]).before.storeAccess.MANAGED.access).toBe("NONE");
  });

  test("Audit: sign-ins are logged in the viewer's own log with the client, and nobody else's", async () => {
    times.signIn = tick();
    const nils = await signInFresh(s, "nils", "ADMIN");
    const log = (await nils.data(VIEWER_LOG)).viewerAuditLog.nodes;
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((e) => e.actorName === "Nils Nordic-Admin")).toBe(true);
    const last = must(log.filter((e) => e.action === "user.signed_in").pop(), "a sign-in");
    expect(last).toMatchObject({
      action: "user.signed_in",
      targetName: "Nils Nordic-Admin",
      targetType: "User",
      createdAt: times.signIn,
    });
    expect(last.details).toMatchObject({ client: "ADMIN" });
    // The viewer's own log filters like the others.
    const signIns = (await nils.data(VIEWER_LOG, { filter: { actions: ["user.signed_in"], from: times.signIn } }))
      .viewerAuditLog.nodes;
    expect(signIns.map((e: AuditEvent) => e.id)).toEqual([last.id]);
  });

  test("R14: assigning a role to every collaborator of an organization is logged on the organization's log, with the store events of its stores", async () => {
    const oscar = await s.as("oscar");
    times.roleCreated = tick();
    const { role } = ok(
      await oscar.gql(ROLE_CREATE, {
        input: { organizationId: ids.acme, name: "Audit helper", permissions: ["home"] },
      }),
    );
    times.roleAssigned = tick();
    const assigned = ok(await oscar.gql(M.orgRoleAssign, { organizationId: ids.acme, roleId: must(role).id }));
    expect(assigned.assignedCount).toBe(1); // pia; pete expired, stan removed, stan's new request pending

    const olive = await s.as("olive");
    const byOscar = await orgLog(olive, ids.acme, { actorId: ids.oscar });
    expect(byOscar.map((e) => [e.action, e.targetName, e.createdAt])).toEqual([
      ["role.created", "Audit helper", times.roleCreated],
      ["organization.collaborators_role_assigned", "Audit helper", times.roleAssigned],
    ]);
    expect(byOscar[1].details).toEqual({ collaboratorAccounts: [num(ids.piaAccount)], alreadyHeld: 0 });

    // The organization's log holds its stores' events, and nothing of other stores.
    const all = await orgLog(olive, ids.acme);
    const actions = new Set(all.map((e) => e.action));
    for (const a of [
      "collaborator.accepted",
      "collaborator.removed",
      "collaborator.rejected",
      "store.request_code_regenerated",
      "store.request_block_lifted",
    ])
      expect(actions, a).toContain(a);
    expect(
      all.some(
        (e) =>
          e.targetName === "Kira Koi" || e.action === "store.ownership_transferred" || e.action === "user.signed_in",
      ),
    ).toBe(false);
  });

  test("Audit: auditLog filters by time range, actor and action", async () => {
    const erin = await s.as("erin");
    const all = await storeLog(erin, ids.acmeUs);
    expect(all.length).toBeGreaterThanOrEqual(6);
    const idsOf = (events: AuditEvent[]) => events.map((e) => e.id);
    const at = (t: string) => new Date(t).getTime();

    // From is inclusive, to is exclusive.
    const range = await storeLog(erin, ids.acmeUs, { from: times.rejected, to: times.settingOff });
    expect(range.map((e) => e.action)).toEqual([
      "collaborator.rejected",
      "store.request_block_lifted",
      "store.request_code_regenerated",
    ]);
    expect(idsOf(range)).toEqual(
      idsOf(all.filter((e) => at(e.createdAt) >= at(times.rejected) && at(e.createdAt) < at(times.settingOff))),
    );
    expect((await storeLog(erin, ids.acmeUs, { to: times.lifted })).map((e) => e.action)).not.toContain(
      "store.request_block_lifted",
    );

    const bySam = await storeLog(erin, ids.acmeUs, { actorId: ids.sam });
    expect(bySam.map((e) => e.action)).toEqual(["store.request_block_lifted"]);
    const byErin = await storeLog(erin, ids.acmeUs, { actorId: ids.erin });
    expect(byErin.length).toBeGreaterThan(0);
    expect(idsOf(byErin)).toEqual(idsOf(all.filter((e) => e.actorName === "Erin Store-Owner")));

    const decided = await storeLog(erin, ids.acmeUs, { actions: ["collaborator.requested", "collaborator.rejected"] });
    expect(decided.map((e) => [e.action, e.actorName])).toEqual([
      ["collaborator.requested", "Kai Koi"],
      ["collaborator.rejected", "Erin Store-Owner"],
    ]);

    // All three at once.
    const combined = await storeLog(erin, ids.acmeUs, {
      from: times.requested,
      to: times.settingOn,
      actorId: ids.erin,
      actions: ["collaborator.rejected", "store.collaborator_settings_updated"],
    });
    expect(combined.map((e) => [e.action, e.createdAt])).toEqual([
      ["collaborator.rejected", times.rejected],
      ["store.collaborator_settings_updated", times.settingOff],
    ]);
    // Oldest first, every event with its own hash.
    expect(all.map((e) => at(e.createdAt))).toEqual([...all.map((e) => at(e.createdAt))].sort((a, b) => a - b));
    expect(new Set(all.map((e) => e.hash)).size).toBe(all.length);
  });

  test("Audit: auditLogVerify reports the untouched log valid, counting every event", async () => {
    const v = (await (await s.as("sam")).data(VERIFY)).auditLogVerify;
    expect(v).toEqual({ valid: true, checkedCount: await count("audit_events"), brokenEventId: null, problem: null });
  });
});

/** A fresh server with a few events: erin's sign-in, the R2 setting off, a code regeneration, the setting on. */
async function tamperable() {
  const t = await startServer();
  const acmeUs = await t.gid("Store", "stores", { domain: "acme-us.example.com" });
  const erin = await t.as("erin");
  const sam = await t.as("sam");
  await erin.data(M.settings, { storeId: acmeUs, require: false });
  await erin.data(M.regenerate, { storeId: acmeUs });
  await erin.data(M.settings, { storeId: acmeUs, require: true });
  const rows: { id: number; action: string; details: string }[] = await t.ds.query(
    `SELECT "id", "action", "details" FROM "audit_events" ORDER BY "id"`,
  );
  const verify = async (client: TestClient = sam) => (await client.data(VERIFY)).auditLogVerify;
  const before = await verify(erin);
  expect(before).toEqual({ valid: true, checkedCount: rows.length, brokenEventId: null, problem: null });
  const gidOf = (id: number) => `gid://latchkey/AuditEvent/${id}`;
  return { t, erin, sam, rows, verify, gidOf };
}

describe("tampering: an edited event", () => {
  let tp: Awaited<ReturnType<typeof tamperable>>;
  beforeAll(async () => {
    tp = await tamperable();
  });
  afterAll(async () => {
    await tp?.t.close();
  });

  test("Audit: auditLogVerify detects an edited event's details, and a rewritten actor name, by their id", async () => {
    const { t, rows, verify, gidOf } = tp;
    const setting = must(rows.find((r) => r.action === "store.collaborator_settings_updated"));
    expect(setting.id).not.toBe(rows[rows.length - 1].id); // a past event, not the newest
    await t.ds.query(
      `UPDATE "audit_events" SET "details" = '{"before":{"requireRequestCode":true},"after":{"requireRequestCode":true}}' WHERE "id" = ${setting.id}`,
    );
    const edited = await verify();
    expect(edited).toMatchObject({ valid: false, brokenEventId: gidOf(setting.id) });
    expect(edited.problem).toMatch(/changed/);
    // Put back as it was, the chain holds again.
    await t.ds.query(
      `UPDATE "audit_events" SET "details" = '${setting.details.replace(/'/g, "''")}' WHERE "id" = ${setting.id}`,
    );
    expect(await verify()).toMatchObject({ valid: true, brokenEventId: null });

    // R16: the names kept in the log cannot be rewritten unnoticed either.
    const regenerated = must(rows.find((r) => r.action === "store.request_code_regenerated"));
    await t.ds.query(`UPDATE "audit_events" SET "actorName" = 'Someone Else' WHERE "id" = ${regenerated.id}`);
    expect(await verify()).toMatchObject({ valid: false, brokenEventId: gidOf(regenerated.id) });
  });
});

describe("tampering: a deleted middle event", () => {
  let tp: Awaited<ReturnType<typeof tamperable>>;
  beforeAll(async () => {
    tp = await tamperable();
  });
  afterAll(async () => {
    await tp?.t.close();
  });

  test("Audit: auditLogVerify detects a deleted past event at the event after it", async () => {
    const { t, rows, verify, gidOf } = tp;
    const i = rows.findIndex((r) => r.action === "store.request_code_regenerated");
    expect(i).toBeGreaterThan(0);
    expect(i).toBeLessThan(rows.length - 1);
    await t.ds.query(`DELETE FROM "audit_events" WHERE "id" = ${rows[i].id}`);
    const v = await verify();
    expect(v).toMatchObject({ valid: false, brokenEventId: gidOf(rows[i + 1].id) });
    expect(v.problem).toMatch(/deleted/);
  });
});

describe("tampering: the newest event deleted", () => {
  let tp: Awaited<ReturnType<typeof tamperable>>;
  beforeAll(async () => {
    tp = await tamperable();
  });
  afterAll(async () => {
    await tp?.t.close();
  });

  test("Audit: auditLogVerify detects the deletion of the newest event", async () => {
    const { t, rows, verify, gidOf } = tp;
    const newest = rows[rows.length - 1];
    await t.ds.query(`DELETE FROM "audit_events" WHERE "id" = ${newest.id}`);
    const v = await verify();
    expect(v).toMatchObject({ valid: false, brokenEventId: gidOf(newest.id) });
    expect(v.problem).toMatch(/newest/);
    // Owners see it too, not only platform support.
    expect((await verify(tp.erin)).valid).toBe(false);
  });
});
