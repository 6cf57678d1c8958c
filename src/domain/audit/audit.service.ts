// The audit log: one append-only event per change, written in the change's own transaction, and
// chained by hashes so that an edit or deletion of a past event is detected (auditLogVerify).
import { createHash } from "node:crypto";
import { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { appendAuditEvent } from "../../db/hot-writes";
import { AuditChainHead } from "./audit-chain-head.entity";
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

export const GENESIS_HASH = "0".repeat(64);

/** JSON with keys in a fixed order, so that a stored event hashes the same when read back. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));
}

/** The hash of an event: everything it says, and the hash before it. */
export function eventHash(e: Omit<AuditEvent, "id" | "hash">): string {
  const content = canonical({
    action: e.action,
    actorId: e.actorId,
    actorName: e.actorName,
    targetType: e.targetType,
    targetId: e.targetId,
    targetName: e.targetName,
    storeId: e.storeId,
    organizationId: e.organizationId,
    partnerOrganizationId: e.partnerOrganizationId,
    details: e.details,
    createdAt: new Date(e.createdAt).toISOString(),
    prevHash: e.prevHash,
  });
  return createHash("sha256").update(content).digest("hex");
}

/**
 * Records an event in the change's own transaction, chained to the one before it: its statements
 * prepared (src/db/hot-writes.ts appendAuditEvent), under the chain's lock on PostgreSQL.
 */
export async function recordEvent(tx: EntityManager, e: EventInput): Promise<AuditEvent> {
  return appendAuditEvent(tx, (headHash) => {
    const event = {
      action: e.action,
      actorId: e.actor?.id ?? null,
      actorName: e.actor?.name ?? "system",
      targetType: e.target?.type ?? null,
      targetId: e.target?.id ?? null,
      targetName: e.target?.name ?? null,
      storeId: e.storeId ?? null,
      organizationId: e.organizationId ?? null,
      partnerOrganizationId: e.partnerOrganizationId ?? null,
      details: JSON.parse(JSON.stringify(e.details ?? {})) as Record<string, unknown>,
      createdAt: clock.now(),
      prevHash: headHash ?? GENESIS_HASH,
    };
    return { ...event, hash: eventHash(event) };
  });
}

export interface ChainVerdict {
  valid: boolean;
  checkedCount: number;
  /** The first event whose content or link does not hold, when one does not. */
  brokenEventId: number | null;
  problem: string | null;
}

/** Walks the whole chain in id order, a page at a time. */
export async function verifyChain(db: EntityManager, pageSize = 2000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const page = await db
      .createQueryBuilder(AuditEvent, "e")
      .where("e.id > :lastId", { lastId })
      .orderBy("e.id", "ASC")
      .limit(pageSize)
      .getMany();
    for (const e of page) {
      checked++;
      if (e.prevHash !== prev)
        return {
          valid: false,
          checkedCount: checked,
          brokenEventId: e.id,
          problem: "an event before this one was deleted or changed",
        };
      if (eventHash(e) !== e.hash)
        return {
          valid: false,
          checkedCount: checked,
          brokenEventId: e.id,
          problem: "this event was changed after it was recorded",
        };
      prev = e.hash;
      lastId = e.id;
    }
    if (page.length < pageSize) break;
  }
  const head = await db.findOneBy(AuditChainHead, { id: 1 });
  if ((head?.hash ?? GENESIS_HASH) !== prev || (head && head.lastEventId !== lastId)) {
    return {
      valid: false,
      checkedCount: checked,
      brokenEventId: head?.lastEventId ?? null,
      problem: "the newest events were deleted",
    };
  }
  return { valid: true, checkedCount: checked, brokenEventId: null, problem: null };
}
