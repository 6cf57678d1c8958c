// Account security (R27): two-step sign-in, passwords, language. Each mutation is the viewer's own
// account, except the two password-reset steps, which are public.
import { Authorized, Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import * as account from "../../domain/users/account.service";
import * as A from "../types/account";
import { payload } from "../types/user-error";

@Authorized()
@Resolver()
export class AccountResolver {
  @Mutation(() => A.TwoFactorEnrollPayload, {
    nullable: true,
    description:
      "R27: starts two-step sign-in for the viewer: a new authenticator secret, awaiting twoFactorConfirm (a new call replaces an unconfirmed secret). userErrors: TWO_FACTOR_ENABLED. UNAUTHENTICATED without a session.",
  })
  async twoFactorEnroll(@Ctx() ctx: RequestContext) {
    const result = await payload("enrolment", () => account.enrollTwoFactor(ctx));
    return {
      otpauthUri: result.enrolment?.otpauthUri ?? null,
      secret: result.enrolment?.secret ?? null,
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => A.TwoFactorConfirmPayload, {
    nullable: true,
    description:
      "R27: turns two-step sign-in on with a current code of the enrolled secret; returns ten recovery codes, once, and emails the viewer. userErrors: INVALID_OTP, TWO_FACTOR_NOT_ENROLLED, TWO_FACTOR_ENABLED. UNAUTHENTICATED without a session.",
  })
  async twoFactorConfirm(
    @Arg("otp", () => String, { description: "The six-digit code the authenticator app shows now." }) otp: string,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await payload("confirmed", () => account.confirmTwoFactor(ctx, otp));
    return {
      recoveryCodes: result.confirmed?.recoveryCodes ?? null,
      user: result.confirmed?.user ?? null,
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => A.TwoFactorDisablePayload, {
    nullable: true,
    description:
      "R27: turns two-step sign-in off and deletes the recovery codes; asks the password and emails the viewer. userErrors: INVALID_PASSWORD, TWO_FACTOR_NOT_ENABLED. UNAUTHENTICATED without a session; THROTTLED after 5 wrong passwords (15 minutes).",
  })
  twoFactorDisable(
    @Arg("password", () => String, { description: "The viewer's current password." }) password: string,
    @Ctx() ctx: RequestContext,
  ) {
    return payload("user", () => account.disableTwoFactor(ctx, password));
  }

  @Mutation(() => A.PasswordChangePayload, {
    nullable: true,
    description:
      "Changes the viewer's password and signs out every other session of the viewer; this one stays. Emails the viewer. userErrors: INVALID_PASSWORD, WEAK_PASSWORD. UNAUTHENTICATED without a session; THROTTLED after 5 wrong passwords (15 minutes).",
  })
  passwordChange(
    @Arg("currentPassword", () => String, { description: "The password now; a wrong one counts as a failed sign-in." })
    currentPassword: string,
    @Arg("newPassword", () => String, { description: "10 to 200 characters, not the email address." })
    newPassword: string,
    @Ctx() ctx: RequestContext,
  ) {
    return payload("user", () => account.changePassword(ctx, currentPassword, newPassword));
  }

  @Mutation(() => A.ViewerUpdatePayload, {
    nullable: true,
    description:
      "Changes the viewer's name and preferred language. userErrors: INVALID, UNKNOWN_LANGUAGE. UNAUTHENTICATED without a session.",
  })
  viewerUpdate(
    @Arg("input", () => A.ViewerUpdateInput, { description: "What changes; fields left out stay." })
    input: A.ViewerUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return payload("user", () => account.updateViewer(ctx, input));
  }
}
