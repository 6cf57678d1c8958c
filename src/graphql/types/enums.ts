import { registerEnumType } from "type-graphql";

const values = <const T extends readonly string[]>(list: T) =>
  Object.fromEntries(list.map((v) => [v, v])) as { [K in T[number]]: K };

export const CollaboratorStatusEnum = values([
  "REQUESTED",
  "ACTIVE",
  "REJECTED",
  "WITHDRAWN",
  "EXPIRED",
  "REMOVED",
] as const);
export const UserTypeEnum = values(["STAFF", "COLLABORATOR"] as const);
export const UserStatusEnum = values(["ACTIVE", "REQUESTED", "EXPIRED", "REMOVED"] as const);
export const ClientKindEnum = values(["PARTNER_DASHBOARD", "ADMIN", "MOBILE_APP"] as const);
export const RoleScopeEnum = values(["STORE", "ORGANIZATION"] as const);
export const PartnerMemberTypeEnum = values(["OWNER", "STAFF"] as const);
export const StoreTypeEnum = values(["DEVELOPMENT", "MANAGED", "PLUS_SANDBOX"] as const);
export const AccessLevelEnum = values(["NONE", "ALL", "SPECIFIC"] as const);
export const StoreActionEnum = values(["ADD_ARCHIVE_UNARCHIVE", "TRANSFER", "ADD_REMOVE"] as const);
export const NotificationChannelEnum = values(["EMAIL", "HOME"] as const);

registerEnumType(CollaboratorStatusEnum, {
  name: "CollaboratorStatus",
  description: "A collaborator account from request to end (R7, R17).",
  valuesConfig: {
    REQUESTED: { description: "A pending request, waiting for the store to accept or reject it (R7)." },
    ACTIVE: { description: "An accepted collaborator account that works in the store." },
    REJECTED: {
      description: "The store rejected the request; the partner organization is blocked from asking again (R18).",
    },
    WITHDRAWN: {
      description: "The request was withdrawn by the requester, or when the partner organization removed its access.",
    },
    EXPIRED: {
      description:
        "A request not answered within 7 days (R7), or an account not logged into for 90 days (R17); it gives no access.",
    },
    REMOVED: { description: "The account was removed (R16), permanently: coming back takes a new request." },
  },
});
registerEnumType(UserTypeEnum, {
  name: "UserType",
  description: "Whether a user of a store is the merchant's own staff or a partner's collaborator account.",
  valuesConfig: {
    STAFF: { description: "The merchant's own people: owners, staff and organization members." },
    COLLABORATOR: { description: "A partner user's collaborator account on this one store (R14)." },
  },
});
registerEnumType(UserStatusEnum, {
  name: "UserStatus",
  description: "Statuses of the users index (R28).",
  valuesConfig: {
    ACTIVE: { description: "Has access to the store." },
    REQUESTED: { description: "A collaborator request not yet answered (R7)." },
    EXPIRED: { description: "A collaborator request or account that expired (R7, R17)." },
    REMOVED: { description: "Removed, or a collaborator request that was rejected or withdrawn." },
  },
});
registerEnumType(ClientKindEnum, {
  name: "ClientKind",
  description: "The client a session signed in through (R19).",
  valuesConfig: {
    PARTNER_DASHBOARD: {
      description:
        "The partner dashboard (the default); a collaborator's first visit here unlocks the mobile app (R19).",
    },
    ADMIN: { description: "The merchant's admin." },
    MOBILE_APP: {
      description:
        "The mobile app: a collaborator must have logged into the store through the partner dashboard once (R19).",
    },
  },
});
registerEnumType(RoleScopeEnum, {
  name: "RoleScope",
  description: "Which kind of permissions a role holds; never both.",
  valuesConfig: {
    STORE: { description: "A store role: store permissions, assigned per store." },
    ORGANIZATION: {
      description: "An organization role: organization permissions, never assignable to a collaborator (R11).",
    },
  },
});
registerEnumType(PartnerMemberTypeEnum, {
  name: "PartnerMemberType",
  description: "A partner organization member's standing (R22).",
  valuesConfig: {
    OWNER: { description: "Sees and does everything, in every store of the organization; manages owners too." },
    STAFF: { description: "Has only the sensitive permissions (R23) and store access (R24, R25) given to them." },
  },
});
registerEnumType(StoreTypeEnum, {
  name: "StoreType",
  description: "The kinds of store, as a partner organization's store access sees them (R24).",
  valuesConfig: {
    DEVELOPMENT: {
      description: "A partner organization's own development store; it can be transferred to a merchant (R25).",
    },
    MANAGED: { description: "A merchant's store, reached by partners through collaborator requests." },
    PLUS_SANDBOX: { description: "A Plus partner organization's own sandbox store; only in Plus organizations (R24)." },
  },
});
registerEnumType(AccessLevelEnum, {
  name: "StoreAccessLevel",
  description: "How much of one store type a partner staff member reaches (R24).",
  valuesConfig: {
    NONE: { description: "No store of the type." },
    ALL: { description: "Every store of the type, existing and future." },
    SPECIFIC: { description: "Only the stores listed in storeIds." },
  },
});
registerEnumType(StoreActionEnum, {
  name: "StoreAction",
  description: "What a partner staff member may do with the stores of a type they reach (R25).",
  valuesConfig: {
    ADD_ARCHIVE_UNARCHIVE: {
      description: "Development and Plus sandbox stores: create them, archive and unarchive them.",
    },
    TRANSFER: { description: "Development stores: transfer one to a merchant." },
    ADD_REMOVE: {
      description:
        "Managed stores: request collaborator access to client stores, and remove the organization's access.",
    },
  },
});
registerEnumType(NotificationChannelEnum, {
  name: "NotificationChannel",
  description: "Where a notification goes.",
  valuesConfig: {
    EMAIL: { description: "An email to a person or to the store's account email." },
    HOME: { description: "A notification on the store's home in the admin." },
  },
});
