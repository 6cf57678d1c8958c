// Mutation payloads: the changed object (nullable) and userErrors, one type per mutation.
import { Field, ID, Int, ObjectType } from "type-graphql";
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
export const RoleDeletePayload = Payload("roleDelete", "deletedRoleId", () => ID, {
  type: "The payload of `roleDelete`: the deleted role's id (null when the mutation failed) and userErrors.",
  field: "The id of the role `roleDelete` deleted; null when it failed.",
});

@ObjectType({
  simpleResolvers: true,
  description:
    "The payload of `signIn`: the session token and the signed-in user (both null when it failed), and userErrors.",
})
export class SignInPayload {
  @Field(() => String, {
    nullable: true,
    description:
      "The session token: send it as `Authorization: Bearer <token>`; valid 30 days unless revoked by `signOut`.",
  })
  token: string | null;
  @Field(() => UserObject, { nullable: true, description: "The user now signed in; null when it failed." })
  viewer: unknown;
  @Field(() => [UserError], {
    description: "Why `signIn` changed nothing: the broken business rules; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true, description: "The payload of `signOut`: its userErrors (always empty)." })
export class SignOutPayload {
  @Field(() => [UserError], {
    description: "Why `signOut` changed nothing: the broken business rules; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The payload of `storeCollaboratorCodeRegenerate`: the new code and the store (null when it failed), and userErrors.",
})
export class StoreCollaboratorCodeRegeneratePayload {
  @Field(() => String, {
    nullable: true,
    description: "The new four-digit code (R1); every older one stopped working. Null when it failed.",
  })
  code: string | null;
  @Field(() => StoreObject, { nullable: true, description: "The store with its new code; null when it failed." })
  store: unknown;
  @Field(() => [UserError], {
    description:
      "Why `storeCollaboratorCodeRegenerate` changed nothing: the broken business rules; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The payload of `collaboratorRequestBlockLift`: the store and the partner organization it may hear from again (null when it failed), and userErrors.",
})
export class CollaboratorRequestBlockLiftPayload {
  @Field(() => StoreObject, { nullable: true, description: "The store whose block was lifted; null when it failed." })
  store: unknown;
  @Field(() => PartnerOrganizationObject, {
    nullable: true,
    description: "The partner organization that may request again (R18); null when it failed.",
  })
  partnerOrganization: unknown;
  @Field(() => [UserError], {
    description:
      "Why `collaboratorRequestBlockLift` changed nothing: the broken business rules; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The payload of `organizationCollaboratorsRoleAssign`: the organization, the role and how many accounts gained it (null when it failed), and userErrors.",
})
export class OrganizationCollaboratorsRoleAssignPayload {
  @Field(() => OrganizationObject, { nullable: true, description: "The organization; null when it failed." })
  organization: unknown;
  @Field(() => RoleObject, { nullable: true, description: "The role assigned; null when it failed." }) role: unknown;
  @Field(() => Int, {
    nullable: true,
    description:
      "Collaborator accounts that gained the role (those holding it already do not count); null when it failed.",
  })
  assignedCount: number | null;
  @Field(() => [UserError], {
    description:
      "Why `organizationCollaboratorsRoleAssign` changed nothing: the broken business rules; empty when it succeeded.",
  })
  userErrors: UserError[];
}
