// Reporting a partner (R30) over HTTP: those of R9 report a partner organization that has or had a
// request or account on their store, with a reason; platform support lists and closes reports; a
// merchant sees who is asking before deciding on a request.
//
// test/fixtures/world.json: erin owns acme-eu (ada: Administrator, dan: Fulfilment staff, suki: Store
// user administrator assigned to it, olive/oscar: organization owner/admin), where pia (Pixel Union)
// is a collaborator; Koi Commerce has nothing on acme-eu or acme-us until kai requests acme-eu below;
// nora owns nordic; sam is platform support. The tests share one server and run in order: the
// listing and closing tests use the reports made by the earlier ones.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { graphql } from "./generated";
import type { PartnerOrganizationReportInput } from "./generated/graphql";
import { must } from "./support/client";
import { REQUEST_CREATE, REQUEST_WITHDRAW } from "./support/documents";
import { ok, refused, topLevel } from "./support/mutation-payloads";
import { startServer, TestServer } from "./support/server";

let s: TestServer;
let EU = "";
let US = "";
let PIXEL = "";
let KOI = "";

beforeAll(async () => {
  s = await startServer();
  EU = await s.gid("Store", "stores", { domain: "acme-eu.example.com" });
  US = await s.gid("Store", "stores", { domain: "acme-us.example.com" });
  PIXEL = await s.gid("PartnerOrganization", "partner_organizations", { name: "Pixel Union" });
  KOI = await s.gid("PartnerOrganization", "partner_organizations", { name: "Koi Commerce" });
  // Sign everyone in now: a sign-in records its own events, which the state checks below must not see.
  for (const key of ["erin", "ada", "dan", "uma", "suki", "olive", "oscar", "pia", "nora", "kai", "sam", "pat"])
    await s.as(key);
});
afterAll(async () => s?.close());

// ---- GraphQL documents -------------------------------------------------------------------------

