// Account security (R27): the inputs and payloads of the viewer's own account mutations.
import { Field, InputType, ObjectType } from "type-graphql";
import { UserObject } from "./user";
import { Payload } from "./payload-factory";
import { UserError } from "./user-error";

@InputType({ description: "The viewer's own name and language; fields left out stay as they are." })
export class ViewerUpdateInput {
  @Field(() => String, { nullable: true, description: "1 to 200 characters, trimmed (INVALID)." }) name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "A supported language tag, any case: en, da, ja, sv, de, fr, es, nl, it, pt-BR (UNKNOWN_LANGUAGE).",
  })
  preferredLanguage?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "The payload of `twoFactorEnroll`: the new secret, to confirm with twoFactorConfirm.",
})
export class TwoFactorEnrollPayload {
  @Field(() => String, {
    nullable: true,
    description: "otpauth://totp/... for the authenticator app (a QR code of it); shown this once.",
  })
  otpauthUri: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The same secret in base32, for typing in by hand; shown this once.",
  })
  secret: string | null;
  @Field(() => [UserError], {
    description: "Why nothing changed (TWO_FACTOR_ENABLED: turn it off first); empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({
  simpleResolvers: true,
  description: "The payload of `twoFactorConfirm`: the recovery codes, shown this once, and the viewer.",
})
export class TwoFactorConfirmPayload {
  @Field(() => [String], {
    nullable: true,
    description:
      "Ten single-use codes (xxxxx-xxxxx) for when the authenticator is lost, each usable as signIn's otp; shown this once.",
  })
  recoveryCodes: string[] | null;
  @Field(() => UserObject, {
    nullable: true,
    description: "The viewer, two-step sign-in now on; null when it failed.",
  })
  user: unknown;
  @Field(() => [UserError], {
    description:
      "Why nothing changed (INVALID_OTP, TWO_FACTOR_NOT_ENROLLED, TWO_FACTOR_ENABLED); empty when it succeeded.",
  })
  userErrors: UserError[];
}

export const TwoFactorDisablePayload = Payload("twoFactorDisable", "user", () => UserObject);

export const PasswordChangePayload = Payload("passwordChange", "user", () => UserObject);

export const PasswordResetRequestPayload = Payload("passwordResetRequest");

export const PasswordResetPayload = Payload("passwordReset");

export const ViewerUpdatePayload = Payload("viewerUpdate", "user", () => UserObject);
