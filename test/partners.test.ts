// A partner organization's team over HTTP: owners and staff (R22), sensitive permissions (R23),
// store access per store type (R24) and its actions (R25), specific store access from the member
// or the store's team page (R26), and invitations (R27).
//
// World (test/fixtures/world.json): Pixel Union (not Plus): pat OWNER; pia STAFF (managed:
// SPECIFIC acme-eu, collaborator on acme-eu); pete, stan STAFF (managed: ALL); pax STAFF (managed:
// NONE). Koi Commerce (Plus): kai OWNER; kira STAFF (managed: ALL).
//
// All tests share one server and database, and the describes run in file order; a test that
// relies on what an earlier one left says so. Every test that changes a member it does not own
// for the rest of the file puts it back. Removing pia from Pixel Union comes last.
import crypto from "node:crypto";
import { Like } from "typeorm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clock, DAY_MS } from "../src/clock";
import { AuditEvent } from "../src/domain/audit/audit-event.entity";
import { Notification } from "../src/domain/notifications/notification.entity";
import { PartnerMember } from "../src/domain/partners/partner-member.entity";
import { graphql } from "./generated";
import type {
  PartnerMemberInviteInput,
  PartnerMemberType,
  PartnerMemberUpdateInput,
  PartnerStoreTeamUpdateInput,
  StoreAccessInput,
} from "./generated/graphql";
import { must } from "./support/client";
import {
  EXPLAIN_ACCESS as EXPLAIN,
  REQUEST_CREATE as REQUEST,
  SIGN_IN,
  STORE_NAME as STORE,
} from "./support/documents";
import { ok, refused, topLevel } from "./support/mutation-payloads";
import { startServer, TestClient, TestServer } from "./support/server";
import { worldIds } from "./support/world";

let s: TestServer;
let ids: Record<string, string> = {};
let PIXEL = "";
let KOI = "";
let STUDIO = "";
const M: Record<string, string> = {}; // partner member gids by user key

const num = (gid: string) => Number(gid.split("/").pop());

beforeAll(async () => {
  s = await startServer();
  ids = await worldIds(s, ["erin", "dan", "pat", "pia", "pete", "pax", "stan", "kai", "kira", "owen"]);
  PIXEL = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
  KOI = await s.gid("PartnerOrganization", "partner_organizations", { name: "Koi Commerce" });
  STUDIO = await s.gid("Store", "stores", { domain: "studio.example.com" });
  for (const [key, org] of [
    ["pat", PIXEL],
    ["pia", PIXEL],
    ["pete", PIXEL],
    ["pax", PIXEL],
    ["stan", PIXEL],
    ["kai", KOI],
    ["kira", KOI],
  ] as const) {
    M[key] = await s.gid("PartnerMember", "partner_members", {
      userId: num(ids[key]),
      partnerOrganizationId: num(org),
    });
  }
});
afterAll(async () => {
  clock.reset();
  await s?.close();
});

// ---- GraphQL documents -------------------------------------------------------------------------

