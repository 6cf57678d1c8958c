// The partner side's vocabulary (R23, R25), and the rules of store access as pure functions (R24, R25).
import { msg, type Message } from "../../i18n";
import type { AccessLevel, PartnerStoreAction } from "./partner-member.entity";
import type { StoreType } from "../stores/store.entity";

/** R25: the actions that exist for each store type. */
export const ACTIONS_BY_STORE_TYPE: Record<StoreType, readonly PartnerStoreAction[]> = {
  DEVELOPMENT: ["ADD_ARCHIVE_UNARCHIVE", "TRANSFER"],
  MANAGED: ["ADD_REMOVE"],
  PLUS_SANDBOX: ["ADD_ARCHIVE_UNARCHIVE"],
};
/** R25: whether an action exists for a store type. */
export const isStoreTypeAction = (storeType: StoreType, action: PartnerStoreAction) =>
  ACTIONS_BY_STORE_TYPE[storeType].includes(action);
/** R25: actions need access to the store type (ALL or SPECIFIC), never NONE. */
export const actionsAllowedWith = (access: AccessLevel, actions: readonly unknown[]) =>
  access !== "NONE" || actions.length === 0;
/** R24: stores are listed only for SPECIFIC access. */
export const storesAllowedWith = (access: AccessLevel, storeIds: readonly unknown[]) =>
  access === "SPECIFIC" || storeIds.length === 0;
/** R24: Plus sandbox stores, and access to them, exist only for Plus partner organizations. */
export const storeTypeOffered = (storeType: StoreType, organization: { plus: boolean }) =>
  storeType !== "PLUS_SANDBOX" || organization.plus;
/** R25: development and Plus sandbox stores are a partner organization's own; managed stores are a merchant's. */
export const isPartnerOwnedStoreType = (storeType: StoreType) => storeType !== "MANAGED";
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

/** R23: a partner permission's name or description as a message (src/i18n; seed 004's table). */
export const partnerPermissionText = (handle: PartnerPermission, part: "name" | "description"): Message =>
  msg(`partnerPermission.${handle}.${part}`);
export type PartnerPermission = (typeof PARTNER_PERMISSIONS)[number];
