// The batched by-id reads the domain services and the access gate use, as they see them: the
// GraphQL layer's per-request DataLoaders (src/graphql/loaders.ts) satisfy this, and so would
// anything else that reads by id and can forget what it read after a write.
import type { StoreUser } from "./collaborators/store-user.entity";
import type { Organization } from "./organizations/organization.entity";
import type { PartnerOrganization } from "./partners/partner-organization.entity";
import type { Role } from "./roles/role.entity";
import type { Store } from "./stores/store.entity";
import type { User } from "./users/user.entity";

/** Reads one row by id (null when there is none), batched and cached for the actor's request. */
export interface ByIdLookup<T> {
  load(id: number): Promise<T | null>;
  /** Forget the cached row after a write changed it. */
  clear(id: number): unknown;
}

/** A cache of something keyed by a row's id that a write can make stale. */
export interface Forgettable {
  clear(id: number): unknown;
}

export interface Lookups {
  readonly user: ByIdLookup<User>;
  readonly store: ByIdLookup<Store>;
  readonly organization: ByIdLookup<Organization>;
  readonly partnerOrganization: ByIdLookup<PartnerOrganization>;
  readonly storeUser: ByIdLookup<StoreUser>;
  readonly role: ByIdLookup<Role>;
  /** The account (a collaborator request, R6) an auto-generated role was made for, by role id. */
  readonly requestOfAutoRole: ByIdLookup<StoreUser>;
  /** The permission handles of a role, by role id. */
  readonly permissionsOfRole: Forgettable;
  /** The roles of a store account, by store account id. */
  readonly rolesOfStoreUser: Forgettable;
}
