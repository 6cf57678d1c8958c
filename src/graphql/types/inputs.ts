import { Field, ID, InputType } from "type-graphql";
import { ClientKindEnum } from "./enums";

@InputType()
export class SignInInput {
  @Field(() => String) email: string;
  @Field(() => String) password: string;
  @Field(() => String, { nullable: true, description: "Authenticator code, when two-step sign-in is on." }) otp?:
    string | null;
  @Field(() => ClientKindEnum, { nullable: true, defaultValue: "PARTNER_DASHBOARD" }) client?:
    "PARTNER_DASHBOARD" | "ADMIN" | "MOBILE_APP" | null;
}

@InputType()
export class CollaboratorRequestCreateInput {
  @Field(() => String) storeDomain: string;
  @Field(() => String, { nullable: true, description: "The store's four-digit code (R2, R3)." }) requestCode?:
    string | null;
  @Field(() => [String], { description: "Store permission handles asked for (R4)." }) permissions: string[];
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "Which of the viewer's partner organizations asks; optional when one qualifies.",
  })
  partnerOrganizationId?: string | null;
}

@InputType()
export class AutoRoleInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [String], { nullable: true }) permissions?: string[] | null;
}

@InputType()
export class CollaboratorRequestAcceptInput {
  @Field(() => [ID], { nullable: true, description: "Existing store roles to assign (R8, R11)." }) roleIds?:
    string[] | null;
  @Field(() => AutoRoleInput, { nullable: true, description: "Edits to the auto-generated role (R6, R10)." })
  autoRole?: AutoRoleInput | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Accept without the auto-generated role, which is deleted (R8).",
  })
  dropAutoRole?: boolean | null;
}

@InputType()
export class RoleCreateInput {
  @Field(() => ID, { nullable: true }) storeId?: string | null;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => String) name: string;
  @Field(() => [String]) permissions: string[];
}

@InputType()
export class RoleUpdateInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [String], { nullable: true }) permissions?: string[] | null;
}
