import { Field, ID, InputType } from "type-graphql";
import { ClientKindEnum } from "./enums";

@InputType({ description: "What `signIn` asks: email and password, and the second step when it is on (R27)." })
export class SignInInput {
  @Field(() => String, { description: "The account's email address (case and spaces around it do not matter)." })
  email: string;
  @Field(() => String, { description: "The account's password." }) password: string;
  @Field(() => String, {
    nullable: true,
    description: "The authenticator code or a recovery code, when two-step sign-in is on (R27).",
  })
  otp?: string | null;
  @Field(() => ClientKindEnum, {
    nullable: true,
    defaultValue: "PARTNER_DASHBOARD",
    description:
      "The client signing in; the mobile app reaches a store only after a login through the partner dashboard (R19).",
  })
  client?: "PARTNER_DASHBOARD" | "ADMIN" | "MOBILE_APP" | null;
}

@InputType({ description: "A partner user's request for collaborator access to a store (R2-R6)." })
export class CollaboratorRequestCreateInput {
  @Field(() => String, { description: "The store's domain, as its merchant gave it (case does not matter)." })
  storeDomain: string;
  @Field(() => String, {
    nullable: true,
    description: "The store's four-digit collaborator request code; needed unless the store turned it off (R2, R3).",
  })
  requestCode?: string | null;
  @Field(() => [String], {
    description:
      "The store permission handles asked for (R4), at least one, from `permissions`; the auto-generated role gets them (R6).",
  })
  permissions: string[];
  @Field(() => String, {
    nullable: true,
    description: "A message to the store (R4), at most 2,000 characters.",
  })
  message?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "Which of the viewer's partner organizations asks; when null, the first of their memberships that may add managed stores (R25).",
  })
  partnerOrganizationId?: string | null;
}

@InputType({
  description:
    "Edits to a request's auto-generated role, applied as it is accepted (R6, R10); null fields stay as they are.",
})
export class AutoRoleInput {
  @Field(() => String, { nullable: true, description: "A new name, 1 to 200 characters." }) name?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: "The store permission handles the role will hold instead; none beyond the viewer's own (ESCALATION).",
  })
  permissions?: string[] | null;
}

@InputType({
  description:
    "How to accept a request: the roles to give (at least one in all, R8), and what becomes of the auto-generated role.",
})
export class CollaboratorRequestAcceptInput {
  @Field(() => [ID], {
    nullable: true,
    description: "Existing store roles of the store or its organization to assign too (R8, R11).",
  })
  roleIds?: string[] | null;
  @Field(() => AutoRoleInput, {
    nullable: true,
    description: "Edits to the auto-generated role before it is given (R6, R10).",
  })
  autoRole?: AutoRoleInput | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "True: accept without the auto-generated role, which is deleted (R8); false or null (the default) keeps it.",
  })
  dropAutoRole?: boolean | null;
}

@InputType({
  description: "A new role: give `storeId` for a store role or `organizationId` for an organization's role.",
})
export class RoleCreateInput {
  @Field(() => ID, {
    nullable: true,
    description: "The store the role belongs to; give exactly one of `storeId` and `organizationId` (else INVALID).",
  })
  storeId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "The organization the role belongs to: a store role assigned per store, or an organization role.",
  })
  organizationId?: string | null;
  @Field(() => String, { description: "1 to 200 characters, not the name of another role there (TAKEN)." })
  name: string;
  @Field(() => [String], {
    description:
      "Permission handles, at least one, all store or all organization permissions (the role's scope follows); a store role holds store permissions only.",
  })
  permissions: string[];
}

@InputType({ description: "Changes to a role; null fields stay as they are." })
export class RoleUpdateInput {
  @Field(() => String, { nullable: true, description: "A new name, 1 to 200 characters, not taken there." })
  name?: string | null;
  @Field(() => [String], {
    nullable: true,
    description:
      "The permission handles the role will hold instead, of the role's scope; for a store role, none beyond the viewer's own (ESCALATION).",
  })
  permissions?: string[] | null;
}
