// The store permissions a user holds in a store, read from their store ability: the same rules that
// decide their requests and that `explainAccess` reads, so a collaborator's list and its
// explanations agree (both sides: the merchant's roles and the partner organization's say, R24).
import { STORE_PERMISSION_HANDLES } from "../domain/roles/permissions";
import type { StoreStanding } from "./standing";
import { abilityForStore, permission, type StoreAbility } from "./store-ability";

/** The catalog's store permissions, and the app and channel permissions of the user's roles, that the ability allows. */
export function heldPermissions(ability: StoreAbility, standing: Pick<StoreStanding, "roles">): string[] {
  const candidates = new Set([...STORE_PERMISSION_HANDLES, ...standing.roles.flatMap((r) => r.permissions)]);
  return [...candidates].filter((handle) => ability.can("use", permission(handle))).sort();
}

/** What one account holds: its user's standing in the store, if that standing is this account's; else nothing. */
export function heldPermissionsOf(standing: StoreStanding | null | undefined, accountId: number): string[] {
  return standing?.account?.id === accountId ? heldPermissions(abilityForStore(standing), standing) : [];
}
