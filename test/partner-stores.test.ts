// A partner organization's own stores over HTTP (R24, R25): development and Plus sandbox stores
// are created, archived, unarchived and (development only) transferred to a merchant, each gated
// by the member's store access for that type and its actions; SPECIFIC access gains the stores a
// member creates; stores a member may not reach read like missing ones.
//
// test/fixtures/partner-stores.json: Pixel Union (not Plus) with pat (OWNER), dana (DEVELOPMENT ALL,
// add/archive + transfer), dora (DEVELOPMENT ALL, add/archive only), sid (DEVELOPMENT SPECIFIC
// [pixel-dev], both actions), nina (DEVELOPMENT NONE), vic (DEVELOPMENT ALL, no action); Koi Commerce
// (Plus) with kai (OWNER), kim (PLUS_SANDBOX ALL), kit (PLUS_SANDBOX SPECIFIC, none yet), kip
// (PLUS_SANDBOX NONE, DEVELOPMENT ALL). Mia owns the managed store mia-shop, where pat is a
// collaborator; max is a merchant with no store. All tests share one server; each works on its own
// stores, or says which earlier state it relies on.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFixtureFile, validateFixture } from "../src/seed/fixture";
import { graphql } from "./generated";
import type { PartnerStoreCreateInput, StoreType } from "./generated/graphql";
import { must, type GqlResult, type TypedDocumentNode } from "./support/client";
import { ok, refused, topLevel } from "./support/mutation-payloads";
import { startServer, TestServer } from "./support/server";

let s: TestServer;
const FIXTURE = "test/fixtures/partner-stores.json";
const STORE: Record<string, string> = {};
let PIXEL = "";
let KOI = "";

beforeAll(async () => {
  s = await startServer(FIXTURE);
  for (const key of ["pixel-dev", "pixel-dev-2", "pixel-dev-old", "koi-sandbox", "koi-dev", "mia-shop"]) {
    STORE[key] = await s.gid("Store", "stores", { domain: `${key}.example.com` });
  }
  PIXEL = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
  KOI = await s.gid("PartnerOrganization", "partner_organizations", { name: "Koi Commerce" });
  // Sign everyone in now: a sign-in records its own events, which the state checks below must not see.
  for (const key of ["pat", "dana", "dora", "sid", "nina", "vic", "kai", "kim", "kit", "kip", "mia", "max", "sam"])
    await s.as(key);
});
afterAll(async () => s?.close());

// ---- GraphQL documents -------------------------------------------------------------------------

