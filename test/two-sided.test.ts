// Effective access is two-sided (docs/rules.md "Effective access", R24, R25): a partner user reaches a
// store only while the merchant says yes (an active collaborator account, with roles) and their
// partner organization says yes (store access covering that store). explainAccess says which side said no.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { graphql } from "./generated";
import type { StoreAccessInput, StoreType } from "./generated/graphql";
import { dataOf, must } from "./support/client";
import { STORE_NAME as STORE } from "./support/documents";
import { startServer, TestServer } from "./support/server";
import { worldIds } from "./support/world";

let s: TestServer;
let ids: Record<string, string>;
beforeAll(async () => {
  s = await startServer();
  ids = await worldIds(s, ["pia", "pete"]);
  ids.piaMember = await s.gid("PartnerMember", "partner_members", { userId: Number(ids.pia.split("/").pop()) });
  ids.peteMember = await s.gid("PartnerMember", "partner_members", { userId: Number(ids.pete.split("/").pop()) });
});
afterAll(async () => s?.close());

const EXPLAIN = graphql(`
  query TwoSidedExplain($u: ID!, $s: ID!, $p: String!) {
    explainAccess(userId: $u, storeId: $s, permission: $p) {
      allowed
      reasons
      via {
        kind
        partnerSetting
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation TwoSidedMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {
    partnerMemberUpdate(id: $id, input: $input) {
      partnerMember {
        id
      }
      userErrors {
        code
        message
      }
    }
  }
`);
const CREATE_DEV = graphql(`
  mutation TwoSidedStoreCreate($input: PartnerStoreCreateInput!) {
    partnerStoreCreate(input: $input) {
      store {
        id
        storeType
      }
      userErrors {
        code
        message
      }
    }
  }
`);
const ORDERS = graphql(`
  query TwoSidedCollaborators($id: ID!) {
    store(id: $id) {
      collaborators(first: 5) {
        nodes {
          id
        }
      }
    }
  }
`);
const COLLABORATOR_EMAILS = graphql(`
  query TwoSidedCollaboratorEmails($id: ID!, $status: CollaboratorStatus) {
    store(id: $id) {
      collaborators(first: 10, status: $status) {
        nodes {
          user {
            email
          }
        }
      }
    }
  }
`);

async function setAccess(member: string, storeType: StoreType, access: Omit<StoreAccessInput, "storeType">) {
  const pat = await s.as("pat");
  const r = await pat.data(UPDATE, { id: member, input: { storeAccess: [{ storeType, ...access }] } });
  expect(must(r.partnerMemberUpdate).userErrors).toEqual([]);
}

describe("a collaborator on a client store", () => {
  test("R24: with both sides saying yes, pia reads acme-eu and explainAccess names both sides", async () => {
    const pia = await s.as("pia");
    expect((await pia.data(STORE, { id: ids.acmeEu })).store).toEqual({ id: ids.acmeEu, name: "Acme EU" });
    const erin = await s.as("erin");
    const e = (await erin.data(EXPLAIN, { u: ids.pia, s: ids.acmeEu, p: "orders" })).explainAccess;
    expect(e.allowed).toBe(true);
    expect(e.reasons).toContain("merchant side: collaborator role Fulfilment");
    const read = (await erin.data(EXPLAIN, { u: ids.pia, s: ids.acmeEu, p: "products.view" })).explainAccess;
    expect(read.via.map((v) => v.kind)).toContain("ROLE");
  });

  test("R24: when the partner organization takes away managed-store access, the merchant's account no longer opens the store", async () => {
    await setAccess(ids.piaMember, "MANAGED", { access: "NONE" });
    const pia = await s.as("pia");
    const r = await pia.gql(STORE, { id: ids.acmeEu });
    expect(r.errors).toBeUndefined();
    expect(dataOf(r).store).toBeNull(); // reads like a store that does not exist
    const erin = await s.as("erin");
    const e = (await erin.data(EXPLAIN, { u: ids.pia, s: ids.acmeEu, p: "orders" })).explainAccess;
    expect(e.allowed).toBe(false);
    expect(e.reasons).toEqual(["partner side: partner setting MANAGED access NONE"]);
    expect(e.via).toEqual([{ kind: "PARTNER_SETTING", partnerSetting: "partner setting MANAGED access NONE" }]);
    // The merchant side is untouched: the account is still active in the store's users.
    const list = await erin.data(COLLABORATOR_EMAILS, { id: ids.acmeEu, status: "ACTIVE" });
    expect(must(list.store).collaborators.nodes.map((n) => n.user.email)).toContain("pia@example.com");
  });

  test("R24: SPECIFIC access that leaves the store out also closes it; putting it back opens it again", async () => {
    await setAccess(ids.piaMember, "MANAGED", { access: "SPECIFIC", storeIds: [], actions: ["ADD_REMOVE"] });
    const pia = await s.as("pia");
    expect((await pia.data(STORE, { id: ids.acmeEu })).store).toBeNull();
    const erin = await s.as("erin");
    expect((await erin.data(EXPLAIN, { u: ids.pia, s: ids.acmeEu, p: "orders" })).explainAccess.reasons).toEqual([
      "partner side: partner setting MANAGED access SPECIFIC does not include this store",
    ]);
    await setAccess(ids.piaMember, "MANAGED", { access: "SPECIFIC", storeIds: [ids.acmeEu], actions: ["ADD_REMOVE"] });
    expect((await pia.data(STORE, { id: ids.acmeEu })).store).toEqual({ id: ids.acmeEu, name: "Acme EU" });
  });

  test("R17, R24: when the merchant side says no (expired account), the partner side's yes does not open the store", async () => {
    // pete: MANAGED ALL on the partner side, but his acme-us account has been unused for 100 days.
    const pete = await s.as("pete");
    expect((await pete.data(STORE, { id: ids.acmeUs })).store).toBeNull();
    const erin = await s.as("erin");
    const e = (await erin.data(EXPLAIN, { u: ids.pete, s: ids.acmeUs, p: "products" })).explainAccess;
    expect(e.allowed).toBe(false);
    expect(e.reasons).toEqual(["merchant side: collaborator account expired after 90 days without a login"]);
  });

  test("R9, R24: a collaborator whose partner side says no cannot use what a manager's role would give either", async () => {
    // pia holds no manager role; with the partner side closed she cannot list collaborators (nor see the store).
    await setAccess(ids.piaMember, "MANAGED", { access: "NONE" });
    const pia = await s.as("pia");
    const r = await pia.gql(ORDERS, { id: ids.acmeEu });
    expect(r.data?.store ?? null).toBeNull();
    await setAccess(ids.piaMember, "MANAGED", { access: "SPECIFIC", storeIds: [ids.acmeEu], actions: ["ADD_REMOVE"] });
  });
});

