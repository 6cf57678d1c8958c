// The partner side of access (R24, R25): what a partner organization lets one of its members do.
import type { PartnerMember, PartnerStoreAction } from "../domain/partners/partner-member.entity";
import type { StoreType } from "../domain/stores/store.entity";
import { msg, type Message } from "../i18n";

export interface PartnerVerdict {
  allowed: boolean;
  /** Why, as a message with its rule id. */
  reason: Message;
}

/** R24/R25: may this member reach (or act on) a store of this type, through their organization? */
export function partnerStoreAccess(
  member: PartnerMember,
  storeType: StoreType,
  storeId: number | null,
  action?: PartnerStoreAction,
): PartnerVerdict {
  if (member.type === "OWNER") return { allowed: true, reason: msg("partnerVerdict.owner", {}, "R22") };
  const setting = member.storeAccess?.[storeType];
  const level = setting?.access ?? "NONE";
  if (level === "NONE") return { allowed: false, reason: msg("partnerVerdict.accessNone", { storeType }, "R24") };
  if (action && !setting!.actions.includes(action)) {
    return { allowed: false, reason: msg("partnerVerdict.lacksAction", { storeType, action }, "R25") };
  }
  if (level === "ALL" || storeId === null)
    return { allowed: true, reason: msg("partnerVerdict.access", { storeType, level }, "R24") };
  return setting!.storeIds.includes(storeId)
    ? { allowed: true, reason: msg("partnerVerdict.specificIncludes", { storeType }, "R24") }
    : { allowed: false, reason: msg("partnerVerdict.specificExcludes", { storeType }, "R24") };
}
