import { Ctx, Field, ObjectType, registerEnumType } from "type-graphql";
import type { Actor } from "../../authz/actor";
import { translate, type Message } from "../../i18n";
import { USER_ERROR_CODES, UserFailure } from "../../domain/errors";

export enum UserErrorCode {}
const codes = Object.fromEntries(USER_ERROR_CODES.map((c) => [c, c]));

/** What each code means, as Sandbox shows it; `message` says it for the case at hand. */
const CODE_DESCRIPTIONS: Record<(typeof USER_ERROR_CODES)[number], string> = {
  INVALID: "A value is malformed or out of bounds (an empty or too long name or message, both or neither of two ids).",
  NOT_FOUND: "The id or domain names nothing the viewer may act on (what one may not see reads as missing).",
  TAKEN: "The name or domain is already used here.",
  INVALID_CREDENTIALS: "Email or password is incorrect (which of the two is never said).",
  INVALID_PASSWORD:
    "The viewer's own password, asked to confirm a sensitive change (such as removing a collaborator, R16), is wrong.",
  UNKNOWN_PERMISSION: "A permission handle is not in the catalog (`permissions`).",
  PERMISSION_SCOPE_MISMATCH: "Store and organization permissions are mixed, or do not fit the role or request.",
  ESCALATION: "The viewer tried to grant a permission they do not hold.",
  SYSTEM_ROLE:
    "A system role (Administrator, Organization administrator, Store user administrator) cannot be edited or deleted.",
  ROLE_IN_USE: "The role is still assigned to a user or to a pending request.",
  ROLE_NOT_ASSIGNABLE: "The role can never be assigned to a collaborator: a system or organization role (R11).",
  ROLE_REQUIRED: "A collaborator needs at least one role (R8).",
  AUTO_ROLE_LOCKED:
    "In an organization, only its owner and organization administrators edit or accept with the auto-generated role (R10).",
  INVALID_REQUEST_CODE: "The collaborator request code is wrong or was regenerated (R3).",
  REQUEST_CODE_REQUIRED: "The store asks for its four-digit collaborator request code (R2).",
  REQUEST_BLOCKED:
    "The store rejected a request of this partner organization; platform support must lift the block (R18).",
  ALREADY_STAFF: "The requester is staff of the store and cannot be its collaborator (R4).",
  ALREADY_REQUESTED: "The requester already has a pending request for the store (R29).",
  ALREADY_COLLABORATOR: "The requester already has a collaborator account on the store (R29).",
  NOT_A_PARTNER: "Only members of a partner organization can request collaborator access (R4).",
  PARTNER_ACCESS_DENIED: "The viewer's partner organization does not let them add managed stores (R25).",
  NOT_PENDING: "The request is no longer pending: decided, withdrawn or expired (R7, R29).",
  NOT_ACTIVE: "The collaborator account is not active (pending, expired, removed).",
  NOT_BLOCKED: "The partner organization is not blocked from the store.",
  OWNERSHIP_TO_COLLABORATOR: "Ownership can never go to a collaborator (R13).",
  NOT_STAFF: "Ownership goes only to an active staff member of the store.",
  ALREADY_OWNER: "The user already owns the store.",
  INVALID_EMAIL: "Not a valid email address.",
  ALREADY_MEMBER: "The person is already a member of the partner organization, or invited to it.",
  LAST_OWNER: "The last owner of a partner organization cannot be removed or demoted (R22).",
  OWNERS_ONLY: "Only owners of the partner organization may do this (R22).",
  UNKNOWN_PARTNER_PERMISSION: "A partner permission handle is unknown (R23).",
  STORE_NOT_IN_ORGANIZATION: "The store is not one the partner organization has access to.",
  PLUS_ONLY: "Plus sandbox stores, and access to them, exist only for Plus partner organizations (R24).",
  INVALID_STORE_ACCESS: "A member's store access setting is inconsistent (R24).",
  INVITATION_EXPIRED: "The invitation expired after 7 days; ask for it to be sent again.",
  INVITATION_NOT_PENDING: "The invitation was already accepted.",
  ARCHIVED: "The store is archived (R25).",
  NOT_ARCHIVED: "The store is not archived.",
  STORE_TYPE_MISMATCH: "The action does not apply to this type of store (R25).",
  REPORT_CLOSED: "The report is already closed (R30).",
  OTP_REQUIRED: "Two-step sign-in is on: give the authenticator code or a recovery code (R27).",
  INVALID_OTP: "The authenticator or recovery code is wrong or already used (R27).",
  TWO_FACTOR_ENABLED: "Two-step sign-in is already on (R27).",
  TWO_FACTOR_NOT_ENABLED: "Two-step sign-in is not on (R27).",
  TWO_FACTOR_NOT_ENROLLED: "Start with `twoFactorEnroll` first, or start again: the enrolment changed (R27).",
  INVALID_TOKEN: "The reset token or invitation is unknown, used, revoked or expired.",
  WEAK_PASSWORD: "The new password is too short or too long, or is the email address.",
  UNKNOWN_LANGUAGE: "The language is not one the service supports.",
};

registerEnumType(codes, {
  name: "UserErrorCode",
  description: "Why a mutation refused its input; the message says it in words.",
  valuesConfig: Object.fromEntries(
    Object.entries(CODE_DESCRIPTIONS).map(([code, description]) => [code, { description }]),
  ),
});

@ObjectType({
  description: "A broken business rule: the mutation changed nothing (its transaction rolled back).",
  simpleResolvers: true,
})
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description:
      'The path of the input at fault, e.g. `["input", "requestCode"]` or `["id"]`; null when no one field is.',
  })
  field: string[] | null;
  /** What went wrong, as data: rendered by `message` in the request's language. */
  descriptor: Message;
  @Field(() => String, {
    description:
      "What went wrong, in words for people, in the request's language (Accept-Language, else the viewer's preferredLanguage, else English); never a rule id (see `rule`).",
  })
  message(@Ctx() ctx: Actor): string {
    return translate(ctx.locale, this.descriptor);
  }
  @Field(() => String, {
    nullable: true,
    description:
      "The rule of docs/rules.md (R1...R30) the refusal enforces, e.g. `R3` (or `R9, R10` when two do); null when no numbered rule does.",
  })
  rule: string | null;
  @Field(() => codes as never, {
    nullable: true,
    description: "The machine-readable reason: branch on this, not on the message.",
  })
  code: string | null;
}

export const toUserError = (f: UserFailure): UserError =>
  Object.assign(new UserError(), { field: f.field, descriptor: f.descriptor, code: f.code, rule: f.rule });

/** Runs a mutation's service call; a UserFailure becomes the payload's userErrors (the transaction already rolled back). */
export async function payload<K extends string, T>(
  key: K,
  work: () => Promise<T>,
): Promise<{ [P in K]: T | null } & { userErrors: UserError[] }> {
  try {
    return { [key]: await work(), userErrors: [] } as never;
  } catch (error) {
    if (error instanceof UserFailure) return { [key]: null, userErrors: [toUserError(error)] } as never;
    throw error;
  }
}
