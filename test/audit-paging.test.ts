// Issue 12 item 5: accessAudit pages by keyset over the accounts that can hold the permission, and
// builds abilities only for the page. Paging through a seeded store (hundreds of people of every
// kind: owners, organization administrators and store user administrators, staff with and without
// granting roles, collaborators active, expired, pending and refused by their partner side, members
// of the partner organization owning a development store) gives exactly the grants of the whole
// answer computed as before the change (every standing of the store, every ability), and a page
// runs the same number of SQL statements in a store twice as big.
import { statementLog } from "./support/statement-log";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DEFAULT_LIMITS } from "../src/config";
import { loadStandings } from "../src/authz/standing";
import { abilityForStore, explain, permission } from "../src/authz/store-ability";
import { STORE_PERMISSION_HANDLES } from "../src/domain/roles/permissions";
import { Store } from "../src/domain/stores/store.entity";
import { graphql } from "./generated";
import type { AuditPagingPageQuery } from "./generated/graphql";
import { must, TestClient } from "./support/client";
import { startServer, TestServer } from "./support/server";
import { translate } from "../src/i18n";

const { logger, during } = statementLog();

type Entry = Record<string, unknown>;

/** A store of `n` people of every kind, keys prefixed with `p`, in the organization "acme". */
function people(p: string, n: number, users: Entry[], orgMembers: Entry[], agency: Entry[], closed: Entry[]) {
  const staff: Entry[] = [];
  const collaborators: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const key = `${p}${i}`;
    users.push({ key, email: `${key}@example.com`, name: `Person ${key}`, password: `password-${key}` });
    const kind = i % 10;
    if (kind === 0) staff.push({ user: key, roles: ["Administrator"] });
    else if (kind === 1) staff.push({ user: key, roles: ["Fulfilment"] });
    else if (kind === 2) staff.push({ user: key, roles: ["Support", "Marketing"] });
    else if (kind === 3) staff.push({ user: key, roles: ["Marketing"] });
    else if (kind === 9) {
      if (i % 20 === 9) orgMembers.push({ user: key, roles: ["Organization administrator"] });
      else orgMembers.push({ user: key, roles: ["Store user administrator"], stores: i % 40 === 19 ? [p] : [] });
    } else if (kind === 7) {
      closed.push({ user: key, type: "STAFF" });
      collaborators.push({ user: key, partner: "closed", status: "ACTIVE", roles: ["Support"], lastLoginDaysAgo: 1 });
    } else {
      agency.push({
        user: key,
        type: "STAFF",
        storeAccess: {
          MANAGED: { access: "ALL", actions: ["ADD_REMOVE"] },
          ...(i % 20 < 10 ? { DEVELOPMENT: { access: "ALL", actions: ["ADD_ARCHIVE_UNARCHIVE"] } } : {}),
        },
      });
      if (kind === 4)
        collaborators.push({
          user: key,
          partner: "agency",
          status: "ACTIVE",
          roles: i % 20 === 4 ? ["Fulfilment", "Point of sale"] : ["Fulfilment"],
          lastLoginDaysAgo: 1,
        });
      else if (kind === 5)
        collaborators.push({
          user: key,
          partner: "agency",
          status: "ACTIVE",
          roles: ["Support"],
          lastLoginDaysAgo: 120,
        });
      else if (kind === 6)
        collaborators.push({ user: key, partner: "agency", status: "REQUESTED", permissions: ["orders", "pos"] });
      else collaborators.push({ user: key, partner: "agency", status: "EXPIRED", roles: ["Fulfilment"] });
    }
  }
  const owner = `${p}owner`;
  users.push({ key: owner, email: `${owner}@example.com`, name: `Owner ${p}`, password: `password-${owner}` });
  return {
    key: p,
    name: `Store ${p}`,
    domain: `${p}.example.com`,
    organization: "acme",
    owner,
    requestCode: "1111",
    requireRequestCode: false,
    staffLimit: null,
    roles: [
      { name: "Fulfilment", permissions: ["orders", "products.view"] },
      { name: "Support", permissions: ["customers", "orders"] },
      { name: "Marketing", permissions: ["marketing"] },
      { name: "Point of sale", permissions: ["pos"] },
    ],
    staff,
    collaborators,
  };
}

function fixture() {
  const users: Entry[] = [];
  for (const key of ["boss", "aowner", "cowner"])
    users.push({ key, email: `${key}@example.com`, name: `Head ${key}`, password: `password-${key}` });
  const orgMembers: Entry[] = [];
  const agency: Entry[] = [{ user: "aowner", type: "OWNER" }];
  const closed: Entry[] = [{ user: "cowner", type: "OWNER" }];
  const big = people("big", 400, users, orgMembers, agency, closed);
  const mid = people("mid", 200, users, orgMembers, agency, closed);
  return {
    users,
    organizations: [{ key: "acme", name: "Acme", plus: true, owner: "boss", members: orgMembers }],
    stores: [
      big,
      mid,
      {
        key: "lab",
        name: "Lab",
        domain: "lab.example.com",
        owner: "aowner",
        requestCode: "2222",
        storeType: "DEVELOPMENT",
        partner: "agency",
      },
    ],
    partners: [
      { key: "agency", name: "Agency", plus: false, members: agency },
      { key: "closed", name: "Closed", plus: false, members: closed },
    ],
  };
}