// A partner member as these tests read it.
graphql(`
  fragment PartnersMember on PartnerMember {
    id
    type
    status
    invitedEmail
    invitationExpiresAt
    permissions
    effectivePermissions
    user {
      email
    }
    storeAccess {
      storeType
      access
      storeIds
      actions
    }
  }
`);
const INVITE = graphql(`
  mutation PartnersInvite($input: PartnerMemberInviteInput!) {
    partnerMemberInvite(input: $input) {
      partnerMember {
        ...PartnersMember
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation PartnersUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {
    partnerMemberUpdate(id: $id, input: $input) {
      partnerMember {
        ...PartnersMember
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const REMOVE = graphql(`
  mutation PartnersRemove($id: ID!) {
    partnerMemberRemove(id: $id) {
      removedPartnerMemberId
      partnerOrganization {
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
const RESEND = graphql(`
  mutation PartnersInviteResend($id: ID!) {
    partnerMemberInviteResend(id: $id) {
      partnerMember {
        ...PartnersMember
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const REVOKE = graphql(`
  mutation PartnersInviteRevoke($id: ID!) {
    partnerMemberInviteRevoke(id: $id) {
      revokedPartnerMemberId
      partnerOrganization {
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
const ACCEPT = graphql(`
  mutation PartnersInvitationAccept($input: PartnerInvitationAcceptInput!) {
    partnerInvitationAccept(input: $input) {
      partnerMember {
        ...PartnersMember
        partnerOrganization {
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
`);
const TEAM_UPDATE = graphql(`
  mutation PartnersStoreTeamUpdate($input: PartnerStoreTeamUpdateInput!) {
    partnerStoreTeamUpdate(input: $input) {
      store {
        id
      }
      storeTeam {
        user {
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
const ORG = graphql(`
  query PartnersOrganization($id: ID!) {
    partnerOrganization(id: $id) {
      name
      plus
      members {
        ...PartnersMember
      }
    }
  }
`);
const STORE_TEAM = graphql(`
  query PartnersStoreTeam($id: ID!, $storeId: ID!) {
    partnerOrganization(id: $id) {
      storeTeam(storeId: $storeId) {
        user {
          email
        }
      }
    }
  }
`);
const STORES = graphql(`
  query PartnersStores($id: ID!, $type: StoreType) {
    partnerOrganization(id: $id) {
      stores(first: 50, storeType: $type) {
        nodes {
          id
          storeType
        }
      }
    }
  }
`);
const MEMBERSHIPS = graphql(`
  query PartnersMemberships {
    viewer {
      partnerMemberships {
        id
        type
        status
        permissions
        effectivePermissions
        partnerOrganization {
          name
        }
        storeAccess {
          storeType
          access
          storeIds
          actions
        }
      }
    }
  }
`);

// ---- helpers -----------------------------------------------------------------------------------

/** What a refused change must leave as it was: every member row, invitation emails, team audit events. */
async function state() {
  return {
    members: await s.ds.getRepository(PartnerMember).find({ order: { id: "ASC" } }),
    emails: await s.ds.getRepository(Notification).countBy({ kind: "partner_invitation" }),
    events: await s.ds.getRepository(AuditEvent).countBy({ action: Like("partner_member.%") }),
  };
}
async function unchanged(work: () => Promise<void>) {
  const before = await state();
  await work();
  expect(await state()).toEqual(before);
}

const update = async (as: string, member: string, input: PartnerMemberUpdateInput) =>
  (await s.as(as)).gql(UPDATE, { id: member, input });
/** An invitation (STAFF unless the input says otherwise). */
const invite = async (as: string, input: Omit<PartnerMemberInviteInput, "type"> & { type?: PartnerMemberType }) =>
  (await s.as(as)).gql(INVITE, { input: { type: "STAFF", ...input } });
const stored = (member: string) => s.ds.getRepository(PartnerMember).findOneBy({ id: num(member) });
async function teamOf(as: string, org: string) {
  return must((await (await s.as(as)).data(ORG, { id: org })).partnerOrganization, org).members;
}
const accessOf = <A extends { storeType: string }>(member: { storeAccess: A[] }, type: string) =>
  member.storeAccess.find((a) => a.storeType === type);

/** The token of the last invitation emailed to this address (the email is its only copy). */
async function emailedToken(email: string): Promise<string> {
  const mail = await s.ds
    .getRepository(Notification)
    .findOne({ where: { recipient: email, kind: "partner_invitation" }, order: { id: "DESC" } });
  const token = /Invitation token: ([A-Za-z0-9_-]+)/.exec(mail?.body ?? "")?.[1];
  expect(token, `no invitation email to ${email}`).toBeTruthy();
  return token!;
}
const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

async function signInAs(email: string, password: string): Promise<TestClient> {
  const r = must((await s.anonymous().data(SIGN_IN, { input: { email, password } })).signIn, "signIn");
  expect(r.userErrors).toEqual([]);
  return new TestClient(s.url, r.token);
}

const MANAGED_ALL: StoreAccessInput = { storeType: "MANAGED", access: "ALL", actions: ["ADD_REMOVE"] };

// ---- R22: owners and staff ---------------------------------------------------------------------

describe("owners and staff", () => {
  test("R22: a partner organization reads as missing outside it, and its team only to its members", async () => {
    const [erin, kira, pax] = [await s.as("erin"), await s.as("kira"), await s.as("pax")];
    expect((await erin.data(ORG, { id: PIXEL })).partnerOrganization).toBeNull();
    await unchanged(async () => {
      refused(
        await kira.gql(INVITE, { input: { partnerOrganizationId: PIXEL, email: "x@example.com", type: "STAFF" } }),
        "NOT_FOUND",
        ["input", "partnerOrganizationId"],
      );
      refused(await kira.gql(UPDATE, { id: M.pia, input: { permissions: ["view_ads"] } }), "NOT_FOUND", ["id"]);
      refused(await erin.gql(REMOVE, { id: M.pat }), "NOT_FOUND", ["id"]);
      topLevel(await s.anonymous().gql(REMOVE, { id: M.pax }), "UNAUTHENTICATED");
    });
    // A merchant sees the requester's partner organization by name (R30), not its team.
    const viaCollaborator = await erin.gql(
      graphql(`
        query PartnersCollaboratorTeams($id: ID!) {
          store(id: $id) {
            collaborators(first: 1) {
              nodes {
                partnerOrganization {
                  name
                  members {
                    id
                  }
                }
              }
            }
          }
        }
      `),
      { id: ids.acmeEu },
    );
    topLevel(viaCollaborator, "ACCESS_DENIED");
    // Staff see the whole team; owners show ALL access to every store type of the organization.
    const team = await teamOf("pax", PIXEL);
    expect(team.map((m) => must(m.user, m.id).email)).toEqual([
      "pat@example.com",
      "pia@example.com",
      "pete@example.com",
      "pax@example.com",
      "stan@example.com",
    ]);
    const pat = team[0];
    expect(pat).toMatchObject({ type: "OWNER", status: "ACTIVE", permissions: [] });
    expect(pat.storeAccess).toEqual([
      // R25: every action that exists for the store type.
      { storeType: "DEVELOPMENT", access: "ALL", storeIds: [], actions: ["ADD_ARCHIVE_UNARCHIVE", "TRANSFER"] },
      { storeType: "MANAGED", access: "ALL", storeIds: [], actions: ["ADD_REMOVE"] },
    ]);
    expect((await pax.data(MEMBERSHIPS)).viewer.partnerMemberships.map((m) => m.partnerOrganization.name)).toEqual([
      "Pixel Union",
    ]);
  });

  test("R22: staff without manage_members manage nobody (ACCESS_DENIED)", async () => {
    const pax = await s.as("pax");
    await unchanged(async () => {
      topLevel(
        await pax.gql(INVITE, { input: { partnerOrganizationId: PIXEL, email: "friend@example.com", type: "STAFF" } }),
        "ACCESS_DENIED",
      );
      topLevel(await pax.gql(UPDATE, { id: M.pia, input: { permissions: [] } }), "ACCESS_DENIED");
      topLevel(await pax.gql(UPDATE, { id: M.pax, input: { permissions: ["manage_members"] } }), "ACCESS_DENIED");
      topLevel(await pax.gql(REMOVE, { id: M.pete }), "ACCESS_DENIED");
      topLevel(
        await pax.gql(TEAM_UPDATE, {
          input: { partnerOrganizationId: PIXEL, storeId: ids.acmeEu, addMemberIds: [M.pax] },
        }),
        "ACCESS_DENIED",
      );
    });
  });

  test("R22: staff given manage_members manage staff, but never owners", async () => {
    // The owner delegates: pete gets manage_members.
    expect(ok(await update("pat", M.pete, { permissions: ["manage_members"] }), "partnerMember").permissions).toEqual([
      "manage_members",
    ]);
    const pete = await s.as("pete");
    await unchanged(async () => {
      topLevel(
        await pete.gql(INVITE, { input: { partnerOrganizationId: PIXEL, email: "boss@example.com", type: "OWNER" } }),
        "ACCESS_DENIED",
      );
      topLevel(await pete.gql(UPDATE, { id: M.pax, input: { type: "OWNER" } }), "ACCESS_DENIED");
      topLevel(await pete.gql(UPDATE, { id: M.pat, input: { type: "STAFF" } }), "ACCESS_DENIED");
      topLevel(await pete.gql(UPDATE, { id: M.pat, input: { permissions: [] } }), "ACCESS_DENIED");
      topLevel(await pete.gql(REMOVE, { id: M.pat }), "ACCESS_DENIED");
    });
    // Staff are his to manage: an invitation, and a change to pax's store access.
    const invited = ok(
      await pete.gql(INVITE, { input: { partnerOrganizationId: PIXEL, email: "helper@example.com", type: "STAFF" } }),
      "partnerMember",
    );
    expect(invited).toMatchObject({ type: "STAFF", status: "INVITED", invitedEmail: "helper@example.com", user: null });
    const pax = ok(
      await pete.gql(UPDATE, {
        id: M.pax,
        input: { storeAccess: [{ storeType: "DEVELOPMENT", access: "ALL", actions: ["ADD_ARCHIVE_UNARCHIVE"] }] },
      }),
      "partnerMember",
    );
    expect(accessOf(pax, "DEVELOPMENT")).toMatchObject({ access: "ALL", actions: ["ADD_ARCHIVE_UNARCHIVE"] });
    ok(await pete.gql(UPDATE, { id: M.pax, input: { storeAccess: [{ storeType: "DEVELOPMENT", access: "NONE" }] } }));
    ok(await pete.gql(REVOKE, { id: invited.id }));
  });

  test("R22: owners promote staff to owner and demote owners; an owner stores no permissions or store access", async () => {
    await unchanged(async () => {
      refused(await update("pat", M.pax, { type: "OWNER", permissions: ["view_ads"] }), "INVALID", [
        "input",
        "permissions",
      ]);
    });
    const promoted = ok(await update("pat", M.pax, { type: "OWNER" }), "partnerMember");
    expect(promoted).toMatchObject({ type: "OWNER", permissions: [], effectivePermissions: [] });
    expect(promoted.storeAccess.every((a) => a.access === "ALL")).toBe(true);
    expect(await stored(M.pax)).toMatchObject({ type: "OWNER", permissions: [], storeAccess: {} });
    // pax, now an owner, manages owners too; then pat makes pax staff again, with no store access.
    const paxClient = await s.as("pax");
    topLevel(await (await s.as("pete")).gql(UPDATE, { id: M.pax, input: { type: "STAFF" } }), "ACCESS_DENIED");
    expect(must((await paxClient.data(ORG, { id: PIXEL })).partnerOrganization, "Pixel Union").members.length).toBe(5);
    const demoted = ok(
      await update("pat", M.pax, { type: "STAFF", storeAccess: [{ storeType: "MANAGED", access: "NONE" }] }),
      "partnerMember",
    );
    expect(demoted.type).toBe("STAFF");
    expect(demoted.storeAccess.map((a) => a.access)).toEqual(["NONE", "NONE"]);
    const events = await s.ds
      .getRepository(AuditEvent)
      .find({ where: { targetId: num(M.pax), action: Like("partner_member.%") }, order: { id: "ASC" } });
    expect(events.map((e) => e.action).slice(-2)).toEqual(["partner_member.promoted", "partner_member.demoted"]);
    expect(events.at(-1)!.details).toMatchObject({ before: { type: "OWNER" }, after: { type: "STAFF" } });
    expect(events.at(-1)!.partnerOrganizationId).toBe(num(PIXEL));
  });

  test("R22: the last active owner can never be removed or demoted", async () => {
    const kai = await s.as("kai");
    // An invited owner does not count until they accept.
    const invited = ok(
      await kai.gql(INVITE, {
        input: { partnerOrganizationId: KOI, email: "second-owner@example.com", type: "OWNER" },
      }),
      "partnerMember",
    );
    await unchanged(async () => {
      refused(await kai.gql(UPDATE, { id: M.kai, input: { type: "STAFF" } }), "LAST_OWNER", ["id"]);
      refused(await kai.gql(REMOVE, { id: M.kai }), "LAST_OWNER", ["id"]);
    });
    // With a second owner, one may go; then the other is the last again.
    ok(await kai.gql(UPDATE, { id: M.kira, input: { type: "OWNER" } }));
    const kira = await s.as("kira");
    ok(await kira.gql(UPDATE, { id: M.kai, input: { type: "STAFF" } }));
    await unchanged(async () => {
      refused(await kira.gql(REMOVE, { id: M.kira }), "LAST_OWNER");
      refused(await kira.gql(UPDATE, { id: M.kira, input: { type: "STAFF" } }), "LAST_OWNER");
    });
    // Back as they were: kai the owner, kira staff with all managed stores.
    ok(await kira.gql(UPDATE, { id: M.kai, input: { type: "OWNER" } }));
    ok(await kai.gql(UPDATE, { id: M.kira, input: { type: "STAFF", storeAccess: [MANAGED_ALL] } }));
    ok(await kai.gql(REVOKE, { id: invited.id }));
    const team = await teamOf("kai", KOI);
    expect(team.map((m) => [must(m.user, m.id).email, m.type])).toEqual([
      ["kai@example.com", "OWNER"],
      ["kira@example.com", "STAFF"],
    ]);
  });
});

// ---- R23: sensitive permissions ----------------------------------------------------------------

describe("sensitive permissions", () => {
  const TEN = [
    "view_financials",
    "view_ads",
    "manage_ads",
    "manage_apps",
    "manage_themes",
    "manage_members",
    "manage_public_listings",
    "manage_jobs",
    "manage_affiliate_campaigns",
    "view_referrals",
  ];

  test("R23: staff hold the ten sensitive permissions they are given; manage_ads gives view_ads", async () => {
    const all = ok(await update("pat", M.pia, { permissions: TEN }), "partnerMember");
    expect(all.permissions).toEqual([...TEN].sort());
    expect(all.effectivePermissions).toEqual([...TEN].sort());
    const ads = ok(await update("pat", M.pia, { permissions: ["manage_ads"] }), "partnerMember");
    expect(ads.permissions).toEqual(["manage_ads"]);
    expect(ads.effectivePermissions).toEqual(["manage_ads", "view_ads"]);
    const mine = (await (await s.as("pia")).data(MEMBERSHIPS)).viewer.partnerMemberships[0];
    expect(mine).toMatchObject({ permissions: ["manage_ads"], effectivePermissions: ["manage_ads", "view_ads"] });
    // Only what was given is stored; implied permissions are derived.
    expect((await stored(M.pia))!.permissions).toEqual(["manage_ads"]);
    ok(await update("pat", M.pia, { permissions: [] }));
  });

  test("R23: an unknown partner permission is refused at its entry and changes nothing", async () => {
    await unchanged(async () => {
      refused(await update("pat", M.pia, { permissions: ["view_ads", "orders"] }), "UNKNOWN_PARTNER_PERMISSION", [
        "input",
        "permissions",
        "1",
      ]);
      refused(
        await invite("pat", {
          partnerOrganizationId: PIXEL,
          email: "perm@example.com",
          permissions: ["manage_everything"],
        }),
        "UNKNOWN_PARTNER_PERMISSION",
        ["input", "permissions", "0"],
      );
    });
  });

  test("R23: staff with manage_members grant only the permissions they hold (ESCALATION)", async () => {
    // Relies on the R22 test: pete holds manage_members; now manage_ads too.
    ok(await update("pat", M.pete, { permissions: ["manage_members", "manage_ads"] }));
    const pete = await s.as("pete");
    await unchanged(async () => {
      refused(await pete.gql(UPDATE, { id: M.pax, input: { permissions: ["manage_apps"] } }), "ESCALATION", [
        "input",
        "permissions",
      ]);
      refused(
        await pete.gql(UPDATE, {
          id: M.pete,
          input: { permissions: ["manage_members", "manage_ads", "view_financials"] },
        }),
        "ESCALATION",
      );
      refused(
        await pete.gql(INVITE, {
          input: {
            partnerOrganizationId: PIXEL,
            email: "esc@example.com",
            type: "STAFF",
            permissions: ["view_referrals"],
          },
        }),
        "ESCALATION",
      );
    });
    // view_ads comes with manage_ads, so pete holds it and may give it.
    expect(
      ok(await pete.gql(UPDATE, { id: M.pax, input: { permissions: ["view_ads", "manage_ads"] } }), "partnerMember")
        .permissions,
    ).toEqual(["manage_ads", "view_ads"]);
    // Keeping a permission pete lacks is no escalation; taking one away neither.
    ok(await update("pat", M.pax, { permissions: ["manage_apps"] }));
    ok(await pete.gql(UPDATE, { id: M.pax, input: { permissions: ["manage_apps", "manage_members"] } }));
    ok(await pete.gql(UPDATE, { id: M.pax, input: { permissions: [] } }));
    expect((await stored(M.pax))!.permissions).toEqual([]);
  });
});

// ---- R24, R25: store access --------------------------------------------------------------------

describe("store access", () => {
  test("R24: store access per store type is NONE, ALL or SPECIFIC with the organization's own stores", async () => {
    const specific = ok(
      await update("pat", M.pax, {
        storeAccess: [{ storeType: "MANAGED", access: "SPECIFIC", storeIds: [ids.acmeEu], actions: ["ADD_REMOVE"] }],
      }),
      "partnerMember",
    );
    expect(accessOf(specific, "MANAGED")).toEqual({
      storeType: "MANAGED",
      access: "SPECIFIC",
      storeIds: [ids.acmeEu],
      actions: ["ADD_REMOVE"],
    });
    expect(accessOf(specific, "DEVELOPMENT")).toMatchObject({ access: "NONE", storeIds: [] });
    await unchanged(async () => {
      const at = (...rest: string[]) => ["input", "storeAccess", "0", ...rest];
      refused(
        await update("pat", M.pax, {
          storeAccess: [{ storeType: "MANAGED", access: "SPECIFIC", storeIds: [ids.acmeEu, STUDIO] }],
        }),
        "STORE_NOT_IN_ORGANIZATION",
        at("storeIds", "1"),
      );
      refused(
        await update("pat", M.pax, {
          storeAccess: [{ storeType: "DEVELOPMENT", access: "SPECIFIC", storeIds: [ids.acmeEu] }],
        }),
        "STORE_NOT_IN_ORGANIZATION",
        at("storeIds", "0"),
      );
      refused(
        await update("pat", M.pax, { storeAccess: [{ storeType: "MANAGED", access: "ALL", storeIds: [ids.acmeEu] }] }),
        "INVALID_STORE_ACCESS",
        at("storeIds"),
      );
      refused(
        await update("pat", M.pax, { storeAccess: [{ storeType: "MANAGED", access: "NONE", storeIds: [ids.acmeEu] }] }),
        "INVALID_STORE_ACCESS",
        at("storeIds"),
      );
      refused(
        await update("pat", M.pax, {
          storeAccess: [{ storeType: "MANAGED", access: "NONE", actions: ["ADD_REMOVE"] }],
        }),
        "INVALID_STORE_ACCESS",
        at("actions"),
      );
      refused(
        await update("pat", M.pax, { storeAccess: [{ storeType: "MANAGED", access: "ALL", actions: ["TRANSFER"] }] }),
        "INVALID_STORE_ACCESS",
        at("actions", "0"),
      );
      refused(
        await update("pat", M.pax, {
          storeAccess: [{ storeType: "DEVELOPMENT", access: "ALL", actions: ["TRANSFER", "ADD_REMOVE"] }],
        }),
        "INVALID_STORE_ACCESS",
        at("actions", "1"),
      );
      refused(
        await update("pat", M.pax, { storeAccess: [MANAGED_ALL, { storeType: "MANAGED", access: "NONE" }] }),
        "INVALID_STORE_ACCESS",
        ["input", "storeAccess", "1", "storeType"],
      );
      refused(
        await invite("pat", {
          partnerOrganizationId: PIXEL,
          email: "bad-access@example.com",
          storeAccess: [{ storeType: "MANAGED", access: "SPECIFIC", storeIds: [STUDIO] }],
        }),
        "STORE_NOT_IN_ORGANIZATION",
      );
      // Owners have every store: they are given no store access of their own.
      refused(
        await invite("pat", {
          partnerOrganizationId: PIXEL,
          email: "owner2@example.com",
          type: "OWNER",
          storeAccess: [MANAGED_ALL],
        }),
        "INVALID",
        ["input", "storeAccess"],
      );
    });
    // A store type not given keeps its access.
    const dev = ok(
      await update("pat", M.pax, {
        storeAccess: [{ storeType: "DEVELOPMENT", access: "ALL", actions: ["TRANSFER", "ADD_ARCHIVE_UNARCHIVE"] }],
      }),
      "partnerMember",
    );
    expect(accessOf(dev, "DEVELOPMENT")).toMatchObject({
      access: "ALL",
      storeIds: [],
      actions: ["ADD_ARCHIVE_UNARCHIVE", "TRANSFER"],
    });
    expect(accessOf(dev, "MANAGED")).toMatchObject({ access: "SPECIFIC", storeIds: [ids.acmeEu] });
    ok(
      await update("pat", M.pax, {
        storeAccess: [
          { storeType: "DEVELOPMENT", access: "NONE" },
          { storeType: "MANAGED", access: "NONE" },
        ],
      }),
    );
  });

  test("R24: Plus sandbox access exists only in Plus partner organizations", async () => {
    await unchanged(async () => {
      refused(
        await update("pat", M.pax, {
          storeAccess: [{ storeType: "PLUS_SANDBOX", access: "ALL", actions: ["ADD_ARCHIVE_UNARCHIVE"] }],
        }),
        "PLUS_ONLY",
        ["input", "storeAccess", "0", "storeType"],
      );
      refused(
        await invite("pat", {
          partnerOrganizationId: PIXEL,
          email: "sandbox@example.com",
          storeAccess: [{ storeType: "PLUS_SANDBOX", access: "NONE" }],
        }),
        "PLUS_ONLY",
      );
      refused(
        await update("kai", M.kira, {
          storeAccess: [{ storeType: "PLUS_SANDBOX", access: "SPECIFIC", storeIds: [ids.nordic] }],
        }),
        "STORE_NOT_IN_ORGANIZATION",
      );
    });
    // Pixel Union is not Plus: its members' access lists no Plus sandbox stores.
    for (const m of await teamOf("pat", PIXEL))
      expect(m.storeAccess.map((a) => a.storeType)).toEqual(["DEVELOPMENT", "MANAGED"]);
    const kira = ok(
      await update("kai", M.kira, {
        storeAccess: [{ storeType: "PLUS_SANDBOX", access: "ALL", actions: ["ADD_ARCHIVE_UNARCHIVE"] }],
      }),
      "partnerMember",
    );
    expect(kira.storeAccess.map((a) => [a.storeType, a.access])).toEqual([
      ["DEVELOPMENT", "NONE"],
      ["MANAGED", "ALL"],
      ["PLUS_SANDBOX", "ALL"],
    ]);
    expect(must(accessOf(kira, "PLUS_SANDBOX"), "PLUS_SANDBOX access").actions).toEqual(["ADD_ARCHIVE_UNARCHIVE"]);
  });

  test("R24: the partner side decides which managed stores a collaborator reaches", async () => {
    const [pia, erin] = [await s.as("pia"), await s.as("erin")];
    expect((await pia.data(STORE, { id: ids.acmeEu })).store).not.toBeNull();
    ok(
      await update("pat", M.pia, {
        storeAccess: [{ storeType: "MANAGED", access: "SPECIFIC", storeIds: [], actions: ["ADD_REMOVE"] }],
      }),
    );
    expect((await pia.data(STORE, { id: ids.acmeEu })).store).toBeNull();
    const why = (await erin.data(EXPLAIN, { userId: ids.pia, storeId: ids.acmeEu, permission: "orders" }))
      .explainAccess;
    expect(why.allowed).toBe(false);
    expect(
      why.reasons.some((r) => r.startsWith("partner side:") && r.includes("SPECIFIC does not include this store")),
      JSON.stringify(why.reasons),
    ).toBe(true);
    ok(
      await update("pat", M.pia, {
        storeAccess: [{ storeType: "MANAGED", access: "SPECIFIC", storeIds: [ids.acmeEu], actions: ["ADD_REMOVE"] }],
      }),
    );
    expect((await pia.data(STORE, { id: ids.acmeEu })).store).not.toBeNull();
    expect(
      (await erin.data(EXPLAIN, { userId: ids.pia, storeId: ids.acmeEu, permission: "orders" })).explainAccess.allowed,
    ).toBe(true);
  });

  test("R25: store actions need access other than NONE; a SPECIFIC member gains the managed stores they request", async () => {
    // pax: SPECIFIC managed access without the add and remove action, then NONE: no requests.
    ok(await update("pat", M.pax, { storeAccess: [{ storeType: "MANAGED", access: "SPECIFIC", storeIds: [] }] }));
    const pax = await s.as("pax");
    const input = { storeDomain: "nordic.example.com", requestCode: "1234", permissions: ["orders"] };
    refused(await pax.gql(REQUEST, { input }), "PARTNER_ACCESS_DENIED");
    ok(await update("pat", M.pax, { storeAccess: [{ storeType: "MANAGED", access: "NONE" }] }));
    refused(await pax.gql(REQUEST, { input }), "PARTNER_ACCESS_DENIED");
    // pia: SPECIFIC [acme-eu] with ADD_REMOVE: her request adds nordic to her list, and to Pixel Union's stores.
    expect(ok(await (await s.as("pia")).gql(REQUEST, { input }), "collaborator").status).toBe("REQUESTED");
    const mine = (await (await s.as("pia")).data(MEMBERSHIPS)).viewer.partnerMemberships[0];
    expect(must(accessOf(mine, "MANAGED"), "MANAGED access").storeIds).toEqual([ids.acmeEu, ids.nordic]);
    const managed = must(
      (await (await s.as("pat")).data(STORES, { id: PIXEL, type: "MANAGED" })).partnerOrganization,
      "Pixel Union",
    ).stores.nodes.map((n) => n.id);
    expect(managed).toEqual([ids.acmeEu, ids.acmeUs, ids.nordic]);
    // Staff without manage_members see the stores they reach; pax reaches none.
    const piaStores = must(
      (await (await s.as("pia")).data(STORES, { id: PIXEL })).partnerOrganization,
      "Pixel Union",
    ).stores.nodes.map((n) => n.id);
    expect(piaStores).toEqual([ids.acmeEu, ids.nordic]);
    expect(must((await pax.data(STORES, { id: PIXEL })).partnerOrganization, "Pixel Union").stores.nodes).toEqual([]);
  });
});

// ---- R26: specific store access from the store's team page -------------------------------------

describe("a store's team page", () => {
  test("R26: the store's team page gives and takes a store in staff members' SPECIFIC access", async () => {
    // Relies on the R25 test: pax has NONE for managed stores; pia SPECIFIC [acme-eu, nordic].
    const pat = await s.as("pat");
    const team = async (store: string) =>
      must(
        (await pat.data(STORE_TEAM, { id: PIXEL, storeId: store })).partnerOrganization,
        "Pixel Union",
      ).storeTeam?.map((m) => must(m.user, "a member's user").email) ?? null;
    expect(await team(ids.acmeEu)).toEqual([
      "pat@example.com",
      "pia@example.com",
      "pete@example.com",
      "stan@example.com",
    ]);
    expect(await team(STUDIO)).toBeNull();

    ok(await update("pat", M.pax, { storeAccess: [{ storeType: "MANAGED", access: "SPECIFIC", storeIds: [] }] }));
    const teamUpdate = (
      as: TestClient,
      input: Omit<PartnerStoreTeamUpdateInput, "partnerOrganizationId" | "storeId">,
    ) => as.gql(TEAM_UPDATE, { input: { partnerOrganizationId: PIXEL, storeId: ids.acmeEu, ...input } });
    const added = ok(await teamUpdate(pat, { addMemberIds: [M.pax] }));
    expect(must(added.storeTeam, "storeTeam").map((m) => must(m.user, "a member's user").email)).toContain(
      "pax@example.com",
    );
    expect((await stored(M.pax))!.storeAccess.MANAGED).toMatchObject({
      access: "SPECIFIC",
      storeIds: [num(ids.acmeEu)],
    });
    ok(await teamUpdate(pat, { removeMemberIds: [M.pax] }));
    expect((await stored(M.pax))!.storeAccess.MANAGED!.storeIds).toEqual([]);

    await unchanged(async () => {
      const pete = refused(await teamUpdate(pat, { addMemberIds: [M.pax, M.pete] }), "INVALID_STORE_ACCESS", [
        "input",
        "addMemberIds",
        "1",
      ]);
      expect(pete.userErrors[0].message).toContain("Pete Pixel");
      expect(
        refused(await teamUpdate(pat, { removeMemberIds: [M.pat] }), "INVALID_STORE_ACCESS").userErrors[0].message,
      ).toContain("Pat Pixel");
      refused(await teamUpdate(pat, { addMemberIds: [M.kira] }), "NOT_FOUND", ["input", "addMemberIds", "0"]);
      refused(await teamUpdate(pat, { addMemberIds: [M.pax], removeMemberIds: [M.pax] }), "INVALID");
      refused(
        await pat.gql(TEAM_UPDATE, { input: { partnerOrganizationId: PIXEL, storeId: STUDIO, addMemberIds: [M.pax] } }),
        "STORE_NOT_IN_ORGANIZATION",
        ["input", "storeId"],
      );
      refused(await teamUpdate(await s.as("kira"), { addMemberIds: [M.pax] }), "NOT_FOUND", [
        "input",
        "partnerOrganizationId",
      ]);
      topLevel(await teamUpdate(await s.as("pax"), { addMemberIds: [M.pax] }), "ACCESS_DENIED");
    });
    // Staff with manage_members (pete, from the R22 test) manage it too.
    ok(await teamUpdate(await s.as("pete"), { addMemberIds: [M.pax] }));
    expect(await team(ids.acmeEu)).toContain("pax@example.com");
    ok(await update("pat", M.pax, { storeAccess: [{ storeType: "MANAGED", access: "NONE" }] }));
  });
});

// ---- R27: invitations --------------------------------------------------------------------------

describe("invitations", () => {
  test("R27: an invitation emails a token kept only as its hash; a new user joins with a name and password", async () => {
    const t0 = clock.now();
    clock.set(t0);
    try {
      const invited = ok(
        await invite("pat", {
          partnerOrganizationId: PIXEL,
          email: " New.Hire@Example.com ",
          permissions: ["view_referrals"],
          storeAccess: [{ storeType: "MANAGED", access: "SPECIFIC", storeIds: [ids.acmeUs], actions: ["ADD_REMOVE"] }],
        }),
        "partnerMember",
      );
      expect(invited).toMatchObject({
        type: "STAFF",
        status: "INVITED",
        invitedEmail: "new.hire@example.com",
        user: null,
        permissions: ["view_referrals"],
      });
      expect(invited.invitationExpiresAt).toBe(new Date(t0.getTime() + 7 * DAY_MS).toISOString());
      const token = await emailedToken("new.hire@example.com");
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const row = (await stored(invited.id))!;
      expect(row).toMatchObject({ userId: null, invitedById: num(ids.pat), invitationTokenHash: sha256(token) });
      expect((await teamOf("pat", PIXEL)).find((m) => m.id === invited.id)).toMatchObject({ status: "INVITED" });

      const anonymous = s.anonymous();
      await unchanged(async () => {
        refused(
          await anonymous.gql(ACCEPT, { input: { token, name: "New Hire", password: "short" } }),
          "WEAK_PASSWORD",
          ["input", "password"],
        );
        refused(await anonymous.gql(ACCEPT, { input: { token, password: "long-enough-password" } }), "INVALID", [
          "input",
          "name",
        ]);
      });
      const joined = ok(
        await anonymous.gql(ACCEPT, { input: { token, name: "New Hire", password: "long-enough-password" } }),
        "partnerMember",
      );
      expect(joined).toMatchObject({
        id: invited.id,
        status: "ACTIVE",
        user: { email: "new.hire@example.com" },
        partnerOrganization: { name: "Pixel Union" },
      });
      expect((await stored(invited.id))!.invitationTokenHash).toBeNull();
      refused(
        await anonymous.gql(ACCEPT, { input: { token, name: "Someone", password: "long-enough-password" } }),
        "INVALID_TOKEN",
        ["input", "token"],
      );

      const newHire = await signInAs("new.hire@example.com", "long-enough-password");
      const [membership] = (await newHire.data(MEMBERSHIPS)).viewer.partnerMemberships;
      expect(membership).toMatchObject({
        type: "STAFF",
        status: "ACTIVE",
        permissions: ["view_referrals"],
        partnerOrganization: { name: "Pixel Union" },
      });
      expect(accessOf(membership, "MANAGED")).toMatchObject({
        access: "SPECIFIC",
        storeIds: [ids.acmeUs],
        actions: ["ADD_REMOVE"],
      });
    } finally {
      clock.reset();
    }
  });

  test("R27: an existing user accepts signed in with the invited email", async () => {
    const invited = ok(
      await invite("pat", { partnerOrganizationId: PIXEL, email: "OWEN@example.com" }),
      "partnerMember",
    );
    expect(invited).toMatchObject({ status: "INVITED", user: { email: "owen@example.com" } });
    // Not listed among owen's memberships until he accepts.
    const owen = await s.as("owen");
    expect((await owen.data(MEMBERSHIPS)).viewer.partnerMemberships).toEqual([]);
    const token = await emailedToken("owen@example.com");
    await unchanged(async () => {
      topLevel(
        await s.anonymous().gql(ACCEPT, { input: { token, name: "Not Owen", password: "long-enough-password" } }),
        "UNAUTHENTICATED",
      );
      topLevel(await (await s.as("dan")).gql(ACCEPT, { input: { token } }), "ACCESS_DENIED");
    });
    expect(ok(await owen.gql(ACCEPT, { input: { token } }), "partnerMember")).toMatchObject({
      status: "ACTIVE",
      user: { email: "owen@example.com" },
    });
    const memberships = (await owen.data(MEMBERSHIPS)).viewer.partnerMemberships;
    expect(memberships.map((m) => [m.partnerOrganization.name, m.type])).toEqual([["Pixel Union", "STAFF"]]);
    expect(memberships[0].storeAccess.map((a) => a.access)).toEqual(["NONE", "NONE"]);
  });

  test("R27: an invitation expires after 7 days; resending gives a new token and 7 more days, and the old token stops working", async () => {
    const t0 = clock.now();
    clock.set(t0);
    try {
      const invited = ok(
        await invite("pat", { partnerOrganizationId: PIXEL, email: "late@example.com" }),
        "partnerMember",
      );
      const first = await emailedToken("late@example.com");
      clock.advance(7 * DAY_MS);
      refused(
        await s
          .anonymous()
          .gql(ACCEPT, { input: { token: first, name: "Late Comer", password: "long-enough-password" } }),
        "INVITATION_EXPIRED",
        ["input", "token"],
      );
      expect((await stored(invited.id))!.status).toBe("INVITED");

      const resent = ok(await (await s.as("pat")).gql(RESEND, { id: invited.id }), "partnerMember");
      expect(resent.invitationExpiresAt).toBe(new Date(t0.getTime() + 14 * DAY_MS).toISOString());
      expect(
        await s.ds.getRepository(Notification).countBy({ recipient: "late@example.com", kind: "partner_invitation" }),
      ).toBe(2);
      const second = await emailedToken("late@example.com");
      expect(second).not.toBe(first);
      refused(
        await s
          .anonymous()
          .gql(ACCEPT, { input: { token: first, name: "Late Comer", password: "long-enough-password" } }),
        "INVALID_TOKEN",
      );
      clock.advance(7 * DAY_MS - 60_000);
      expect(
        ok(
          await s
            .anonymous()
            .gql(ACCEPT, { input: { token: second, name: "Late Comer", password: "long-enough-password" } }),
          "partnerMember",
        ).status,
      ).toBe("ACTIVE");
    } finally {
      clock.reset();
    }
  });

  test("R27: revoking deletes a pending invitation; only pending invitations are resent or revoked", async () => {
    const pat = await s.as("pat");
    const invited = ok(
      await invite("pat", { partnerOrganizationId: PIXEL, email: "maybe@example.com" }),
      "partnerMember",
    );
    const token = await emailedToken("maybe@example.com");
    expect(ok(await pat.gql(REVOKE, { id: invited.id })).revokedPartnerMemberId).toBe(invited.id);
    expect(await stored(invited.id)).toBeNull();
    expect((await teamOf("pat", PIXEL)).some((m) => m.id === invited.id)).toBe(false);
    refused(
      await s.anonymous().gql(ACCEPT, { input: { token, name: "Maybe", password: "long-enough-password" } }),
      "INVALID_TOKEN",
    );
    await unchanged(async () => {
      refused(await pat.gql(REVOKE, { id: invited.id }), "NOT_FOUND", ["id"]);
      refused(await pat.gql(RESEND, { id: M.pete }), "INVITATION_NOT_PENDING", ["id"]);
      refused(await pat.gql(REVOKE, { id: M.pete }), "INVITATION_NOT_PENDING", ["id"]);
    });
    // An owner's invitation is the owners' business: pete (manage_members) may not resend or revoke it.
    const owner = ok(
      await invite("pat", { partnerOrganizationId: PIXEL, email: "co-owner@example.com", type: "OWNER" }),
      "partnerMember",
    );
    const pete = await s.as("pete");
    await unchanged(async () => {
      topLevel(await pete.gql(RESEND, { id: owner.id }), "ACCESS_DENIED");
      topLevel(await pete.gql(REVOKE, { id: owner.id }), "ACCESS_DENIED");
      refused(await (await s.as("kai")).gql(REVOKE, { id: owner.id }), "NOT_FOUND", ["id"]);
    });
    ok(await pat.gql(REVOKE, { id: owner.id }));
  });

  test("R27: a bad email, a member's email or a pending invitation's email is refused and changes nothing", async () => {
    ok(await invite("pat", { partnerOrganizationId: PIXEL, email: "pending@example.com" }));
    await unchanged(async () => {
      for (const email of ["not-an-email", "two@@example.com", "spaces in@example.com", ""]) {
        refused(await invite("pat", { partnerOrganizationId: PIXEL, email }), "INVALID_EMAIL", ["input", "email"]);
      }
      refused(await invite("pat", { partnerOrganizationId: PIXEL, email: "PETE@example.com" }), "ALREADY_MEMBER", [
        "input",
        "email",
      ]);
      refused(await invite("pat", { partnerOrganizationId: PIXEL, email: "Pending@Example.com" }), "ALREADY_MEMBER", [
        "input",
        "email",
      ]);
      refused(
        await s
          .anonymous()
          .gql(ACCEPT, { input: { token: "not-a-token", name: "X", password: "long-enough-password" } }),
        "INVALID_TOKEN",
        ["input", "token"],
      );
    });
    // The same email may be invited to another organization.
    ok(await invite("kai", { partnerOrganizationId: KOI, email: "pending@example.com" }));
  });

  test("R27: every change to a team is audited with its partner organization", async () => {
    const events = await s.ds
      .getRepository(AuditEvent)
      .find({ where: { partnerOrganizationId: num(PIXEL), action: Like("partner_member.%") }, order: { id: "ASC" } });
    const actions = new Set(events.map((e) => e.action));
    for (const action of [
      "invited",
      "updated",
      "promoted",
      "demoted",
      "invitation_resent",
      "invitation_revoked",
      "joined",
    ]) {
      expect(actions, action).toContain(`partner_member.${action}`);
    }
    const invited = events.find((e) => e.action === "partner_member.invited" && e.targetName === "maybe@example.com")!;
    expect(invited).toMatchObject({
      actorName: "Pat Pixel",
      details: { email: "maybe@example.com", before: null, after: { status: "INVITED", type: "STAFF" } },
    });
    expect(JSON.stringify(events)).not.toMatch(/Invitation token/);
  });
});

// ---- last: removing a member -------------------------------------------------------------------

describe("removing a member", () => {
  test("R26: removing a member ends their collaborator access: the partner side says no, whatever the merchant says", async () => {
    const [pia, erin, pat] = [await s.as("pia"), await s.as("erin"), await s.as("pat")];
    expect((await pia.data(STORE, { id: ids.acmeEu })).store).not.toBeNull();
    const removed = ok(await pat.gql(REMOVE, { id: M.pia }));
    expect(removed).toMatchObject({ removedPartnerMemberId: M.pia, partnerOrganization: { id: PIXEL } });
    expect(await stored(M.pia)).toBeNull();
    // The merchant's account is still active, but pia no longer reaches the store.
    expect((await pia.data(STORE, { id: ids.acmeEu })).store).toBeNull();
    expect((await pia.data(MEMBERSHIPS)).viewer.partnerMemberships).toEqual([]);
    const why = (await erin.data(EXPLAIN, { userId: ids.pia, storeId: ids.acmeEu, permission: "orders" }))
      .explainAccess;
    expect(why.allowed).toBe(false);
    expect(
      why.reasons.some((r) => r.startsWith("partner side:")),
      JSON.stringify(why.reasons),
    ).toBe(true);
    const status = await erin.data(
      graphql(`
        query PartnersCollaboratorStatuses($id: ID!) {
          store(id: $id) {
            collaborators(first: 10) {
              nodes {
                status
                user {
                  email
                }
              }
            }
          }
        }
      `),
      { id: ids.acmeEu },
    );
    expect(must(status.store, "acme-eu").collaborators.nodes).toContainEqual({
      status: "ACTIVE",
      user: { email: "pia@example.com" },
    });
    expect((await teamOf("pat", PIXEL)).some((m) => m.user?.email === "pia@example.com")).toBe(false);
    const event = await s.ds
      .getRepository(AuditEvent)
      .findOneBy({ action: "partner_member.removed", targetId: num(M.pia) });
    expect(event).toMatchObject({
      partnerOrganizationId: num(PIXEL),
      targetName: "Pia Pixel",
      actorName: "Pat Pixel",
      details: { after: null, before: { type: "STAFF" } },
    });
  });
});
