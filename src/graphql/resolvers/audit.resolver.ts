// Audits: who can do what, where, and why (accessAudit, explainAccess, userAccess), what to review,
// what accepting would give, and the audit logs with their hash chain.
import { Arg, Args, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context";
import { accessAudit, userAccess } from "../../domain/audit/access-audit.service";
import { accessReview } from "../../domain/audit/access-review.service";
import { AuditFilter, auditEvents, AuditScope, verifyAuditChain } from "../../domain/audit/audit-log.service";
import { previewAcceptance } from "../../domain/collaborators/collaborator.service";
import { SENSITIVE_HANDLES } from "../../domain/roles/permissions";
import { PageArgs, paginate } from "../connection";
import { idOf } from "../ids";
import { AuditEventConnection } from "../types/activity";
import {
  AccessGrantObject,
  AccessReviewObject,
  AuditChainVerificationObject,
  AuditLogFilter,
  CollaboratorRequestAcceptPreviewPayload,
  UserStoreAccessObject,
} from "../types/audit";
import { UserTypeEnum } from "../types/enums";
import { CollaboratorRequestAcceptInput } from "../types/inputs";
import { toPermissions } from "../types/role";
import { payload } from "../types/user-error";

const toFilter = (f: AuditLogFilter | null | undefined): AuditFilter => ({
  ...f,
  actorId: f?.actorId ? idOf(f.actorId, "User") : null,
});

@Resolver()
export class AuditResolver {
  @Query(() => [AccessGrantObject], {
    description:
      "Every user who holds a permission in a store (all of them without `permission`), staff and collaborators alike, with the paths that give it. For those of R9.",
  })
  accessAudit(
    @Arg("storeId", () => ID) storeId: string,
    @Arg("permission", () => String, { nullable: true }) permission: string | null,
    @Arg("userType", () => UserTypeEnum, { nullable: true }) userType: "STAFF" | "COLLABORATOR" | null,
    @Arg("sensitiveOnly", () => Boolean, { nullable: true, defaultValue: false }) sensitiveOnly: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return accessAudit(ctx, idOf(storeId, "Store"), { permission, userType, sensitiveOnly });
  }

  @Query(() => [UserStoreAccessObject], {
    description:
      "Every store a user can reach, with which permissions and through what: for the user, and for those who manage them (their stores only).",
  })
  userAccess(@Arg("userId", () => ID) userId: string, @Ctx() ctx: RequestContext) {
    return userAccess(ctx, idOf(userId, "User"));
  }

  @Query(() => AccessReviewObject, {
    description: "An access review of a store (those of R9) or an organization (its owner and administrators).",
  })
  accessReview(
    @Arg("storeId", () => ID, { nullable: true }) storeId: string | null,
    @Arg("organizationId", () => ID, { nullable: true }) organizationId: string | null,
    @Arg("expiringWithinDays", () => Int, { nullable: true, defaultValue: 14 }) expiringWithinDays: number,
    @Arg("unusedForDays", () => Int, { nullable: true, defaultValue: 30 }) unusedForDays: number,
    @Ctx() ctx: RequestContext,
  ) {
    return accessReview(
      ctx,
      {
        storeId: storeId ? idOf(storeId, "Store") : null,
        organizationId: organizationId ? idOf(organizationId, "Organization") : null,
      },
      { expiringWithinDays, unusedForDays },
    );
  }

  @Query(() => CollaboratorRequestAcceptPreviewPayload, {
    description:
      "What the collaborator could do if accepted with this input; checked as accepting is, changing nothing.",
  })
  async collaboratorRequestAcceptPreview(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => CollaboratorRequestAcceptInput, { nullable: true })
    input: CollaboratorRequestAcceptInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    const rowId = idOf(id, "Collaborator");
    const roleIds = (input?.roleIds ?? []).map((r) => idOf(r, "Role"));
    ctx.requireViewer();
    const result = await payload("preview", () => previewAcceptance(ctx, rowId, { ...input, roleIds }));
    const p = result.preview;
    return {
      collaborator: p?.collaborator ?? null,
      roles: (p?.roles ?? []).map((r) => ({ role: r.role, name: r.name, permissions: toPermissions(r.permissions) })),
      permissions: toPermissions(p?.permissions ?? []),
      sensitivePermissions: toPermissions((p?.permissions ?? []).filter((h) => SENSITIVE_HANDLES.has(h))),
      beyondRequested: toPermissions(p?.beyondRequested ?? []),
      userErrors: result.userErrors,
    };
  }

  @Query(() => AuditEventConnection, {
    description: "The store's audit log, oldest first (R16: names as they were), for those of R9.",
  })
  async auditLog(
    @Arg("storeId", () => ID) storeId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return this.page(ctx, { storeId: idOf(storeId, "Store") }, filter, page);
  }

  @Query(() => AuditEventConnection, {
    description: "The organization's events and its stores', for its owner and administrators.",
  })
  organizationAuditLog(
    @Arg("organizationId", () => ID) organizationId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return this.page(ctx, { organizationId: idOf(organizationId, "Organization") }, filter, page);
  }

  @Query(() => AuditEventConnection, {
    description: "The partner organization's events, for its owners and members with manage_members.",
  })
  partnerOrganizationAuditLog(
    @Arg("partnerOrganizationId", () => ID) partnerOrganizationId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return this.page(ctx, { partnerOrganizationId: idOf(partnerOrganizationId, "PartnerOrganization") }, filter, page);
  }

  @Query(() => AuditEventConnection, { description: "The viewer's own events: sign-ins and account changes." })
  viewerAuditLog(
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return this.page(ctx, { actorId: ctx.requireViewer().user.id }, filter, page);
  }

  @Query(() => AuditChainVerificationObject, {
    description:
      "Checks the hash chain of the whole audit log: any edit or deletion of a past event shows. For platform support and owners.",
  })
  async auditLogVerify(@Ctx() ctx: RequestContext) {
    const v = await verifyAuditChain(ctx);
    return { ...v, brokenEventId: v.brokenEventId ? `gid://latchkey/AuditEvent/${v.brokenEventId}` : null };
  }

  private async page(ctx: RequestContext, scope: AuditScope, filter: AuditLogFilter | null, page: PageArgs) {
    return paginate(await auditEvents(ctx, scope, toFilter(filter)), "e", page);
  }
}
