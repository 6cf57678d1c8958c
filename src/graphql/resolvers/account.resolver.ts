// Account security (R27): two-step sign-in, passwords, language. Each mutation is the viewer's own
// account, except the two password-reset steps, which are public.
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../context";
import * as account from "../../domain/users/account.service";
import * as A from "../types/account";
import { payload } from "../types/user-error";

@Resolver()
export class AccountResolver {
  @Mutation(() => A.TwoFactorEnrollPayload, {
    nullable: true,
    description: "R27: a new authenticator secret, awaiting twoFactorConfirm.",
  })
  async twoFactorEnroll(@Ctx() ctx: RequestContext) {
    ctx.requireViewer();
    const result = await payload("enrolment", () => account.enrollTwoFactor(ctx));
    return {
      otpauthUri: result.enrolment?.otpauthUri ?? null,
      secret: result.enrolment?.secret ?? null,
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => A.TwoFactorConfirmPayload, {
    nullable: true,
    description: "R27: turns two-step sign-in on with a current code; returns the recovery codes once.",
  })
  async twoFactorConfirm(@Arg("otp", () => String) otp: string, @Ctx() ctx: RequestContext) {
    ctx.requireViewer();
    const result = await payload("confirmed", () => account.confirmTwoFactor(ctx, otp));
    return {
      recoveryCodes: result.confirmed?.recoveryCodes ?? null,
      user: result.confirmed?.user ?? null,
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => A.TwoFactorDisablePayload, {
    nullable: true,
    description: "R27: turns two-step sign-in off; asks the password.",
  })
  twoFactorDisable(@Arg("password", () => String) password: string, @Ctx() ctx: RequestContext) {
    ctx.requireViewer();
    return payload("user", () => account.disableTwoFactor(ctx, password));
  }

  @Mutation(() => A.PasswordChangePayload, {
    nullable: true,
    description: "Signs out every other session of the viewer; this one stays.",
  })
  passwordChange(
    @Arg("currentPassword", () => String) currentPassword: string,
    @Arg("newPassword", () => String) newPassword: string,
    @Ctx() ctx: RequestContext,
  ) {
    ctx.requireViewer();
    return payload("user", () => account.changePassword(ctx, currentPassword, newPassword));
  }

  @Mutation(() => A.PasswordResetRequestPayload, {
    nullable: true,
    description:
      "Public. Emails a reset token valid for an hour; the answer is the same whether or not the email has an account.",
  })
  async passwordResetRequest(@Arg("email", () => String) email: string, @Ctx() ctx: RequestContext) {
    await account.requestPasswordReset(ctx, email);
    return { userErrors: [] };
  }

  @Mutation(() => A.PasswordResetPayload, {
    nullable: true,
    description: "Public. Sets a new password with an emailed token (single use) and signs out every session.",
  })
  async passwordReset(
    @Arg("token", () => String) token: string,
    @Arg("newPassword", () => String) newPassword: string,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await payload("done", () => account.resetPassword(ctx, token, newPassword));
    return { userErrors: result.userErrors };
  }

  @Mutation(() => A.ViewerUpdatePayload, { nullable: true, description: "The viewer's name and preferred language." })
  viewerUpdate(@Arg("input", () => A.ViewerUpdateInput) input: A.ViewerUpdateInput, @Ctx() ctx: RequestContext) {
    ctx.requireViewer();
    return payload("user", () => account.updateViewer(ctx, input));
  }
}