// The store as these tests read it.
graphql(`
  fragment PartnerStoresStore on Store {
    id
    name
    domain
    storeType
    archivedAt
    owner {
      name
      email
    }
    ownerPartnerOrganization {
      name
    }
    organization {
      id
    }
  }
`);
const CREATE = graphql(`
  mutation PartnerStoresCreate($input: PartnerStoreCreateInput!) {
    partnerStoreCreate(input: $input) {
      store {
        ...PartnerStoresStore
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
const ARCHIVE = graphql(`
  mutation PartnerStoresArchive($id: ID!) {
    partnerStoreArchive(id: $id) {
      store {
        ...PartnerStoresStore
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
const UNARCHIVE = graphql(`
  mutation PartnerStoresUnarchive($id: ID!) {
    partnerStoreUnarchive(id: $id) {
      store {
        ...PartnerStoresStore
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
// The partner who transfers a store keeps no access to it (R25): the payload's store is the gate's
// narrow view, its id, name, domain and type (its owner and the rest are ACCESS_DENIED to them).
const TRANSFER = graphql(`
  mutation PartnerStoresTransfer($id: ID!, $email: String!) {
    partnerStoreTransfer(id: $id, merchantEmail: $email) {
      store {
        id
        name
        domain
        storeType
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
const READ = graphql(`
  query PartnerStoresRead($id: ID!) {
    store(id: $id) {
      ...PartnerStoresStore
      collaboratorRequestCode
    }
  }
`);
const LIST = graphql(`
  query PartnerStoresList($org: ID!, $type: StoreType) {
    partnerOrganization(id: $org) {
      stores(storeType: $type, first: 250) {
        nodes {
          id
          domain
          storeType
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);
const MEMBERSHIPS = graphql(`
  query PartnerStoresMemberships {
    viewer {
      partnerMemberships {
        partnerOrganization {
          name
        }
        storeAccess {
          storeType
          access
          storeIds
        }
      }
    }
  }
`);
const USERS = graphql(`
  query PartnerStoresUsers($id: ID!) {
    store(id: $id) {
      users(first: 250) {
        nodes {
          userType
          status
          user {
            email
          }
        }
      }
    }
  }
`);
const REQUEST = graphql(`
  mutation PartnerStoresRequest($input: CollaboratorRequestCreateInput!) {
    collaboratorRequestCreate(input: $input) {
      collaborator {
        status
        partnerOrganization {
          name
        }
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

// ---- helpers -----------------------------------------------------------------------------------

const create = async (key: string, input: PartnerStoreCreateInput) => (await s.as(key)).gql(CREATE, { input });
/** A mutation of one store (ARCHIVE, UNARCHIVE; TRANSFER with the merchant's email) as this user. */
async function act<R>(key: string, doc: TypedDocumentNode<R, { id: string }>, id: string): Promise<GqlResult<R>>;
async function act<R>(
  key: string,
  doc: TypedDocumentNode<R, { id: string; email: string }>,
  id: string,
  vars: { email: string },
): Promise<GqlResult<R>>;
async function act<R>(
  key: string,
  doc: TypedDocumentNode<R, { id: string; email: string }>,
  id: string,
  vars?: { email: string },
): Promise<GqlResult<R>> {
  // The overloads pair each document with its variables: TRANSFER's email is there when it is sent.
  return (await s.as(key)).gql(doc, { id, ...vars } as { id: string; email: string });
}
const readAs = async (key: string, id: string) => (await (await s.as(key)).data(READ, { id })).store;
/** PartnerOrganization.stores (the partner-members side lists them): null when the organization is not the viewer's. */
const listAs = async (key: string, org: string, type?: StoreType) =>
  (await (await s.as(key)).data(LIST, { org, type: type ?? null })).partnerOrganization?.stores ?? null;
const numericId = (gid: string) => Number(gid.split("/").pop());

/** A row as the database driver gives it. */
type Row = Record<string, unknown>;
/** Everything a refused write must leave as it was. */
async function state() {
  const q = (sql: string) => s.ds.query<Row[]>(sql);
  return {
    stores: await q(`SELECT * FROM stores ORDER BY id`),
    storeUsers: await q(`SELECT * FROM store_users ORDER BY id`),
    members: await q(`SELECT id, "storeAccess" FROM partner_members ORDER BY id`),
    events: await q(`SELECT COUNT(*) AS n FROM audit_events WHERE action NOT LIKE 'user.%'`),
    notifications: await q(`SELECT COUNT(*) AS n FROM notifications`),
  };
}
const storeRow = async (gid: string) =>
  (await s.ds.query<(Row & { requestCode: string })[]>(`SELECT * FROM stores WHERE id = ${numericId(gid)}`))[0];
const events = async (gid: string, action: string) =>
  s.ds.query<Row[]>(
    `SELECT * FROM audit_events WHERE "storeId" = ${numericId(gid)} AND action = '${action}' ORDER BY id`,
  );
async function specificIds(key: string, org: string, type: StoreType) {
  const memberships = (await (await s.as(key)).data(MEMBERSHIPS)).viewer.partnerMemberships;
  return must(
    must(
      memberships.find((m) => m.partnerOrganization.name === org),
      `a membership of ${org}`,
    ).storeAccess.find((a) => a.storeType === type),
    `${type} access`,
  );
}

// ---- tests -------------------------------------------------------------------------------------

describe("partner stores", () => {
  test("R24: PLUS_SANDBOX exists only for Plus partner organizations", async () => {
    const before = await state();
    const p = refused(
      await create("pat", {
        partnerOrganizationId: PIXEL,
        storeType: "PLUS_SANDBOX",
        name: "Pixel Sandbox",
        domain: "pixel-sandbox.example.com",
      }),
      "PLUS_ONLY",
      ["input", "storeType"],
    );
    expect(p.userErrors[0].rule).toBe("R24");
    expect(await state()).toEqual(before);

    const store = ok(
      await create("kai", {
        partnerOrganizationId: KOI,
        storeType: "PLUS_SANDBOX",
        name: "Koi Sandbox Two",
        domain: "koi-sandbox-2.example.com",
      }),
      "store",
    );
    expect(store).toMatchObject({
      storeType: "PLUS_SANDBOX",
      owner: { email: "kai@example.com" },
      ownerPartnerOrganization: { name: "Koi Commerce" },
      archivedAt: null,
    });
    // A non-Plus organization lists no Plus sandbox stores.
    expect(must(await listAs("pat", PIXEL, "PLUS_SANDBOX"), "the stores").nodes).toEqual([]);
  });

  test("R24: the fixture format: partner stores name their partner organization, PLUS_SANDBOX only for Plus, the owner a member", () => {
    const base = readFixtureFile(FIXTURE);
    expect(base.errors).toEqual([]);
    expect(base.fixture.stores.find((st) => st.key === "pixel-dev-old")).toMatchObject({
      storeType: "DEVELOPMENT",
      partner: "pixel",
      archived: true,
    });
    const json = JSON.parse(JSON.stringify(base.fixture)) as typeof base.fixture;
    const withStore = (store: Record<string, unknown>) =>
      validateFixture({
        ...json,
        stores: [...json.stores, { key: "x", name: "X", domain: "x.example.com", requestCode: "1234", ...store }],
      }).errors;
    expect(withStore({ owner: "pat", storeType: "PLUS_SANDBOX", partner: "pixel" })).toEqual([
      expect.stringContaining("R24: PLUS_SANDBOX exists only for Plus partner organizations"),
    ]);
    expect(withStore({ owner: "mia", storeType: "DEVELOPMENT", partner: "pixel" })).toEqual([
      expect.stringContaining(`owner "mia" is not a member of partner organization "pixel"`),
    ]);
    expect(withStore({ owner: "pat", storeType: "DEVELOPMENT" })).toEqual([expect.stringContaining("needs partner")]);
    expect(withStore({ owner: "pat", storeType: "DEVELOPMENT", partner: "nope" })).toEqual([
      expect.stringContaining(`unknown partner organization "nope"`),
    ]);
    expect(withStore({ owner: "mia", partner: "pixel" })).toEqual([
      expect.stringContaining("partner is given only for DEVELOPMENT and PLUS_SANDBOX stores"),
    ]);
    expect(withStore({ owner: "mia", archived: true })).toEqual([
      expect.stringContaining("R25: only DEVELOPMENT and PLUS_SANDBOX stores are archived"),
    ]);
    expect(withStore({ owner: "pat", storeType: "SHOP", partner: "pixel" })).toEqual([
      expect.stringContaining("storeType must be one of"),
    ]);
    expect(withStore({ owner: "kai", storeType: "PLUS_SANDBOX", partner: "koi", archived: true })).toEqual([]);
  });

  test("R25: partnerStoreCreate makes a development store owned by its creator, with a request code and a staff account", async () => {
    const store = ok(
      await create("dana", {
        partnerOrganizationId: PIXEL,
        storeType: "DEVELOPMENT",
        name: "  Dana Dev  ",
        domain: " Dana-Dev.Example.COM ",
      }),
      "store",
    );
    expect(store).toMatchObject({
      name: "Dana Dev",
      domain: "dana-dev.example.com",
      storeType: "DEVELOPMENT",
      archivedAt: null,
      organization: null,
      owner: { email: "dana@example.com", name: "Dana Dev-All" },
      ownerPartnerOrganization: { name: "Pixel Union" },
    });
    const row = await storeRow(store.id);
    expect(row).toMatchObject({
      email: "dana@example.com",
      storeType: "DEVELOPMENT",
      partnerOrganizationId: numericId(PIXEL),
      organizationId: null,
    });
    expect(row.requestCode).toMatch(/^[0-9]{4}$/);
    const staff = await s.ds.query<Row[]>(
      `SELECT su."userType", su.status, u.email FROM store_users su JOIN users u ON u.id = su."userId" WHERE su."storeId" = ${numericId(store.id)}`,
    );
    expect(staff).toEqual([{ userType: "STAFF", status: "ACTIVE", email: "dana@example.com" }]);
    expect((await events(store.id, "partner_store.created")).length).toBe(1);

    // The creator manages it; the owner and members with ALL development access reach it; others read it as missing.
    expect(must(await readAs("dana", store.id), "the store").collaboratorRequestCode).toBe(row.requestCode);
    for (const key of ["pat", "dora", "vic"]) expect(await readAs(key, store.id), key).not.toBeNull();
    for (const key of ["nina", "sid", "kai", "kip", "mia"]) expect(await readAs(key, store.id), key).toBeNull();
  });

  test("R25: creating needs access not NONE and the add/archive/unarchive action; refused creations change nothing", async () => {
    const before = await state();
    const input = (storeType: StoreType, org = PIXEL) => ({
      partnerOrganizationId: org,
      storeType,
      name: "Refused",
      domain: "refused.example.com",
    });
    // NONE.
    expect(topLevel(await create("nina", input("DEVELOPMENT")), "ACCESS_DENIED")).toContain(
      "partner setting DEVELOPMENT access NONE",
    );
    expect(topLevel(await create("kip", input("PLUS_SANDBOX", KOI)), "ACCESS_DENIED")).toContain(
      "partner setting PLUS_SANDBOX access NONE",
    );
    // Access without the action.
    expect(topLevel(await create("vic", input("DEVELOPMENT")), "ACCESS_DENIED")).toContain(
      "partner setting DEVELOPMENT access lacks action ADD_ARCHIVE_UNARCHIVE",
    );
    // A type the member has no setting for is NONE.
    expect(topLevel(await create("kim", input("DEVELOPMENT", KOI)), "ACCESS_DENIED")).toContain(
      "partner setting DEVELOPMENT access NONE",
    );
    // Not a member: the organization reads as missing.
    refused(await create("mia", input("DEVELOPMENT")), "NOT_FOUND", ["input", "partnerOrganizationId"]);
    refused(await create("kai", input("DEVELOPMENT")), "NOT_FOUND", ["input", "partnerOrganizationId"]);
    expect(await state()).toEqual(before);
  });

  test("R25: partnerStoreCreate refuses managed stores, bad names and domains, and taken domains", async () => {
    const before = await state();
    const input = (over: Partial<PartnerStoreCreateInput>): PartnerStoreCreateInput => ({
      partnerOrganizationId: PIXEL,
      storeType: "DEVELOPMENT",
      name: "Pat Dev",
      domain: "pat-dev.example.com",
      ...over,
    });
    refused(await create("pat", input({ storeType: "MANAGED" })), "STORE_TYPE_MISMATCH", ["input", "storeType"]);
    for (const domain of ["not a domain", "no-tld", "bad_.example.com", "-x.example.com", ""]) {
      refused(await create("pat", input({ domain })), "INVALID", ["input", "domain"]);
    }
    refused(await create("pat", input({ name: "   " })), "INVALID", ["input", "name"]);
    refused(await create("pat", input({ domain: "MIA-SHOP.example.com" })), "TAKEN", ["input", "domain"]);
    refused(await create("pat", input({ domain: "pixel-dev.example.com" })), "TAKEN", ["input", "domain"]);
    expect(await state()).toEqual(before);
  });

  test("R25: a staff member with SPECIFIC access gets the stores they create", async () => {
    expect(await specificIds("kit", "Koi Commerce", "PLUS_SANDBOX")).toEqual({
      storeType: "PLUS_SANDBOX",
      access: "SPECIFIC",
      storeIds: [],
    });
    const sandbox = ok(
      await create("kit", {
        partnerOrganizationId: KOI,
        storeType: "PLUS_SANDBOX",
        name: "Kit Sandbox",
        domain: "kit-sandbox.example.com",
      }),
      "store",
    );
    expect((await specificIds("kit", "Koi Commerce", "PLUS_SANDBOX")).storeIds).toEqual([sandbox.id]);
    expect(must(await listAs("kit", KOI, "PLUS_SANDBOX"), "the stores").nodes.map((n) => n.id)).toEqual([sandbox.id]);
    expect(await readAs("kit", sandbox.id)).not.toBeNull();
    // Other members: ALL reaches it, NONE does not.
    expect(await readAs("kim", sandbox.id)).not.toBeNull();
    expect(await readAs("kip", sandbox.id)).toBeNull();

    const dev = ok(
      await create("sid", {
        partnerOrganizationId: PIXEL,
        storeType: "DEVELOPMENT",
        name: "Sid Dev",
        domain: "sid-dev.example.com",
      }),
      "store",
    );
    expect((await specificIds("sid", "Pixel Union", "DEVELOPMENT")).storeIds).toEqual([STORE["pixel-dev"], dev.id]);
    // ALL access is not turned into a list.
    const danaDev = ok(
      await create("dana", {
        partnerOrganizationId: PIXEL,
        storeType: "DEVELOPMENT",
        name: "Dana Dev Two",
        domain: "dana-dev-2.example.com",
      }),
      "store",
    );
    expect(await specificIds("dana", "Pixel Union", "DEVELOPMENT")).toEqual({
      storeType: "DEVELOPMENT",
      access: "ALL",
      storeIds: [],
    });
    expect(await readAs("sid", danaDev.id)).toBeNull();
  });

  test("R24: a partner organization's stores list what a member reaches through the partner side; outsiders see no organization", async () => {
    const domains = async (key: string, org: string, type?: StoreType) =>
      must(await listAs(key, org, type), "the stores").nodes.map((n) => n.domain);
    const patDev = await domains("pat", PIXEL, "DEVELOPMENT");
    expect(patDev).toEqual(
      expect.arrayContaining(["pixel-dev.example.com", "pixel-dev-2.example.com", "pixel-dev-old.example.com"]),
    );
    expect(await domains("dana", PIXEL, "DEVELOPMENT")).toEqual(patDev);
    expect(await domains("sid", PIXEL, "DEVELOPMENT")).toEqual(expect.arrayContaining(["pixel-dev.example.com"]));
    expect(await domains("sid", PIXEL, "DEVELOPMENT")).not.toContain("pixel-dev-2.example.com");
    expect(await domains("nina", PIXEL, "DEVELOPMENT")).toEqual([]);
    // Managed stores: those where the organization has a request or an account, as MANAGED access allows.
    expect(await domains("pat", PIXEL, "MANAGED")).toEqual(["mia-shop.example.com"]);
    expect(await domains("nina", PIXEL, "MANAGED")).toEqual(["mia-shop.example.com"]);
    expect(await domains("dana", PIXEL, "MANAGED")).toEqual([]);
    // No filter: every type.
    expect(await domains("pat", PIXEL)).toEqual(expect.arrayContaining([...patDev, "mia-shop.example.com"]));
    expect(await domains("kai", KOI)).toEqual(
      expect.arrayContaining(["koi-sandbox.example.com", "koi-dev.example.com"]),
    );
    // Not a member: the organization reads as missing.
    expect(await listAs("mia", PIXEL)).toBeNull();
    expect(await listAs("kai", PIXEL)).toBeNull();
    // Pages.
    const firstPage = await (
      await s.as("pat")
    ).data(
      graphql(`
        query PartnerStoresFirstPage($org: ID!) {
          partnerOrganization(id: $org) {
            stores(storeType: DEVELOPMENT, first: 1) {
              nodes {
                id
              }
              pageInfo {
                hasNextPage
              }
            }
          }
        }
      `),
      { org: PIXEL },
    );
    const page = must(firstPage.partnerOrganization, "Pixel Union").stores;
    expect(page.nodes.length).toBe(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  test("R25: archive and unarchive a development store; twice is ARCHIVED / NOT_ARCHIVED", async () => {
    const archived = ok(await act("dana", ARCHIVE, STORE["pixel-dev"]), "store");
    expect(archived.archivedAt).not.toBeNull();
    expect((await storeRow(STORE["pixel-dev"])).archivedAt).not.toBeNull();
    const before = await state();
    refused(await act("dana", ARCHIVE, STORE["pixel-dev"]), "ARCHIVED", ["id"]);
    expect(await state()).toEqual(before);
    // Archived stores are still seen by those who reach them.
    expect(must(await readAs("vic", STORE["pixel-dev"]), "the store").archivedAt).not.toBeNull();

    expect(ok(await act("dora", UNARCHIVE, STORE["pixel-dev"]), "store").archivedAt).toBeNull();
    const after = await state();
    refused(await act("dana", UNARCHIVE, STORE["pixel-dev"]), "NOT_ARCHIVED", ["id"]);
    expect(await state()).toEqual(after);
    expect((await events(STORE["pixel-dev"], "partner_store.archived")).length).toBe(1);
    expect((await events(STORE["pixel-dev"], "partner_store.unarchived")).length).toBe(1);
  });

  test("R25: archiving needs access not NONE, the action, and for SPECIFIC the store in the list", async () => {
    const before = await state();
    // NONE: the store reads as missing.
    refused(await act("nina", ARCHIVE, STORE["pixel-dev-2"]), "NOT_FOUND", ["id"]);
    refused(await act("nina", UNARCHIVE, STORE["pixel-dev-old"]), "NOT_FOUND", ["id"]);
    // SPECIFIC without this store: missing too.
    refused(await act("sid", ARCHIVE, STORE["pixel-dev-2"]), "NOT_FOUND", ["id"]);
    // ALL without the action: seen, not allowed.
    expect(topLevel(await act("vic", ARCHIVE, STORE["pixel-dev-2"]), "ACCESS_DENIED")).toContain(
      "lacks action ADD_ARCHIVE_UNARCHIVE",
    );
    expect(topLevel(await act("vic", UNARCHIVE, STORE["pixel-dev-old"]), "ACCESS_DENIED")).toContain(
      "lacks action ADD_ARCHIVE_UNARCHIVE",
    );
    // Another partner organization's store: missing.
    refused(await act("kai", ARCHIVE, STORE["pixel-dev-2"]), "NOT_FOUND", ["id"]);
    refused(await act("mia", ARCHIVE, STORE["pixel-dev-2"]), "NOT_FOUND", ["id"]);
    expect(await state()).toEqual(before);

    // SPECIFIC with the store in the list.
    expect(ok(await act("sid", ARCHIVE, STORE["pixel-dev"]), "store").archivedAt).not.toBeNull();
    expect(ok(await act("sid", UNARCHIVE, STORE["pixel-dev"]), "store").archivedAt).toBeNull();
    // An archived store in the fixture is unarchived by a member with the action.
    expect(ok(await act("dora", UNARCHIVE, STORE["pixel-dev-old"]), "store").archivedAt).toBeNull();
    expect(ok(await act("dora", ARCHIVE, STORE["pixel-dev-old"]), "store").archivedAt).not.toBeNull();
  });

  test("R25: a managed store is not archived, unarchived or transferred (STORE_TYPE_MISMATCH)", async () => {
    const before = await state();
    for (const key of ["mia", "pat"]) {
      refused(await act(key, ARCHIVE, STORE["mia-shop"]), "STORE_TYPE_MISMATCH", ["id"]);
      refused(await act(key, UNARCHIVE, STORE["mia-shop"]), "STORE_TYPE_MISMATCH", ["id"]);
      refused(await act(key, TRANSFER, STORE["mia-shop"], { email: "max@example.com" }), "STORE_TYPE_MISMATCH", ["id"]);
    }
    // Not seen at all: missing.
    refused(await act("dana", ARCHIVE, STORE["mia-shop"]), "NOT_FOUND", ["id"]);
    expect(await state()).toEqual(before);
  });

  test("R25: Plus sandbox stores are archived and unarchived by members with access, and never transferred", async () => {
    expect(ok(await act("kim", ARCHIVE, STORE["koi-sandbox"]), "store").archivedAt).not.toBeNull();
    expect(ok(await act("kai", UNARCHIVE, STORE["koi-sandbox"]), "store").archivedAt).toBeNull();
    const before = await state();
    refused(await act("kip", ARCHIVE, STORE["koi-sandbox"]), "NOT_FOUND", ["id"]);
    refused(await act("kit", ARCHIVE, STORE["koi-sandbox"]), "NOT_FOUND", ["id"]);
    refused(await act("kai", TRANSFER, STORE["koi-sandbox"], { email: "max@example.com" }), "STORE_TYPE_MISMATCH", [
      "id",
    ]);
    expect(await state()).toEqual(before);
  });

  test("R25: transferring needs access not NONE and the TRANSFER action", async () => {
    const before = await state();
    expect(
      topLevel(await act("dora", TRANSFER, STORE["pixel-dev-2"], { email: "max@example.com" }), "ACCESS_DENIED"),
    ).toContain("partner setting DEVELOPMENT access lacks action TRANSFER");
    expect(
      topLevel(await act("vic", TRANSFER, STORE["pixel-dev-2"], { email: "max@example.com" }), "ACCESS_DENIED"),
    ).toContain("lacks action TRANSFER");
    refused(await act("nina", TRANSFER, STORE["pixel-dev-2"], { email: "max@example.com" }), "NOT_FOUND", ["id"]);
    refused(await act("sid", TRANSFER, STORE["pixel-dev-2"], { email: "max@example.com" }), "NOT_FOUND", ["id"]);
    // kip has development TRANSFER in Koi, not in Pixel.
    refused(await act("kip", TRANSFER, STORE["pixel-dev-2"], { email: "max@example.com" }), "NOT_FOUND", ["id"]);
    expect(await state()).toEqual(before);
  });

  test("R25: transfer refuses an archived store, an unknown merchant and a member of the partner organization", async () => {
    const before = await state();
    refused(await act("dana", TRANSFER, STORE["pixel-dev-old"], { email: "max@example.com" }), "ARCHIVED", ["id"]);
    for (const email of [
      "nobody@example.com",
      "not an email",
      "nina@example.com",
      "pat@example.com",
      "DANA@example.com",
    ]) {
      refused(await act("dana", TRANSFER, STORE["pixel-dev-2"], { email }), "NOT_FOUND", ["merchantEmail"]);
    }
    expect(await state()).toEqual(before);
  });

  test("R25: a transferred development store becomes the merchant's managed store; the partner keeps no access", async () => {
    const id = STORE["pixel-dev-2"]; // created by pat (the fixture's owner); dana transfers it
    expect(await readAs("pat", id)).not.toBeNull();
    const store = ok(await act("dana", TRANSFER, id, { email: " MAX@example.com " }), "store");
    // Dana keeps no access: the payload shows her the store's name, domain and type only.
    expect(store).toEqual({ id, name: "Pixel Dev Two", domain: "pixel-dev-2.example.com", storeType: "MANAGED" });

    const row = await storeRow(id);
    expect(row).toMatchObject({ storeType: "MANAGED", partnerOrganizationId: null, email: "max@example.com" });
    // The merchant owns and manages it.
    const seen = await readAs("max", id);
    expect(seen).toMatchObject({
      storeType: "MANAGED",
      archivedAt: null,
      owner: { email: "max@example.com", name: "Max Merchant" },
      ownerPartnerOrganization: null,
    });
    expect(must(seen, "the store").collaboratorRequestCode).toBe(row.requestCode);
    const users = must((await (await s.as("max")).data(USERS, { id })).store, "the store").users.nodes;
    expect(users).toEqual(
      expect.arrayContaining([
        { userType: "STAFF", status: "ACTIVE", user: { email: "max@example.com" } },
        { userType: "STAFF", status: "REMOVED", user: { email: "pat@example.com" } },
      ]),
    );
    expect(users.filter((u) => u.status === "ACTIVE")).toEqual([
      { userType: "STAFF", status: "ACTIVE", user: { email: "max@example.com" } },
    ]);
    // The previous creator and every member of the partner organization: the store reads as missing.
    for (const key of ["pat", "dana", "dora", "vic"]) expect(await readAs(key, id), key).toBeNull();
    expect(must(await listAs("pat", PIXEL), "the stores").nodes.map((n) => n.id)).not.toContain(id);
    refused(await act("pat", ARCHIVE, id), "NOT_FOUND", ["id"]);
    refused(await act("dana", TRANSFER, id, { email: "mia@example.com" }), "NOT_FOUND", ["id"]);
    // Recorded, and the merchant is told.
    expect((await events(id, "partner_store.transferred"))[0]).toMatchObject({
      actorName: "Dana Dev-All",
      targetName: "Pixel Dev Two",
    });
    const mail = await s.ds.query<Row[]>(
      `SELECT recipient, kind FROM notifications WHERE "storeId" = ${numericId(id)}`,
    );
    expect(mail).toEqual([{ recipient: "max@example.com", kind: "store_transferred" }]);

    // The partner can come back only as a collaborator, by a request the merchant decides on.
    const request = ok(
      await (
        await s.as("pat")
      ).gql(REQUEST, {
        input: { storeDomain: "pixel-dev-2.example.com", requestCode: row.requestCode, permissions: ["orders"] },
      }),
    );
    expect(request.collaborator).toEqual({ status: "REQUESTED", partnerOrganization: { name: "Pixel Union" } });
    expect(await readAs("pat", id)).toBeNull();
  });

  test("R25: a SPECIFIC member transfers a store of their list, which then leaves the list", async () => {
    const dev = ok(
      await create("sid", {
        partnerOrganizationId: PIXEL,
        storeType: "DEVELOPMENT",
        name: "Sid Client",
        domain: "sid-client.example.com",
      }),
      "store",
    );
    expect((await specificIds("sid", "Pixel Union", "DEVELOPMENT")).storeIds).toContain(dev.id);
    const store = ok(await act("sid", TRANSFER, dev.id, { email: "mia@example.com" }), "store");
    // Sid keeps no access (R25): the payload shows him the store's name, domain and type only.
    expect(store).toEqual({ id: dev.id, name: "Sid Client", domain: "sid-client.example.com", storeType: "MANAGED" });
    expect((await specificIds("sid", "Pixel Union", "DEVELOPMENT")).storeIds).not.toContain(dev.id);
    expect(await readAs("sid", dev.id)).toBeNull();
    expect(must(await readAs("mia", dev.id), "the store").owner.email).toBe("mia@example.com");
  });
});
