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

@InputType({ description: "R27: whom to invite, as what, and (staff) with which permissions and store access." })
export class PartnerMemberInviteInput {
  @Field(() => ID, { description: "The partner organization to join." }) partnerOrganizationId: string;
  @Field(() => String, {
    description: "Where the invitation goes; stored lower-cased (INVALID_EMAIL, ALREADY_MEMBER).",
  })
  email: string;
  @Field(() => PartnerMemberTypeEnum, { description: "Inviting an OWNER is for owners (R22)." })
  type: PartnerMemberType;
  @Field(() => [String], {
    nullable: true,
    description:
      "STAFF: R23 sensitive permissions, e.g. manage_members (UNKNOWN_PARTNER_PERMISSION; ESCALATION for one the inviter lacks). None when left out.",
  })
  permissions?: string[] | null;
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

@InputType({ description: "R27: an invitation's token and, for a new account, its name and password." })
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
  @Field(() => ID, { description: "The partner organization whose team changes." }) partnerOrganizationId: string;
  @Field(() => ID, { description: "One of the organization's stores (STORE_NOT_IN_ORGANIZATION)." }) storeId: string;
  @Field(() => [ID], {
    nullable: true,
    description: "Staff members (PartnerMember ids) who gain the store; each needs SPECIFIC access to its type.",
  })
  addMemberIds?: string[] | null;
  @Field(() => [ID], {
    nullable: true,
    description: "Staff members (PartnerMember ids) who lose the store; never also in addMemberIds.",
  })
  removeMemberIds?: string[] | null;
}

@ObjectType({ simpleResolvers: true, description: "The payload of `partnerMemberInvite`." })
export class PartnerMemberInvitePayload {
  @Field(() => PartnerMemberObject, {
    nullable: true,
    description: "The invitation: status INVITED; null when it failed.",
  })
  partnerMember: unknown;
  @Field(() => [UserError], {
    description:
      "Why nothing changed (NOT_FOUND, INVALID_EMAIL, ALREADY_MEMBER, INVALID, UNKNOWN_PARTNER_PERMISSION, ESCALATION, INVALID_STORE_ACCESS, PLUS_ONLY, STORE_NOT_IN_ORGANIZATION); empty when it succeeded.",
  })
  userErrors: UserError[];
}

export const PartnerMemberUpdatePayload = Payload("partnerMemberUpdate", "partnerMember", () => PartnerMemberObject);

@ObjectType({ simpleResolvers: true, description: "The payload of `partnerMemberRemove`." })
export class PartnerMemberRemovePayload {
  @Field(() => ID, { nullable: true, description: "The member (or invitation) removed; null when it failed." })
  removedPartnerMemberId: string | null;
  @Field(() => PartnerOrganizationObject, {
    nullable: true,
    description: "The organization, its team without the member; null when it failed.",
  })
  partnerOrganization: unknown;
  @Field(() => [UserError], { description: "Why nothing changed (NOT_FOUND, LAST_OWNER); empty when it succeeded." })
  userErrors: UserError[];
}

export const PartnerMemberInviteResendPayload = Payload(
  "partnerMemberInviteResend",
  "partnerMember",
  () => PartnerMemberObject,
);

@ObjectType({ simpleResolvers: true, description: "The payload of `partnerMemberInviteRevoke`." })
export class PartnerMemberInviteRevokePayload {
  @Field(() => ID, { nullable: true, description: "The invitation withdrawn; null when it failed." })
  revokedPartnerMemberId: string | null;
  @Field(() => PartnerOrganizationObject, {
    nullable: true,
    description: "The organization, its team without the invitation; null when it failed.",
  })
  partnerOrganization: unknown;
  @Field(() => [UserError], {
    description: "Why nothing changed (NOT_FOUND, INVITATION_NOT_PENDING); empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true, description: "The payload of `partnerInvitationAccept`." })
export class PartnerInvitationAcceptPayload {
  @Field(() => PartnerMemberObject, {
    nullable: true,
    description: "The membership, now ACTIVE; null when it failed. A new account signs in with signIn.",
  })
  partnerMember: unknown;
  @Field(() => [UserError], {
    description:
      "Why nothing changed (INVALID_TOKEN, INVITATION_EXPIRED; for a new account INVALID name, WEAK_PASSWORD); empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true, description: "The payload of `partnerStoreTeamUpdate`." })
export class PartnerStoreTeamUpdatePayload {
  @Field(() => StoreObject, { nullable: true, description: "The store whose team changed; null when it failed." })
  store: unknown;
  @Field(() => [PartnerMemberObject], {
    nullable: true,
    description: "The store's team after the change (as PartnerOrganization.storeTeam); null when it failed.",
  })
  storeTeam: unknown;
  @Field(() => [UserError], {
    description:
      "Why nothing changed (NOT_FOUND, STORE_NOT_IN_ORGANIZATION, INVALID_STORE_ACCESS for an owner or a member without SPECIFIC access, INVALID); empty when it succeeded.",
  })
  userErrors: UserError[];
}