let s: TestServer;
let boss: TestClient;
let aowner: TestClient;
beforeAll(async () => {
  s = await startServer(fixture(), {
    logger,
    server: { limits: { ...DEFAULT_LIMITS, costBucketSize: 10_000_000, costLeakPerSecond: 1_000_000 } },
  });
  boss = await s.as("boss");
  aowner = await s.as("aowner");
}, 300_000);
afterAll(async () => s?.close());

const PAGE = graphql(`
  query AuditPagingPage($storeId: ID!, $permission: String, $userType: UserType, $after: String) {
    accessAudit(storeId: $storeId, permission: $permission, userType: $userType, first: 50, after: $after) {
      nodes {
        user {
          id
        }
        userType
        permission
        via {
          reason
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

interface Grant {
  userId: number;
  userType: string;
  permission: string;
  reasons: string[];
}

const numberOf = (gid: string) => Number(gid.slice(gid.lastIndexOf("/") + 1));

/** Every grant, page by page (first: 50), and the number of pages. */
async function paged(
  client: TestClient,
  storeId: string,
  permission: string | null,
  userType?: "STAFF" | "COLLABORATOR",
) {
  const grants: Grant[] = [];
  let pages = 0;
  for (let after: string | null = null; ;) {
    const page: AuditPagingPageQuery["accessAudit"] = (
      await client.data(PAGE, { storeId, permission, userType, after })
    ).accessAudit;
    pages++;
    expect(page.nodes.length).toBeLessThanOrEqual(50);
    if (page.pageInfo.hasNextPage) expect(page.nodes).toHaveLength(50);
    grants.push(
      ...page.nodes.map((g) => ({
        userId: numberOf(g.user.id),
        userType: g.userType,
        permission: g.permission,
        reasons: g.via.map((v) => v.reason),
      })),
    );
    if (!page.pageInfo.hasNextPage) return { grants, pages };
    after = must(page.pageInfo.endCursor, "endCursor");
  }
}

/** The whole answer as it was computed before paging: every standing of the store, every ability. */
async function whole(storeId: string, only: string | null, userType?: "STAFF" | "COLLABORATOR"): Promise<Grant[]> {
  const store = await s.ds.manager.findOneByOrFail(Store, { id: numberOf(storeId) });
  const handles = only ? [only] : STORE_PERMISSION_HANDLES;
  const standings = [...(await loadStandings(s.ds.manager, store, "everyone", new Date(), { handles })).values()];
  standings.sort((a, b) => a.user.id - b.user.id);
  const out: Grant[] = [];
  for (const standing of standings) {
    const type = standing.account?.userType === "COLLABORATOR" ? "COLLABORATOR" : "STAFF";
    if (userType && userType !== type) continue;
    const ability = abilityForStore(standing);
    for (const handle of handles) {
      const e = explain(ability, "use", permission(handle));
      if (e.allowed)
        out.push({
          userId: standing.user.id,
          userType: type,
          permission: handle,
          reasons: e.via.map((v) => translate("en", v.reason)),
        });
    }
  }
  return out;
}

test("paging accessAudit by 50 gives exactly the whole answer's grants, for several permissions and for none", async () => {
  const big = await s.gid("Store", "stores", { domain: "big.example.com" });
  const mid = await s.gid("Store", "stores", { domain: "mid.example.com" });
  const cases: [string, string | null, ("STAFF" | "COLLABORATOR")?][] = [
    [big, "orders"],
    [big, "users"],
    [big, "pos"],
    [big, "marketing"],
    [big, "customers", "COLLABORATOR"],
    [big, "orders", "STAFF"],
    [big, null],
    [mid, "products.view"],
    [mid, null],
  ];
  for (const [storeId, only, userType] of cases) {
    const reference = await whole(storeId, only, userType);
    const { grants, pages } = await paged(boss, storeId, only, userType);
    expect(grants, `${storeId} ${only} ${userType}`).toEqual(reference);
    expect(pages).toBe(Math.max(1, Math.ceil(reference.length / 50)));
  }
  // The reference is not empty nor trivial: several kinds hold, and others are turned down.
  const orders = await whole(big, "orders");
  expect(orders.length).toBeGreaterThan(150);
  expect(new Set(orders.map((g) => g.userType))).toEqual(new Set(["STAFF", "COLLABORATOR"]));
  expect((await whole(big, "users")).some((g) => g.reasons.some((r) => r.includes("Store user administrator")))).toBe(
    true,
  );
});

test("paging accessAudit of a partner organization's development store gives its members' grants as the whole answer does", async () => {
  const lab = await s.gid("Store", "stores", { domain: "lab.example.com" });
  for (const only of ["orders", "pos", null]) {
    const reference = await whole(lab, only);
    expect(reference.length).toBeGreaterThan(only ? 50 : 1000);
    expect((await paged(aowner, lab, only)).grants).toEqual(reference);
  }
});

test("a page of accessAudit runs the same SQL statements in a store twice as big", async () => {
  const count = async (storeId: string, after: string | null) => {
    const [data, statements] = await during(() => boss.data(PAGE, { storeId, permission: "orders", after }));
    const page = data.accessAudit;
    expect(page.pageInfo.hasNextPage).toBe(true);
    return { n: statements.length, next: must(page.pageInfo.endCursor, "endCursor") };
  };
  const big = await s.gid("Store", "stores", { domain: "big.example.com" });
  const mid = await s.gid("Store", "stores", { domain: "mid.example.com" });
  const bigFirst = await count(big, null);
  const midFirst = await count(mid, null);
  expect(bigFirst.n).toBe(midFirst.n);
  expect((await count(big, bigFirst.next)).n).toBe(bigFirst.n);
  expect(bigFirst.n).toBeLessThanOrEqual(15);
});