// A report, as these tests read it.
graphql(`
  fragment ReportsFields on PartnerReport {
    id
    reason
    status
    createdAt
    closedAt
    resolution
    partnerOrganization {
      name
    }
    store {
      id
      name
    }
    reporter {
      name
      email
    }
    closedBy {
      email
    }
  }
`);
const REPORT = graphql(`
  mutation ReportsReport($input: PartnerOrganizationReportInput!) {
    partnerOrganizationReport(input: $input) {
      report {
        ...ReportsFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
// A page that holds every report here (9 at most): 50 costs 252; 250 would cost 1,252, more than
// a bucket holds (MAX_COST_EXCEEDED).
const ALL = 50;
const REPORTS = graphql(`
  query ReportsList($status: PartnerReportStatus, $first: Int, $after: String) {
    partnerReports(status: $status, first: $first, after: $after) {
      nodes {
        ...ReportsFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const CLOSE = graphql(`
  mutation ReportsClose($id: ID!, $resolution: String!) {
    partnerReportClose(id: $id, resolution: $resolution) {
      report {
        ...ReportsFields
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
const AUDIT = graphql(`
  query ReportsAuditLog($id: ID!) {
    auditLog(storeId: $id, first: 250) {
      nodes {
        action
        actorName
        targetName
        details
      }
    }
  }
`);
const PENDING = graphql(`
  query ReportsPending($id: ID!) {
    store(id: $id) {
      collaborators(first: 50, status: REQUESTED) {
        nodes {
          id
          status
          message
          user {
            name
            email
          }
          partnerOrganization {
            name
          }
          requestedPermissions {
            handle
          }
        }
      }
    }
  }
`);

// ---- helpers -----------------------------------------------------------------------------------

const REASON = "They asked for customer data they did not need.";
const report = async (key: string, input: Omit<PartnerOrganizationReportInput, "reason"> & { reason?: string }) =>
  (await s.as(key)).gql(REPORT, { input: { reason: REASON, ...input } });

/** Everything a refused write must leave as it was. */
async function state() {
  const q = (sql: string): Promise<unknown[]> => s.ds.query(sql);
  return {
    reports: await q(`SELECT * FROM partner_reports ORDER BY id`),
    events: await q(`SELECT COUNT(*) AS n FROM audit_events WHERE action NOT LIKE 'user.%'`),
    notifications: await q(`SELECT COUNT(*) AS n FROM notifications`),
  };
}

// ---- tests -------------------------------------------------------------------------------------

describe("reporting a partner", () => {
  let kaiRequest = "";

  test("R30: a merchant who does not know a requester sees the partner organization's name and the requester's name and email", async () => {
    const sent = ok(
      await (
        await s.as("kai")
      ).gql(REQUEST_CREATE, {
        input: { storeDomain: "acme-eu.example.com", requestCode: "4821", permissions: ["orders"], message: "Hello" },
      }),
      "collaborator",
    );
    kaiRequest = sent.id;
    const pending = must((await (await s.as("erin")).data(PENDING, { id: EU })).store, "acme-eu").collaborators.nodes;
    expect(pending.find((n) => n.id === kaiRequest)).toEqual({
      id: kaiRequest,
      status: "REQUESTED",
      message: "Hello",
      user: { name: "Kai Koi", email: "kai@example.com" },
      partnerOrganization: { name: "Koi Commerce" },
      requestedPermissions: [{ handle: "orders" }],
    });
  });

  test("R30: those of R9 report a partner organization with a reason; the report is recorded on the store", async () => {
    const made = ok(
      await report("erin", { storeId: EU, partnerOrganizationId: PIXEL, reason: `  ${REASON}  ` }),
      "report",
    );
    expect(made).toMatchObject({
      reason: REASON,
      status: "OPEN",
      closedAt: null,
      resolution: null,
      closedBy: null,
      partnerOrganization: { name: "Pixel Union" },
      store: { id: EU, name: "Acme EU" },
      reporter: { name: "Erin Store-Owner", email: "erin@example.com" },
    });
    expect(made.id).toMatch(/^gid:\/\/latchkey\/PartnerReport\/\d+$/);
    const log = (await (await s.as("ada")).data(AUDIT, { id: EU })).auditLog.nodes;
    expect(log.filter((e) => e.action === "partner_organization.reported")).toEqual([
      {
        action: "partner_organization.reported",
        actorName: "Erin Store-Owner",
        targetName: "Pixel Union",
        // expect.objectContaining is typed `any` by vitest: an asymmetric matcher, not a value.
        details: expect.objectContaining({ reason: REASON, partnerOrganization: "Pixel Union" }) as unknown,
      },
    ]);
    // Administrator, organization owner and admin, and the assigned Store user administrator: R9 too.
    for (const key of ["ada", "olive", "oscar", "suki"]) {
      expect(ok(await report(key, { storeId: EU, partnerOrganizationId: PIXEL }), "report").reporter.email, key).toBe(
        `${key}@example.com`,
      );
    }
    // A pending request is enough to report its partner organization.
    expect(
      ok(await report("erin", { storeId: EU, partnerOrganizationId: KOI }), "report").partnerOrganization.name,
    ).toBe("Koi Commerce");
  });

  test("R30: staff without R9 and collaborators are refused; another store's owner reads the store as missing", async () => {
    const before = await state();
    for (const key of ["dan", "uma", "pia"])
      expect(
        topLevel(await report(key, { storeId: EU, partnerOrganizationId: PIXEL }), "ACCESS_DENIED"),
        key,
      ).toContain("Only the store's owner and admins manage its collaborators");
    refused(await report("nora", { storeId: EU, partnerOrganizationId: PIXEL }), "NOT_FOUND", ["input", "storeId"]);
    refused(await report("kai", { storeId: EU, partnerOrganizationId: PIXEL }), "NOT_FOUND", ["input", "storeId"]);
    expect(await state()).toEqual(before);
  });

  test("R30: only a partner organization that has or had a request or an account on the store can be reported from it", async () => {
    const before = await state();
    refused(await report("erin", { storeId: US, partnerOrganizationId: KOI }), "NOT_FOUND", [
      "input",
      "partnerOrganizationId",
    ]);
    refused(
      await report("erin", { storeId: EU, partnerOrganizationId: "gid://latchkey/PartnerOrganization/999" }),
      "NOT_FOUND",
      ["input", "partnerOrganizationId"],
    );
    expect(await state()).toEqual(before);
    // A request that is no longer pending still counts: "had".
    expect(ok(await (await s.as("kai")).gql(REQUEST_WITHDRAW, { id: kaiRequest }), "collaborator").status).toBe(
      "WITHDRAWN",
    );
    expect(ok(await report("ada", { storeId: EU, partnerOrganizationId: KOI }), "report").status).toBe("OPEN");
  });

  test("R30: a reason has 10 to 2,000 characters", async () => {
    const before = await state();
    for (const reason of ["too short", "   short    ", "x".repeat(2001), ""]) {
      refused(await report("erin", { storeId: EU, partnerOrganizationId: PIXEL, reason }), "INVALID", [
        "input",
        "reason",
      ]);
    }
    expect(await state()).toEqual(before);
    expect(
      ok(await report("erin", { storeId: EU, partnerOrganizationId: PIXEL, reason: "x".repeat(2000) }), "report").reason
        .length,
    ).toBe(2000);
    expect(
      ok(await report("erin", { storeId: EU, partnerOrganizationId: PIXEL, reason: "ten chars!" }), "report").reason,
    ).toBe("ten chars!");
  });

  test("R30: only platform support lists reports, by status, in pages", async () => {
    for (const key of ["erin", "olive", "pat", "kai"])
      topLevel(await (await s.as(key)).gql(REPORTS, {}), "ACCESS_DENIED");
    const sam = await s.as("sam");
    const all = (await sam.data(REPORTS, { first: ALL })).partnerReports.nodes;
    expect(all.length).toBe(9);
    expect(all.every((r) => r.status === "OPEN")).toBe(true);
    expect(all[0]).toMatchObject({
      reporter: { email: "erin@example.com" },
      partnerOrganization: { name: "Pixel Union" },
      store: { name: "Acme EU" },
    });
    expect((await sam.data(REPORTS, { status: "OPEN", first: ALL })).partnerReports.nodes.length).toBe(9);
    expect((await sam.data(REPORTS, { status: "CLOSED", first: ALL })).partnerReports.nodes).toEqual([]);
    const first = (await sam.data(REPORTS, { first: 2 })).partnerReports;
    expect(first.nodes.map((r) => r.id)).toEqual(all.slice(0, 2).map((r) => r.id));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await sam.data(REPORTS, { first: 2, after: first.pageInfo.endCursor })).partnerReports;
    expect(next.nodes.map((r) => r.id)).toEqual(all.slice(2, 4).map((r) => r.id));
  });

  test("R30: platform support closes a report with a resolution; a closed report cannot be closed again", async () => {
    const sam = await s.as("sam");
    const [target] = (await sam.data(REPORTS, { status: "OPEN", first: 1 })).partnerReports.nodes;
    const before = await state();
    // Others may not close reports.
    for (const key of ["erin", "pat"])
      topLevel(await (await s.as(key)).gql(CLOSE, { id: target.id, resolution: "Handled." }), "ACCESS_DENIED");
    refused(await sam.gql(CLOSE, { id: target.id, resolution: "   " }), "INVALID", ["resolution"]);
    refused(await sam.gql(CLOSE, { id: "gid://latchkey/PartnerReport/999", resolution: "Handled." }), "NOT_FOUND", [
      "id",
    ]);
    expect(await state()).toEqual(before);

    const closed = ok(await sam.gql(CLOSE, { id: target.id, resolution: " We spoke to the partner. " }), "report");
    expect(closed).toMatchObject({
      id: target.id,
      status: "CLOSED",
      resolution: "We spoke to the partner.",
      closedBy: { email: "sam@example.com" },
    });
    expect(closed.closedAt).not.toBeNull();
    const after = await state();
    const again = refused(await sam.gql(CLOSE, { id: target.id, resolution: "Again." }), "REPORT_CLOSED", ["id"]);
    expect(again.userErrors[0].rule).toBe("R30");
    expect(await state()).toEqual(after);

    expect((await sam.data(REPORTS, { status: "CLOSED", first: ALL })).partnerReports.nodes.map((r) => r.id)).toEqual([
      target.id,
    ]);
    expect(
      (await sam.data(REPORTS, { status: "OPEN", first: ALL })).partnerReports.nodes.map((r) => r.id),
    ).not.toContain(target.id);
    // The store's log tells its managers; the reporter hears of it by email.
    const log = (await (await s.as("erin")).data(AUDIT, { id: EU })).auditLog.nodes;
    expect(log.filter((e) => e.action === "partner_report.closed")).toEqual([
      {
        action: "partner_report.closed",
        actorName: "Sam Support",
        targetName: "Pixel Union",
        // expect.objectContaining is typed `any` by vitest: an asymmetric matcher, not a value.
        details: expect.objectContaining({ resolution: "We spoke to the partner." }) as unknown,
      },
    ]);
    const mail: unknown[] = await s.ds.query(
      `SELECT recipient, kind FROM notifications WHERE kind = 'partner_report_closed'`,
    );
    expect(mail).toEqual([{ recipient: "erin@example.com", kind: "partner_report_closed" }]);
  });
});
