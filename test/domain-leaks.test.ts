// Issue 11, the domain's findings: rules that decided one way and answered another.
//  - R30: the reported partner organization does not read the report (nor support's resolution)
//    in its own audit log; the report events are for platform support (and the reporting store).
//  - No escalation by editing: nobody edits or deletes a role holding a permission they lack.
//  - A removed partner member loses the development store they created, as a member set to NONE.
//  - Collaborator.permissions and accessReview read the collaborator's store ability, the same
//    rules explainAccess reads, partner side included.
//  - Organization.roles lists the organization's system roles, as Store.roles lists Administrator.
//
// test/fixtures/world.json for all but the removal, which uses test/fixtures/partner-stores.json.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { graphql } from "./generated";
import { must, type TestClient } from "./support/client";
import { EXPLAIN_ACCESS, ROLE_CREATE, ROLE_DELETE, ROLE_UPDATE, STORE_NAME } from "./support/documents";
import { ok, refused } from "./support/mutation-payloads";
import { startServer, TestServer } from "./support/server";

// ---- GraphQL documents -------------------------------------------------------------------------

const REPORT = graphql(`
  mutation DomainLeaksReport($input: PartnerOrganizationReportInput!) {
    partnerOrganizationReport(input: $input) {
      report {
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
const REPORT_CLOSE = graphql(`
  mutation DomainLeaksReportClose($id: ID!, $resolution: String!) {
    partnerReportClose(id: $id, resolution: $resolution) {
      report {
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
const PARTNER_LOG = graphql(`
  query DomainLeaksPartnerLog($id: ID!) {
    partnerOrganizationAuditLog(partnerOrganizationId: $id, first: 250) {
      nodes {
        action
        details
      }
    }
  }
`);
const STORE_LOG = graphql(`
  query DomainLeaksStoreLog($id: ID!) {
    auditLog(storeId: $id, first: 250) {
      nodes {
        action
        details
      }
    }
  }
`);
const MEMBER_UPDATE = graphql(`
  mutation DomainLeaksMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {
    partnerMemberUpdate(id: $id, input: $input) {
      partnerMember {
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
const MEMBER_REMOVE = graphql(`
  mutation DomainLeaksMemberRemove($id: ID!) {
    partnerMemberRemove(id: $id) {
      removedPartnerMemberId
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const STORE_CREATE = graphql(`
  mutation DomainLeaksStoreCreate($input: PartnerStoreCreateInput!) {
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
`);
const ROLE = graphql(`
  query DomainLeaksRole($id: ID!) {
    node(id: $id) {
      ... on Role {
        id
        name
        scope
        system
        permissions {
          handle
        }
      }
    }
  }
`);
const ORGANIZATION_ROLES = graphql(`
  query DomainLeaksOrganizationRoles($id: ID!) {
    organization(id: $id) {
      roles {
        id
        name
        scope
        system
        permissions {
          handle
        }
      }
    }
  }
`);
const CATALOG = graphql(`
  query DomainLeaksCatalog {
    permissions {
      handle
      group
    }
  }
`);
const COLLABORATORS = graphql(`
  query DomainLeaksCollaborators($id: ID!) {
    store(id: $id) {
      collaborators(first: 250) {
        nodes {
          id
          status
          user {
            id
            email
          }
          permissions {
            handle
          }
        }
      }
    }
  }
`);
const REVIEW = graphql(`
  query DomainLeaksReview($id: ID!) {
    accessReview(storeId: $id, expiringWithinDays: 365, unusedForDays: 1) {
      expiringCollaborators {
        nodes {
          user {
            id
            email
          }
          permissions {
            handle
          }
        }
      }
      unusedAccounts {
        nodes {
          collaborator {
            id
          }
          user {
            id
            email
          }
          permissions {
            handle
          }
        }
      }
    }
  }
`);

const handles = (ps: readonly { handle: string }[]) => ps.map((p) => p.handle).sort();

/** The partner member row of a user, by email, as a global id. */
async function memberId(s: TestServer, email: string) {
  const user = await s.gid("User", "users", { email });
  return s.gid("PartnerMember", "partner_members", { userId: Number(user.split("/").pop()) });
}

// ================================================================================================
describe("world.json", () => {
  let s: TestServer;
  const id: Record<string, string> = {};
  beforeAll(async () => {
    s = await startServer();
    for (const key of ["acme-eu", "acme-us", "nordic", "studio"])
      id[key] = await s.gid("Store", "stores", { domain: `${key}.example.com` });
    id.pixel = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
    id.acme = await s.gid("Organization", "organizations", { name: "Acme" });
  });
  afterAll(async () => s?.close());

  test("R30: the reported partner organization does not read the report in its audit log", async () => {
    const reason = "They asked for billing access they never needed.";
    const resolution = "Spoken to the partner; closed.";
    const erin = await s.as("erin");
    const made = ok(
      await erin.gql(REPORT, { input: { storeId: id["acme-eu"], partnerOrganizationId: id.pixel, reason } }),
      "report",
    );
    ok(await (await s.as("sam")).gql(REPORT_CLOSE, { id: made.id, resolution }), "report");

    // The organization's owner, and staff who manage its members (R26), read the log, not the report.
    const pat = await s.as("pat");
    ok(
      await pat.gql(MEMBER_UPDATE, {
        id: await memberId(s, "pax@example.com"),
        input: { permissions: ["manage_members"] },
      }),
      "partnerMember",
    );
    for (const key of ["pat", "pax"]) {
      const log = must((await (await s.as(key)).data(PARTNER_LOG, { id: id.pixel })).partnerOrganizationAuditLog);
      expect(log.nodes.length, key).toBeGreaterThan(0); // the member update above, at least
      const actions = log.nodes.map((e) => e.action);
      expect(actions, key).not.toContain("partner_organization.reported");
      expect(actions, key).not.toContain("partner_report.closed");
      expect(JSON.stringify(log.nodes), key).not.toContain(reason);
      expect(JSON.stringify(log.nodes), key).not.toContain(resolution);
    }

    // The reporting store's own log keeps both, as before (R9).
    const storeLog = (await erin.data(STORE_LOG, { id: id["acme-eu"] })).auditLog.nodes.map((e) => e.action);
    expect(storeLog).toContain("partner_organization.reported");
    expect(storeLog).toContain("partner_report.closed");
  });

  test("R9, R10: no escalation by editing: nobody renames, cuts down or deletes a role holding a permission they lack (ESCALATION)", async () => {
    const erin = await s.as("erin");
    const uma = await s.as("uma"); // Team lead of acme-eu: users, orders, products
    const billing = ok(
      await erin.gql(ROLE_CREATE, {
        input: { storeId: id["acme-eu"], name: "Billing clerk", permissions: ["finance.billing", "orders"] },
      }),
      "role",
    );
    const before = await erin.data(ROLE, { id: billing.id });
    refused(await uma.gql(ROLE_UPDATE, { id: billing.id, input: { name: "Harmless" } }), "ESCALATION");
    refused(await uma.gql(ROLE_UPDATE, { id: billing.id, input: { permissions: ["orders"] } }), "ESCALATION");
    refused(
      await uma.gql(ROLE_UPDATE, { id: billing.id, input: { name: "Orders", permissions: ["orders"] } }),
      "ESCALATION",
    );
    refused(await uma.gql(ROLE_DELETE, { id: billing.id }), "ESCALATION");
    expect(await erin.data(ROLE, { id: billing.id })).toEqual(before);
    expect(handles(must(before.node && "permissions" in before.node ? before.node.permissions : null))).toEqual([
      "finance.billing",
      "orders",
    ]);

    // Within her own permissions she still creates, edits and deletes roles.
    const desk = ok(
      await uma.gql(ROLE_CREATE, { input: { storeId: id["acme-eu"], name: "Uma desk", permissions: ["orders"] } }),
      "role",
    );
    ok(await uma.gql(ROLE_UPDATE, { id: desk.id, input: { name: "Uma desk 2", permissions: ["products"] } }), "role");
    expect(ok(await uma.gql(ROLE_DELETE, { id: desk.id })).deletedRoleId).toBe(desk.id);
    // The store's owner holds every permission: she edits and deletes the billing role.
    ok(await erin.gql(ROLE_UPDATE, { id: billing.id, input: { name: "Billing clerk 2" } }), "role");
    expect(ok(await erin.gql(ROLE_DELETE, { id: billing.id })).deletedRoleId).toBe(billing.id);
  });

  test("R9, R10: Organization.roles lists the organization roles Organization administrator and Store user administrator; node(id) reads each as listed", async () => {
    for (const key of ["olive", "oscar"]) {
      const c = await s.as(key);
      const roles = must((await c.data(ORGANIZATION_ROLES, { id: id.acme })).organization, "organization").roles;
      const names = roles.map((r) => r.name);
      expect(names, key).toEqual(expect.arrayContaining(["Organization administrator", "Store user administrator"]));
      expect(names, key).toEqual(expect.arrayContaining(["Org merchandiser", "Billing viewer"]));
      expect(names, key).not.toContain("Administrator");
      for (const name of ["Organization administrator", "Store user administrator"]) {
        const role = must(
          roles.find((r) => r.name === name),
          name,
        );
        expect(role, key).toMatchObject({ scope: "ORGANIZATION", system: true });
      }
      for (const role of roles) expect((await c.data(ROLE, { id: role.id })).node, `${key} ${role.name}`).toEqual(role);
    }
  });

  /** For every collaborator of every store: Collaborator.permissions and accessReview against explainAccess. */
  async function expectPermissionsAgreeWithExplainAccess() {
    const catalog = (await s.anonymous().data(CATALOG)).permissions
      .filter((p) => p.group !== "org")
      .map((p) => p.handle);
    const owners: Record<string, string> = { "acme-eu": "erin", "acme-us": "erin", nordic: "nora", studio: "owen" };
    const seen: Record<string, string[]> = {};
    for (const [store, key] of Object.entries(owners)) {
      const owner = await s.as(key);
      const allowedOf = async (userId: string) => {
        const allowed: string[] = [];
        for (const permission of catalog) {
          const e = await owner.data(EXPLAIN_ACCESS, { userId, storeId: id[store], permission });
          if (e.explainAccess.allowed) allowed.push(permission);
        }
        return allowed.sort();
      };
      const collaborators = must((await owner.data(COLLABORATORS, { id: id[store] })).store).collaborators.nodes;
      const allowedByUser = new Map<string, string[]>();
      for (const c of collaborators) {
        const allowed = await allowedOf(c.user.id);
        allowedByUser.set(c.user.id, allowed);
        expect(handles(c.permissions), `${c.user.email} on ${store} (${c.status})`).toEqual(allowed);
        seen[`${c.user.email} ${store}`] = allowed;
      }
      const review = (await owner.data(REVIEW, { id: id[store] })).accessReview;
      const findings = [
        ...review.expiringCollaborators.nodes,
        ...review.unusedAccounts.nodes.filter((f) => f.collaborator !== null),
      ];
      for (const f of findings) {
        const allowed = allowedByUser.get(f.user.id) ?? (await allowedOf(f.user.id));
        expect(handles(f.permissions), `accessReview: ${f.user.email} on ${store}`).toEqual(allowed);
      }
    }
    return seen;
  }

  test("R24: Collaborator.permissions and accessReview equal what explainAccess allows, for every collaborator, partner side included", async () => {
    const before = await expectPermissionsAgreeWithExplainAccess();
    expect(before["pia@example.com acme-eu"]).toEqual(["orders", "products.view"]);

    // Pixel Union cuts pia off from managed stores: the merchant's Fulfilment role no longer counts.
    ok(
      await (
        await s.as("pat")
      ).gql(MEMBER_UPDATE, {
        id: await memberId(s, "pia@example.com"),
        input: { storeAccess: [{ storeType: "MANAGED", access: "NONE" }] },
      }),
      "partnerMember",
    );
    const after = await expectPermissionsAgreeWithExplainAccess();
    expect(after["pia@example.com acme-eu"]).toEqual([]);
  });
});

// ================================================================================================
describe("partner-stores.json", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer("test/fixtures/partner-stores.json");
  });
  afterAll(async () => s?.close());

  test("R24, R27: a removed partner member loses the development store they created, as a member set to NONE does", async () => {
    const pixel = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
    const create = async (c: TestClient, name: string) =>
      ok(
        await c.gql(STORE_CREATE, {
          input: { partnerOrganizationId: pixel, storeType: "DEVELOPMENT", name, domain: `${name}.example.com` },
        }),
        "store",
      ).id;
    const dana = await s.as("dana");
    const dora = await s.as("dora");
    const danaLab = await create(dana, "dana-lab");
    const doraLab = await create(dora, "dora-lab");
    expect((await dana.data(STORE_NAME, { id: danaLab })).store?.name).toBe("dana-lab");
    expect((await dora.data(STORE_NAME, { id: doraLab })).store?.name).toBe("dora-lab");

    const pat = await s.as("pat");
    ok(
      await pat.gql(MEMBER_UPDATE, {
        id: await memberId(s, "dora@example.com"),
        input: { storeAccess: [{ storeType: "DEVELOPMENT", access: "NONE" }] },
      }),
      "partnerMember",
    );
    ok(await pat.gql(MEMBER_REMOVE, { id: await memberId(s, "dana@example.com") }));

    // Both paths: the store reads as missing, and the owner's explanation says no.
    for (const [c, store, email] of [
      [dana, danaLab, "dana@example.com"],
      [dora, doraLab, "dora@example.com"],
    ] as const) {
      expect((await c.data(STORE_NAME, { id: store })).store, email).toBeNull();
      const userId = await s.gid("User", "users", { email });
      const e = await pat.data(EXPLAIN_ACCESS, { userId, storeId: store, permission: "orders" });
      expect(e.explainAccess.allowed, email).toBe(false);
    }
  });
});
