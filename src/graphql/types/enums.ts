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
});
registerEnumType(UserTypeEnum, { name: "UserType" });
registerEnumType(UserStatusEnum, { name: "UserStatus", description: "Statuses of the users index (R28)." });
registerEnumType(ClientKindEnum, { name: "ClientKind", description: "The client a session signed in through (R19)." });
registerEnumType(RoleScopeEnum, { name: "RoleScope" });
registerEnumType(PartnerMemberTypeEnum, { name: "PartnerMemberType" });
registerEnumType(StoreTypeEnum, { name: "StoreType" });
registerEnumType(AccessLevelEnum, { name: "StoreAccessLevel" });
registerEnumType(StoreActionEnum, { name: "StoreAction" });
registerEnumType(NotificationChannelEnum, { name: "NotificationChannel" });
