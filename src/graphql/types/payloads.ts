// Mutation payloads: the changed object (nullable) and userErrors, one type per mutation.
import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { CollaboratorType } from "./collaborator";
import { OrganizationType } from "./organization";
import { PartnerOrganizationType } from "./partner";
import { RoleType } from "./role";
import { StoreType } from "./store";
import { UserType } from "./user";
import { Payload } from "./payload";
import { UserError } from "./user-error";

export const CollaboratorRequestCreatePayload = Payload(
  "collaboratorRequestCreate",
  "collaborator",
  () => CollaboratorType,
);
export const CollaboratorRequestAcceptPayload = Payload(
  "collaboratorRequestAccept",
  "collaborator",
  () => CollaboratorType,
);
export const CollaboratorRequestRejectPayload = Payload(
  "collaboratorRequestReject",
  "collaborator",
  () => CollaboratorType,
);
export const CollaboratorRequestWithdrawPayload = Payload(
  "collaboratorRequestWithdraw",
  "collaborator",
  () => CollaboratorType,
);
export const CollaboratorRemovePayload = Payload("collaboratorRemove", "collaborator", () => CollaboratorType);
export const CollaboratorRolesSetPayload = Payload("collaboratorRolesSet", "collaborator", () => CollaboratorType);
export const StoreCollaboratorSettingsUpdatePayload = Payload(
  "storeCollaboratorSettingsUpdate",
  "store",
  () => StoreType,
);
export const StoreOwnershipTransferPayload = Payload("storeOwnershipTransfer", "store", () => StoreType);
export const RoleCreatePayload = Payload("roleCreate", "role", () => RoleType);
export const RoleUpdatePayload = Payload("roleUpdate", "role", () => RoleType);
export const RoleDeletePayload = Payload("roleDelete", "deletedRoleId", () => String);

@ObjectType({ simpleResolvers: true })
export class SignInPayload {
  @Field(() => String, { nullable: true, description: "Send as Authorization: Bearer <token>." }) token: string | null;
  @Field(() => UserType, { nullable: true }) viewer: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class SignOutPayload {
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class StoreCollaboratorCodeRegeneratePayload {
  @Field(() => String, { nullable: true, description: "The new four-digit code (R1)." }) code: string | null;
  @Field(() => StoreType, { nullable: true }) store: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class CollaboratorRequestBlockLiftPayload {
  @Field(() => StoreType, { nullable: true }) store: unknown;
  @Field(() => PartnerOrganizationType, { nullable: true }) partnerOrganization: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class OrganizationCollaboratorsRoleAssignPayload {
  @Field(() => OrganizationType, { nullable: true }) organization: unknown;
  @Field(() => RoleType, { nullable: true }) role: unknown;
  @Field(() => Int, { nullable: true, description: "Collaborator accounts that gained the role." }) assignedCount:
    number | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
