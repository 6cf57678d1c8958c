// Two kinds of failure. A broken business rule is a UserFailure: it becomes a `userErrors` entry
// and, thrown inside the transaction, rolls everything back. Anything about who may see what is a
// coded top-level error.
import { GraphQLError } from "graphql";

export const USER_ERROR_CODES = [
  "INVALID",
  "NOT_FOUND",
  "TAKEN",
  "INVALID_CREDENTIALS",
  "INVALID_PASSWORD",
  "UNKNOWN_PERMISSION",
  "PERMISSION_SCOPE_MISMATCH",
  "ESCALATION",
  "SYSTEM_ROLE",
  "ROLE_IN_USE",
  "ROLE_NOT_ASSIGNABLE",
  "ROLE_REQUIRED",
  "AUTO_ROLE_LOCKED",
  "INVALID_REQUEST_CODE",
  "REQUEST_CODE_REQUIRED",
  "REQUEST_BLOCKED",
  "ALREADY_STAFF",
  "ALREADY_REQUESTED",
  "ALREADY_COLLABORATOR",
  "NOT_A_PARTNER",
  "PARTNER_ACCESS_DENIED",
  "NOT_PENDING",
  "NOT_ACTIVE",
  "NOT_BLOCKED",
  "OWNERSHIP_TO_COLLABORATOR",
  "NOT_STAFF",
  "ALREADY_OWNER",
  // partner side (R22-R27, R30)
  "INVALID_EMAIL",
  "ALREADY_MEMBER",
  "LAST_OWNER",
  "OWNERS_ONLY",
  "UNKNOWN_PARTNER_PERMISSION",
  "STORE_NOT_IN_ORGANIZATION",
  "PLUS_ONLY",
  "INVALID_STORE_ACCESS",
  "INVITATION_EXPIRED",
  "INVITATION_NOT_PENDING",
  "ARCHIVED",
  "NOT_ARCHIVED",
  "STORE_TYPE_MISMATCH",
  "REPORT_CLOSED",
  // account security (R27)
  "OTP_REQUIRED",
  "INVALID_OTP",
  "TWO_FACTOR_ENABLED",
  "TWO_FACTOR_NOT_ENABLED",
  "TWO_FACTOR_NOT_ENROLLED",
  "INVALID_TOKEN",
  "WEAK_PASSWORD",
  "UNKNOWN_LANGUAGE",
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export class UserFailure extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly field: string[] | null = null,
  ) {
    super(message);
  }
}

const coded = (code: string) => (message: string) => new GraphQLError(message, { extensions: { code } });
export const unauthenticated = () => coded("UNAUTHENTICATED")("Sign in first: send Authorization: Bearer <token>.");
export const accessDenied = coded("ACCESS_DENIED");
export const notFound = (what = "object") => coded("NOT_FOUND")(`No ${what} with that id.`);
export const badInput = coded("BAD_USER_INPUT");
export const throttled = coded("THROTTLED");
