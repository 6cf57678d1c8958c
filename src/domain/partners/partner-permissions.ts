// The partner side's vocabulary (R23, R25).
import type { PartnerStoreAction } from "./partner-member.entity";
import type { StoreType } from "../stores/store.entity";

/** R25: the actions that exist for each store type. */
export const ACTIONS_BY_STORE_TYPE: Record<StoreType, readonly PartnerStoreAction[]> = {
  DEVELOPMENT: ["ADD_ARCHIVE_UNARCHIVE", "TRANSFER"],
  MANAGED: ["ADD_REMOVE"],
  PLUS_SANDBOX: ["ADD_ARCHIVE_UNARCHIVE"],
};
/** R23: the sensitive permissions a partner organization gives its staff. */
export const PARTNER_PERMISSIONS = [
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
] as const;

/** R23: permissions that give others with them. */
export const IMPLIED_PARTNER_PERMISSIONS: Record<string, readonly string[]> = { manage_ads: ["view_ads"] };

/** A member's permissions with the ones they imply, sorted. */
export const effectivePartnerPermissions = (granted: readonly string[]) =>
  [...new Set(granted.flatMap((p) => [p, ...(IMPLIED_PARTNER_PERMISSIONS[p] ?? [])]))].sort();
