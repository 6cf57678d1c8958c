// The audit log: one append-only event per change, written in the change's own transaction.
import { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { AuditEvent } from "./audit-event.entity";

export interface EventInput {
  action: string;
  actor: { id: number; name: string } | null;
  target?: { type: string; id: number; name: string } | null;
  storeId?: number | null;
  organizationId?: number | null;
  partnerOrganizationId?: number | null;
  details?: Record<string, unknown>;
}

export async function recordEvent(tx: EntityManager, e: EventInput): Promise<AuditEvent> {
  return tx.save(
    tx.create(AuditEvent, {
      action: e.action,
      actorId: e.actor?.id ?? null,
      actorName: e.actor?.name ?? "system",
      targetType: e.target?.type ?? null,
      targetId: e.target?.id ?? null,
      targetName: e.target?.name ?? null,
      storeId: e.storeId ?? null,
      organizationId: e.organizationId ?? null,
      partnerOrganizationId: e.partnerOrganizationId ?? null,
      details: e.details ?? {},
      createdAt: clock.now(),
    }),
  );
}
