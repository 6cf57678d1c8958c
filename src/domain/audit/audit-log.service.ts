// Reading the audit log: per store, organization or partner organization, filtered by time,
// actor and action; and verifying its hash chain.
import { SelectQueryBuilder } from "typeorm";
import * as gate from "../../authz/gate";
import { partnerAuditEvent, REPORT_EVENT_ACTIONS } from "../../authz/partner-ability";
import type { Actor } from "../../authz/actor";
import { AuditEvent } from "./audit-event.entity";
import { verifyChain } from "./audit.service";
import { auditableStore } from "./access-audit.service";

export interface AuditFilter {
  from?: Date | null;
  to?: Date | null;
  actorId?: number | null;
  actions?: string[] | null;
}

export type AuditScope =
  { storeId: number } | { organizationId: number } | { partnerOrganizationId: number } | { actorId: number };

function filtered(qb: SelectQueryBuilder<AuditEvent>, f: AuditFilter) {
  if (f.from) qb.andWhere("e.createdAt >= :from", { from: f.from });
  if (f.to) qb.andWhere("e.createdAt < :to", { to: f.to });
  if (f.actorId) qb.andWhere("e.actorId = :actorId", { actorId: f.actorId });
  if (f.actions?.length) qb.andWhere("e.action IN (:...actions)", { actions: f.actions });
  return qb;
}

/**
 * The events of one scope the viewer may audit: a store for those of R9, an organization for its
 * owner and administrators (its own events and its stores'), a partner organization for its
 * owners and member managers, a user's own events (sign-ins) for the user.
 */
export async function auditEvents(actor: Actor, scope: AuditScope, filter: AuditFilter) {
  actor.requireViewer();
  const qb = actor.ds.manager.createQueryBuilder(AuditEvent, "e");
  if ("storeId" in scope) {
    const store = await auditableStore(actor, scope.storeId);
    qb.where("e.storeId = :id", { id: store.id });
  } else if ("organizationId" in scope) {
    const org = await gate.need(actor, "Organization", scope.organizationId, "manageCollaborators");
    qb.where(`(e.organizationId = :id OR e.storeId IN (SELECT s.id FROM stores s WHERE s."organizationId" = :id))`, {
      id: org.id,
    });
  } else if ("partnerOrganizationId" in scope) {
    const partner = await gate.need(actor, "PartnerOrganization", scope.partnerOrganizationId, "manageMembers");
    qb.where("e.partnerOrganizationId = :id", { id: partner.id });
    // R30: the events the viewer may not read here (reports and their resolutions), as the ability says.
    const { ability } = await actor.partnerStanding(partner);
    const hidden = REPORT_EVENT_ACTIONS.filter((action) => ability.cannot("read", partnerAuditEvent(action)));
    if (hidden.length) qb.andWhere("e.action NOT IN (:...hidden)", { hidden });
  } else {
    // The gate's User rule: a user by id is the viewer themself; anyone else reads as missing.
    const user = await gate.need(actor, "User", scope.actorId);
    qb.where("e.actorId = :id", { id: user.id });
  }
  return filtered(qb, filter);
}

/**
 * Checks the chain, for platform support and owners of a store or an organization (the gate's
 * AuditChain rule); anyone else: ACCESS_DENIED (there is one chain, whose existence is no secret).
 */
export async function verifyAuditChain(actor: Actor) {
  await gate.needAny(actor, "AuditChain", "verify");
  return verifyChain(actor.ds.manager);
}
