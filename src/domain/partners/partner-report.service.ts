// R30: those who manage a store's collaborators (R9) report a partner organization to platform
// support with a reason; support lists the reports and closes them.
import { IsNull } from "typeorm";
import * as gate from "../../authz/gate";
import type { Actor } from "../../authz/actor";
import { recordEvent } from "../audit/audit.service";
import { StoreUser } from "../collaborators/store-user.entity";
import { UserFailure } from "../errors";
import { notify } from "../notifications/outbox";
import { Store } from "../stores/store.entity";
import { managedStore } from "../stores/store.service";
import { User } from "../users/user.entity";
import { PartnerReport } from "./partner-report.entity";
import { msg } from "../../i18n";
import { recipientLocale } from "../../i18n";

export const REASON_MIN = 10;
export const REASON_MAX = 2000;
export type PartnerReportStatus = "OPEN" | "CLOSED";

export async function reportPartner(
  actor: Actor,
  input: { storeId: number; partnerOrganizationId: number; reason: string },
): Promise<PartnerReport> {
  const reporter = actor.requireViewer().user;
  const { store } = await managedStore(actor, input.storeId, ["input", "storeId"]);
  const partner = await actor.lookups.partnerOrganization.load(input.partnerOrganizationId);
  // Only a partner organization that has or had a request or an account on the store can be reported from it.
  const known =
    partner &&
    (await actor.ds.manager.existsBy(StoreUser, {
      storeId: store.id,
      partnerOrganizationId: partner.id,
      userType: "COLLABORATOR",
    }));
  if (!partner || !known)
    throw new UserFailure("NOT_FOUND", msg("report.noPartnerAsked"), ["input", "partnerOrganizationId"]);
  const reason = input.reason.trim();
  if (reason.length < REASON_MIN || reason.length > REASON_MAX) {
    throw new UserFailure("INVALID", msg("report.reasonLength", { min: REASON_MIN, max: REASON_MAX }), [
      "input",
      "reason",
    ]);
  }
  const now = actor.now();
  return actor.transaction(async (tx) => {
    const report = await tx.save(
      tx.create(PartnerReport, {
        partnerOrganizationId: partner.id,
        storeId: store.id,
        reporterId: reporter.id,
        reason,
        createdAt: now,
        closedAt: null,
        closedById: null,
        resolution: null,
      }),
    );
    await recordEvent(tx, {
      action: "partner_organization.reported",
      actor: reporter,
      target: { type: "PartnerOrganization", id: partner.id, name: partner.name },
      storeId: store.id,
      organizationId: store.organizationId,
      partnerOrganizationId: partner.id,
      details: { reportId: report.id, partnerOrganization: partner.name, reason },
    });
    return report;
  });
}

/** R30: the reports support works through, oldest first; a query to page with `paginate`. */
export async function partnerReportsQuery(actor: Actor, status: PartnerReportStatus | null | undefined) {
  await gate.needAny(actor, "PartnerReport", "read");
  const qb = actor.ds.manager.createQueryBuilder(PartnerReport, "r");
  if (status === "OPEN") qb.where("r.closedAt IS NULL");
  else if (status === "CLOSED") qb.where("r.closedAt IS NOT NULL");
  return qb;
}

export async function closePartnerReport(actor: Actor, id: number, resolution: string): Promise<PartnerReport> {
  // R30: only platform support closes reports: anyone else is refused before the report is looked up.
  await gate.needAny(actor, "PartnerReport", "close");
  const actingUser = actor.requireViewer().user;
  const report = await gate.need(actor, "PartnerReport", id, "close", { field: ["id"] });
  const closed = () => new UserFailure("REPORT_CLOSED", msg("report.closed", {}, "R30"), ["id"]);
  if (report.closedAt) throw closed();
  const text = resolution.trim();
  if (!text || text.length > REASON_MAX)
    throw new UserFailure("INVALID", msg("report.resolutionLength", { max: REASON_MAX }), ["resolution"]);
  const now = actor.now();
  return actor.transaction(async (tx) => {
    // Conditional: of two closings at once, exactly one succeeds.
    const result = await tx.update(
      PartnerReport,
      { id: report.id, closedAt: IsNull() },
      { closedAt: now, closedById: actingUser.id, resolution: text },
    );
    if (result.affected !== 1) throw closed();
    const [partner, reporter, store] = await Promise.all([
      actor.lookups.partnerOrganization.load(report.partnerOrganizationId),
      tx.findOneBy(User, { id: report.reporterId }),
      tx.findOneBy(Store, { id: report.storeId }),
    ]);
    await recordEvent(tx, {
      action: "partner_report.closed",
      actor: actingUser,
      target: { type: "PartnerOrganization", id: report.partnerOrganizationId, name: partner?.name ?? "" },
      storeId: report.storeId,
      organizationId: store?.organizationId ?? null,
      partnerOrganizationId: report.partnerOrganizationId,
      details: { reportId: report.id, resolution: text },
    });
    if (reporter) {
      await notify(tx, {
        channel: "EMAIL",
        kind: "partner_report_closed",
        recipient: reporter.email,
        userId: reporter.id,
        language: recipientLocale(reporter),
        subject: msg("mail.reportClosed.subject", { partner: partner?.name ?? msg("mail.reportClosed.aPartner") }),
        body: msg("mail.reportClosed.body", { resolution: text }),
      });
    }
    return tx.findOneByOrFail(PartnerReport, { id: report.id });
  });
}
