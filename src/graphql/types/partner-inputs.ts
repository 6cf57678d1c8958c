// A partner organization's team (R22-R27): the inputs and payloads of its mutations.
import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { AccessLevel, PartnerMemberType, PartnerStoreAction } from "../../domain/partners/partner-member.entity";
import type { StoreType } from "../../domain/stores/store.entity";
import { AccessLevelEnum, PartnerMemberTypeEnum, StoreActionEnum, StoreTypeEnum } from "./enums";
import { PartnerMemberObject, PartnerOrganizationObject } from "./partner";
import { StoreObject } from "./store";
import { Payload } from "./payload-factory";
import { UserError } from "./user-error";

@InputType({ description: "A staff member's access to one type of store (R24) and the actions there (R25)." })
export class StoreAccessInput {
  @Field(() => StoreTypeEnum, { description: "PLUS_SANDBOX only in Plus partner organizations." }) storeType: StoreType;
  @Field(() => AccessLevelEnum, { description: "NONE, ALL (existing and future stores) or SPECIFIC (storeIds)." })
  access: AccessLevel;
  @Field(() => [ID], { nullable: true, description: "SPECIFIC only: the organization's stores of this type." })
  storeIds?: string[] | null;
  @Field(() => [StoreActionEnum], {
    nullable: true,
    description:
      "R25: DEVELOPMENT: ADD_ARCHIVE_UNARCHIVE, TRANSFER; MANAGED: ADD_REMOVE; PLUS_SANDBOX: ADD_ARCHIVE_UNARCHIVE. Not with NONE.",
  })
  actions?: PartnerStoreAction[] | null;
}

@InputType()
export class PartnerMemberInviteInput {
  @Field(() => ID) partnerOrganizationId: string;
  @Field(() => String) email: string;
  @Field(() => PartnerMemberTypeEnum, { description: "Inviting an OWNER is for owners (R22)." })
  type: PartnerMemberType;
  @Field(() => [String], { nullable: true, description: "STAFF: R23 sensitive permissions." }) permissions?:
    string[] | null;
  @Field(() => [StoreAccessInput], {
    nullable: true,
    description: "STAFF: access per store type; types not given are NONE.",
  })
  storeAccess?: StoreAccessInput[] | null;
}

@InputType({ description: "What is not given stays as it is." })
export class PartnerMemberUpdateInput {
  @Field(() => PartnerMemberTypeEnum, {
    nullable: true,
    description: "Promoting to or demoting from OWNER is for owners (R22).",
  })
  type?: PartnerMemberType | null;
  @Field(() => [String], { nullable: true, description: "STAFF: replaces the R23 sensitive permissions." })
  permissions?: string[] | null;
  @Field(() => [StoreAccessInput], {
    nullable: true,
    description: "STAFF: replaces the access of each store type given; other types stay.",
  })
  storeAccess?: StoreAccessInput[] | null;
}

@InputType()
export class PartnerInvitationAcceptInput {
  @Field(() => String, { description: "The token of the invitation email." }) token: string;
  @Field(() => String, {
    nullable: true,
    description: "Without a session, for an email with no account yet: the new account's name.",
  })
  name?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Without a session, for an email with no account yet: the new account's password (at least 10 characters).",
  })
  password?: string | null;
}

@InputType({
  description:
    "R26: the store's team page: staff members with SPECIFIC access to the store's type gain or lose the store.",
})
export class PartnerStoreTeamUpdateInput {
  @Field(() => ID) partnerOrganizationId: string;
  @Field(() => ID) storeId: string;
  @Field(() => [ID], { nullable: true }) addMemberIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) removeMemberIds?: string[] | null;
}

@ObjectType({ simpleResolvers: true })
export class PartnerMemberInvitePayload {
  @Field(() => PartnerMemberObject, { nullable: true, description: "The invitation: status INVITED." })
  partnerMember: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

export const PartnerMemberUpdatePayload = Payload("partnerMemberUpdate", "partnerMember", () => PartnerMemberObject);

@ObjectType({ simpleResolvers: true })
export class PartnerMemberRemovePayload {
  @Field(() => ID, { nullable: true }) removedPartnerMemberId: string | null;
  @Field(() => PartnerOrganizationObject, { nullable: true }) partnerOrganization: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

export const PartnerMemberInviteResendPayload = Payload(
  "partnerMemberInviteResend",
  "partnerMember",
  () => PartnerMemberObject,
);

@ObjectType({ simpleResolvers: true })
export class PartnerMemberInviteRevokePayload {
  @Field(() => ID, { nullable: true }) revokedPartnerMemberId: string | null;
  @Field(() => PartnerOrganizationObject, { nullable: true }) partnerOrganization: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class PartnerInvitationAcceptPayload {
  @Field(() => PartnerMemberObject, {
    nullable: true,
    description: "The membership, now ACTIVE. A new account signs in with signIn.",
  })
  partnerMember: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class PartnerStoreTeamUpdatePayload {
  @Field(() => StoreObject, { nullable: true }) store: unknown;
  @Field(() => [PartnerMemberObject], {
    nullable: true,
    description: "The store's team after the change (as PartnerOrganization.storeTeam).",
  })
  storeTeam: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}
