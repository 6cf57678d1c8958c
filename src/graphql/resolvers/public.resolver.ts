// The public operations: the only ones that need no sign-in. Every other resolver class is
// @Authorized() (src/authz/gate.ts `signedIn`): UNAUTHENTICATED before any lookup.
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { PERMISSIONS } from "../../domain/roles/permissions";
import * as members from "../../domain/partners/partner-member.service";
import * as account from "../../domain/users/account.service";
import { signIn } from "../../domain/users/auth.service";
import * as A from "../types/account";
import { PartnerPermissionObject, PermissionObject } from "../types/catalog";
import { SignInInput } from "../types/inputs";
import * as P from "../types/mutation-payloads";
import * as PI from "../types/partner-inputs";
import { payload } from "../types/user-error";
import { PARTNER_PERMISSIONS } from "../../domain/partners/partner-permissions";

@Resolver()
export class PublicResolver {
  @Mutation(() => P.SignInPayload, {
    nullable: true,
    description:
      "Signs in with email and password, and the second step when it is on (R27); the token lasts 30 days. userErrors: INVALID_CREDENTIALS, OTP_REQUIRED, INVALID_OTP. After 5 failures in a row for an account, or 20 in an hour from one network address, every attempt is THROTTLED for 15 minutes, the right password included (extensions.retryAfterSeconds); wrong second-step codes count apart (5, then 15 minutes).",
  })
  async signIn(
    @Arg("input", () => SignInInput, { description: "The credentials, and the client signing in." })
    input: SignInInput,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await payload("session", () => signIn(ctx.ds, input, ctx.client, ctx.throttles, ctx.sessionTtlMs));
    return {
      token: result.session?.token ?? null,
      viewer: result.session?.user ?? null,
      userErrors: result.userErrors,
    };
  }

  @Query(() => [PermissionObject], {
    description:
      "The permission catalog: every store and organization permission roles and requests name by handle (besides app:<handle> and channel:<handle>). Needs no sign-in.",
  })
  permissions() {
    return PERMISSIONS;
  }

  @Query(() => [PartnerPermissionObject], {
    description:
      "R23: the partner permissions a partner organization gives its staff, in the order of the partner dashboard, with their names and descriptions in the request's language. Needs no sign-in.",
  })
  partnerPermissions() {
    return PARTNER_PERMISSIONS.map((handle) => ({ handle }));
  }

  @Mutation(() => A.PasswordResetRequestPayload, {
    nullable: true,
    description:
      "Public. Emails a single-use reset token valid for an hour; the answer (no userErrors) is the same whether or not the email has an account.",
  })
  async passwordResetRequest(
    @Arg("email", () => String, { description: "The account's email, any case." }) email: string,
    @Ctx() ctx: RequestContext,
  ) {
    await account.requestPasswordReset(ctx, email);
    return { userErrors: [] };
  }

  @Mutation(() => A.PasswordResetPayload, {
    nullable: true,
    description:
      "Public. Sets a new password with an emailed token (single use) and signs out every session of the account; then sign in with signIn. userErrors: INVALID_TOKEN (unknown, used or expired), WEAK_PASSWORD.",
  })
  async passwordReset(
    @Arg("token", () => String, { description: "The token from the reset email." }) token: string,
    @Arg("newPassword", () => String, { description: "10 to 200 characters, not the email address." })
    newPassword: string,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await payload("done", () => account.resetPassword(ctx, token, newPassword));
    return { userErrors: result.userErrors };
  }

  @Mutation(() => PI.PartnerInvitationAcceptPayload, {
    nullable: true,
    description:
      "R27: joins with an invitation's token: signed in as the invited email, or without a session creating the account (name, password) for an email that has none. Signed in as another email: ACCESS_DENIED; no session for an email that has an account: UNAUTHENTICATED (sign in first). userErrors: INVALID_TOKEN, INVITATION_EXPIRED, INVALID, WEAK_PASSWORD.",
  })
  partnerInvitationAccept(
    @Arg("input", () => PI.PartnerInvitationAcceptInput, {
      description: "The token and, for a new account, its details.",
    })
    input: PI.PartnerInvitationAcceptInput,
    @Ctx() ctx: RequestContext,
  ) {
    return payload("partnerMember", () => members.acceptInvitation(ctx, input));
  }
}
