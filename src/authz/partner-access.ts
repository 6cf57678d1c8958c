// The partner side of access (R24, R25): what a partner organization lets one of its members do.
import type { PartnerMember, PartnerStoreAction } from "../domain/partners/partner-member.entity";
import type { StoreType } from "../domain/stores/store.entity";

export interface PartnerVerdict {
  allowed: boolean;
  reason: string;
}

/** R24/R25: may this member reach (or act on) a store of this type, through their organization? */
export function partnerStoreAccess(
  member: PartnerMember,
  storeType: StoreType,
  storeId: number | null,
  action?: PartnerStoreAction,
): PartnerVerdict {
  if (member.type === "OWNER")
    return { allowed: true, reason: "R22: partner organization owner (every store, every action)" };
  const setting = member.storeAccess?.[storeType];
  const level = setting?.access ?? "NONE";
  if (level === "NONE") return { allowed: false, reason: `R24: partner setting ${storeType} access NONE` };
  if (action && !setting!.actions.includes(action)) {
    return { allowed: false, reason: `R25: partner setting ${storeType} access lacks action ${action}` };
  }
  if (level === "ALL" || storeId === null)
    return { allowed: true, reason: `R24: partner setting ${storeType} access ${level}` };
  return setting!.storeIds.includes(storeId)
    ? { allowed: true, reason: `R24: partner setting ${storeType} access SPECIFIC includes this store` }
    : { allowed: false, reason: `R24: partner setting ${storeType} access SPECIFIC does not include this store` };
}
