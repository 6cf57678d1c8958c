// Mutation payloads: the changed object (nullable) and userErrors, one type per mutation.
import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { CollaboratorObject } from "./collaborator";
import { OrganizationObject } from "./organization";
import { PartnerOrganizationObject } from "./partner";
import { RoleObject } from "./role";
import { StoreObject } from "./store";
import { UserObject } from "./user";
import { Payload } from "./payload-factory";
import { UserError } from "./user-error";

export const CollaboratorRequestCreatePayload = Payload(
  "collaboratorRequestCreate",
  "collaborator",
  () => CollaboratorObject,
);
export const CollaboratorRequestAcceptPayload = Payload(
  "collaboratorRequestAccept",
  "collaborator",
  () => CollaboratorObject,
);
export const CollaboratorRequestRejectPayload = Payload(
  "collaboratorRequestReject",
  "collaborator",
  () => CollaboratorObject,
);
export const CollaboratorRequestWithdrawPayload = Payload(
  "collaboratorRequestWithdraw",
  "collaborator",
  () => CollaboratorObject,
);
export const CollaboratorRemovePayload = Payload("collaboratorRemove", "collaborator", () => CollaboratorObject);
export const CollaboratorRolesSetPayload = Payload("collaboratorRolesSet", "collaborator", () => CollaboratorObject);
export const StoreCollaboratorSettingsUpdatePayload = Payload(
  "storeCollaboratorSettingsUpdate",
  "store",
  () => StoreObject,
);
export const StoreOwnershipTransferPayload = Payload("storeOwnershipTransfer", "store", () => StoreObject);
export const RoleCreatePayload = Payload("roleCreate", "role", () => RoleObject);
export const RoleUpdatePayload = Payload("roleUpdate", "role", () => RoleObject);
export const RoleDeletePayload = Payload("roleDelete", "deletedRoleId", () => String);

@ObjectType({ simpleResolvers: true })
export class SignInPayload {
  @Field(() => String, { nullable: true, description: "Send as Authorization: Bearer <token>." }) token: string | null;
  @Field(() => UserObject, { nullable: true }) viewer: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class SignOutPayload {
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class StoreCollaboratorCodeRegeneratePayload {
  @Field(() => String, { nullable: true, description: "The new four-digit code (R1)." }) code: string | null;
  @Field(() => StoreObject, { nullable: true }) store: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class CollaboratorRequestBlockLiftPayload {
  @Field(() => StoreObject, { nullable: true }) store: unknown;
  @Field(() => PartnerOrganizationObject, { nullable: true }) partnerOrganization: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class OrganizationCollaboratorsRoleAssignPayload {
  @Field(() => OrganizationObject, { nullable: true }) organization: unknown;
  @Field(() => RoleObject, { nullable: true }) role: unknown;
  @Field(() => Int, { nullable: true, description: "Collaborator accounts that gained the role." }) assignedCount:
    number | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