describe("a partner organization's own store", () => {
  test("R25: the creator of a development store holds it through the partner side, and loses it with that side", async () => {
    await setAccess(ids.peteMember, "DEVELOPMENT", { access: "ALL", actions: ["ADD_ARCHIVE_UNARCHIVE"] });
    const pete = await s.as("pete");
    const pixel = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
    const created = await pete.data(CREATE_DEV, {
      input: {
        partnerOrganizationId: pixel,
        storeType: "DEVELOPMENT",
        name: "Pete's sandbox",
        domain: "pete-dev.example.com",
      },
    });
    expect(must(created.partnerStoreCreate).userErrors).toEqual([]);
    const dev = must(must(created.partnerStoreCreate).store).id;
    expect((await pete.data(STORE, { id: dev })).store).toEqual({ id: dev, name: "Pete's sandbox" });
    const own = (await pete.data(EXPLAIN, { u: ids.pete, s: dev, p: "settings" })).explainAccess;
    expect(own.allowed).toBe(true);
    expect(own.reasons[0]).toMatch(/^partner side: partner setting DEVELOPMENT access ALL/);

    await setAccess(ids.peteMember, "DEVELOPMENT", { access: "NONE" });
    expect((await pete.data(STORE, { id: dev })).store).toBeNull();
    // pat, the partner organization's owner, still holds it (R22: owners see everything).
    expect((await (await s.as("pat")).data(STORE, { id: dev })).store).toEqual({ id: dev, name: "Pete's sandbox" });
  });
});

describe("a partner organization removing its own access", () => {
  const REMOVE = graphql(`
    mutation TwoSidedManagedStoreRemove($p: ID!, $s: ID!) {
      partnerManagedStoreRemove(partnerOrganizationId: $p, storeId: $s) {
        removedStoreId
        endedCount
        userErrors {
          code
          field
          message
        }
      }
    }
  `);

  test("R25: removing a managed store needs MANAGED access with ADD_REMOVE; a store the organization has not is refused", async () => {
    const pixel = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
    const pax = await s.as("pax"); // MANAGED access NONE
    const denied = await pax.gql(REMOVE, { p: pixel, s: ids.acmeEu });
    expect(denied.errors?.[0]?.extensions?.code).toBe("ACCESS_DENIED");
    const pat = await s.as("pat");
    const notOurs = must((await pat.data(REMOVE, { p: pixel, s: ids.nordic })).partnerManagedStoreRemove);
    expect(notOurs.userErrors.map((e) => e.code)).toEqual(["STORE_NOT_IN_ORGANIZATION"]);
    const kai = await s.as("kai"); // koi's owner: pixel reads as missing
    const foreign = must((await kai.data(REMOVE, { p: pixel, s: ids.acmeEu })).partnerManagedStoreRemove);
    expect(foreign.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
    expect((await (await s.as("pia")).data(STORE, { id: ids.acmeEu })).store).not.toBeNull();
  });

  test("R25: a partner organization removes its access to a client store: its accounts there end, the store hears of it", async () => {
    const pixel = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
    const pat = await s.as("pat");
    const r = must((await pat.data(REMOVE, { p: pixel, s: ids.acmeEu })).partnerManagedStoreRemove);
    expect(r.userErrors).toEqual([]);
    expect(r.removedStoreId).toBe(ids.acmeEu);
    expect(r.endedCount).toBe(1); // pia's account
    expect((await (await s.as("pia")).data(STORE, { id: ids.acmeEu })).store).toBeNull();
    const erin = await s.as("erin");
    const removed = await erin.data(COLLABORATOR_EMAILS, { id: ids.acmeEu, status: "REMOVED" });
    expect(must(removed.store).collaborators.nodes.map((n) => n.user.email)).toContain("pia@example.com");
    const log = await erin.data(
      graphql(`
        query TwoSidedLastAudit($id: ID!) {
          auditLog(storeId: $id, last: 1) {
            nodes {
              action
              actorName
            }
          }
        }
      `),
      { id: ids.acmeEu },
    );
    expect(log.auditLog.nodes[0]).toEqual({
      action: "partner_organization.store_access_removed",
      actorName: "Pat Pixel",
    });
    // pia's SPECIFIC list no longer names the store.
    const pia = await s.as("pia");
    const me = await pia.data(
      graphql(`
        query TwoSidedStoreAccess {
          viewer {
            partnerMemberships {
              storeAccess {
                storeType
                access
                storeIds
              }
            }
          }
        }
      `),
    );
    const managed = must(
      me.viewer.partnerMemberships[0].storeAccess.find((a) => a.storeType === "MANAGED"),
      "MANAGED access",
    );
    expect(managed.storeIds).not.toContain(ids.acmeEu);
  });
});
