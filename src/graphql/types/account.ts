// Account security (R27): the inputs and payloads of the viewer's own account mutations.
import { Field, InputType, ObjectType } from "type-graphql";
import { UserObject } from "./user";
import { Payload } from "./payload-factory";
import { UserError } from "./user-error";

@InputType({ description: "Fields left out stay as they are." })
export class ViewerUpdateInput {
  @Field(() => String, { nullable: true, description: "1 to 200 characters." }) name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "A supported language tag: en, da, ja, sv, de, fr, es, nl, it, pt-BR.",
  })
  preferredLanguage?: string | null;
}

@ObjectType({ simpleResolvers: true })
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
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class TwoFactorConfirmPayload {
  @Field(() => [String], {
    nullable: true,
    description: "Single-use codes for when the authenticator is lost; shown this once.",
  })
  recoveryCodes: string[] | null;
  @Field(() => UserObject, { nullable: true }) user: unknown;
  @Field(() => [UserError]) userErrors: UserError[];
}

export const TwoFactorDisablePayload = Payload("twoFactorDisable", "user", () => UserObject);

export const PasswordChangePayload = Payload("passwordChange", "user", () => UserObject);

export const PasswordResetRequestPayload = Payload("passwordResetRequest");

export const PasswordResetPayload = Payload("passwordReset");

export const ViewerUpdatePayload = Payload("viewerUpdate", "user", () => UserObject);
