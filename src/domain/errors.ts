// Two kinds of failure. A broken business rule is a UserFailure: it becomes a `userErrors` entry
// and, thrown inside the transaction, rolls everything back. Anything about who may see what is a
// coded top-level error.
import { GraphQLError } from "graphql";
import { msg, translate, type Message, type MessageId } from "../i18n";

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

/** A broken business rule: a code, what to tell the person (rendered in their language), the input at fault and the rule. */
export class UserFailure extends Error {
  /** The rule id (docs/rules.md) behind the refusal, if one: `UserError.rule`. */
  readonly rule: string | null;
  constructor(
    readonly code: UserErrorCode,
    readonly descriptor: Message,
    readonly field: string[] | null = null,
  ) {
    super(translate("en", descriptor));
    this.rule = descriptor.rule ?? null;
  }
}

/**
 * A coded top-level error. Its message is English until the GraphQL layer renders the descriptor
 * (`extensions.i18n`, removed before the answer) in the request's language; the rule goes to
 * `extensions.rule`.
 */
export const codedError = (code: string, descriptor: Message, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(translate("en", descriptor), {
    extensions: { code, ...(descriptor.rule ? { rule: descriptor.rule } : {}), ...extensions, i18n: descriptor },
  });
const coded = (code: string) => (descriptor: Message) => codedError(code, descriptor);
export const unauthenticated = () => codedError("UNAUTHENTICATED", msg("error.signInFirst"));
export const accessDenied = coded("ACCESS_DENIED");
export const notFound = (what: MessageId = "thing.object") =>
  codedError("NOT_FOUND", msg("error.notFound", { what: msg(what) }));
export const badInput = coded("BAD_USER_INPUT");
export const throttled = coded("THROTTLED");
