// Audits: who can do what, where, and why (accessAudit, explainAccess, userAccess), what to review,
// what accepting would give, and the audit logs with their hash chain.
import { Authorized, Arg, Args, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { accessAudit, userAccess } from "../../domain/audit/access-audit.service";
import { accessReview } from "../../domain/audit/access-review.service";
import { AuditFilter, auditEvents, AuditScope, verifyAuditChain } from "../../domain/audit/audit-log.service";
import { badInput } from "../../domain/errors";
import { previewAcceptance } from "../../domain/collaborators/collaborator.service";
import { SENSITIVE_HANDLES } from "../../domain/roles/permissions";
import {
  decodeKey,
  encodeKey,
  ForwardPageArgs,
  forwardPage,
  PageArgs,
  pageSizeOf,
  paginate,
  paginateList,
} from "../connection";
import { idOf } from "../ids";
import { AuditEventConnection } from "../types/activity";
import {
  AccessGrantConnection,
  AccessReviewObject,
  AuditChainVerificationObject,
  AuditLogFilter,
  CollaboratorRequestAcceptPreviewPayload,
  UserStoreAccessConnection,
} from "../types/audit";
import { UserTypeEnum } from "../types/enums";
import { CollaboratorRequestAcceptInput } from "../types/inputs";
import { toPermissions } from "../types/role";
import { payload } from "../types/user-error";
import { msg } from "../../i18n";

/** Where an accessAudit page resumes: the cursor of a grant (its user id and permission). */
function grantPosition(cursor: string) {
  const [userId, permission, ...rest] = decodeKey(cursor);
  if (typeof userId !== "number" || typeof permission !== "string" || rest.length)
    throw badInput(msg("error.notACursor", { cursor: JSON.stringify(cursor) }));
  return { userId, permission };
}

const toFilter = (f: AuditLogFilter | null | undefined): AuditFilter => ({
  ...f,
  actorId: f?.actorId ? idOf(f.actorId, "User") : null,
});

@Authorized()
@Resolver()
export class AuditResolver {
  @Query(() => AccessGrantConnection, {
    description:
      "Every user who holds a permission in a store (all of them without `permission`), staff and collaborators alike, with the paths that give it; one entry per user and permission, by user id then permission, a page at a time (`first`/`after`, at most 250). For those who manage the store's collaborators (R9); anyone else gets ACCESS_DENIED if they can see the store, NOT_FOUND (as for a missing store) if not. An unknown permission is BAD_USER_INPUT.",
  })
  async accessAudit(
    @Arg("storeId", () => ID, { description: "The store audited." }) storeId: string,
    @Arg("permission", () => String, {
      nullable: true,
      description:
        "One store permission handle, e.g. orders.refund; left out: every store permission, and the app and channel permissions the store's roles grant.",
    })
    permission: string | null,
    @Arg("userType", () => UserTypeEnum, { nullable: true, description: "Only staff, or only collaborators." })
    userType: "STAFF" | "COLLABORATOR" | null,
    @Arg("sensitiveOnly", () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: "Only sensitive permissions.",
    })
    sensitiveOnly: boolean,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const after = page.after ? grantPosition(page.after) : null;
    const filter = { permission, userType, sensitiveOnly };
    const { grants, more } = await accessAudit(ctx, idOf(storeId, "Store"), filter, { size: pageSizeOf(page), after });
    return forwardPage(grants, more, page.after, (g) => encodeKey([g.user.id, g.permission]));
  }

  @Query(() => UserStoreAccessConnection, {
    description:
      "Every store a user can reach, with which permissions and through what, in store id order, a page at a time: the user sees all of theirs; someone who manages collaborators (R9) sees the stores where they do. NOT_FOUND when the viewer may see none of the user's stores.",
  })
  async userAccess(
    @Arg("userId", () => ID, { description: "The user (the viewer's own id for their own access)." }) userId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return paginateList(await userAccess(ctx, idOf(userId, "User")), page, (a) => a.store.id);
  }

  @Query(() => AccessReviewObject, {
    description:
      "An access review of a store (for those of R9) or of every store of an organization (for its owner and Organization administrators). Give storeId or organizationId, not both (BAD_USER_INPUT); one the viewer may not review is ACCESS_DENIED if they can see it, NOT_FOUND (as a missing one) if not.",
  })
  accessReview(
    @Arg("storeId", () => ID, { nullable: true, description: "Review this store." }) storeId: string | null,
    @Arg("organizationId", () => ID, { nullable: true, description: "Review every store of this organization." })
    organizationId: string | null,
    @Arg("expiringWithinDays", () => Int, {
      nullable: true,
      defaultValue: 14,
      description:
        "expiringCollaborators: accounts expiring (R17) within this many days, 0 to 365 (BAD_USER_INPUT otherwise).",
    })
    expiringWithinDays: number,
    @Arg("unusedForDays", () => Int, {
      nullable: true,
      defaultValue: 30,
      description: "unusedAccounts: accounts not used for this many days, 1 to 3650 (BAD_USER_INPUT otherwise).",
    })
    unusedForDays: number,
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
      "What the collaborator could do if accepted with this input; checked as accepting is (R8, R10, R11), changing nothing: a refusal comes as userErrors. For those who decide on the request (R9); the requester gets ACCESS_DENIED. UNAUTHENTICATED without a session.",
  })
  async collaboratorRequestAcceptPreview(
    @Arg("id", () => ID, { description: "The pending request (a Collaborator id)." }) id: string,
    @Arg("input", () => CollaboratorRequestAcceptInput, {
      nullable: true,
      description: "What collaboratorRequestAccept would be given; left out: keep the auto-generated role as it is.",
    })
    input: CollaboratorRequestAcceptInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    const rowId = idOf(id, "Collaborator");
    const roleIds = (input?.roleIds ?? []).map((r) => idOf(r, "Role"));
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
    description:
      "The store's audit log, oldest first (R16: names as they were), for those who manage its collaborators (R9); ACCESS_DENIED for others who can see the store, NOT_FOUND (as for a missing store) for those who cannot.",
  })
  async auditLog(
    @Arg("storeId", () => ID, { description: "The store." }) storeId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => AuditLogFilter, { nullable: true, description: "Narrows the events; all when left out." })
    filter: AuditLogFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return this.page(ctx, { storeId: idOf(storeId, "Store") }, filter, page);
  }

  @Query(() => AuditEventConnection, {
    description:
      "The organization's events and its stores', oldest first, for its owner and Organization administrators; ACCESS_DENIED for others who can see the organization (its members and its stores' staff), NOT_FOUND (as for a missing one) for those who cannot.",
  })
  organizationAuditLog(
    @Arg("organizationId", () => ID, { description: "The organization." }) organizationId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => AuditLogFilter, { nullable: true, description: "Narrows the events; all when left out." })
    filter: AuditLogFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return this.page(ctx, { organizationId: idOf(organizationId, "Organization") }, filter, page);
  }

  @Query(() => AuditEventConnection, {
    description:
      "The partner organization's events, oldest first, for its owners and staff with manage_members (R26); ACCESS_DENIED for others who can see the organization (its other members, platform support), NOT_FOUND (as for a missing one) for those who cannot. Reports of the organization and support's resolutions are left out: they are for platform support (R30).",
  })
  partnerOrganizationAuditLog(
    @Arg("partnerOrganizationId", () => ID, { description: "The partner organization." })
    partnerOrganizationId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => AuditLogFilter, { nullable: true, description: "Narrows the events; all when left out." })
    filter: AuditLogFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return this.page(ctx, { partnerOrganizationId: idOf(partnerOrganizationId, "PartnerOrganization") }, filter, page);
  }

  @Query(() => AuditEventConnection, {
    description:
      "The viewer's own events, oldest first: sign-ins, account changes and everything else they did. UNAUTHENTICATED without a session.",
  })
  viewerAuditLog(
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => AuditLogFilter, { nullable: true, description: "Narrows the events; all when left out." })
    filter: AuditLogFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return this.page(ctx, { actorId: ctx.requireViewer().user.id }, filter, page);
  }

  @Query(() => AuditChainVerificationObject, {
    description:
      "Checks the hash chain of the whole audit log: any edit or deletion of a past event shows. For platform support and owners of a store or an organization; ACCESS_DENIED for anyone else.",
  })
  async auditLogVerify(@Ctx() ctx: RequestContext) {
    const v = await verifyAuditChain(ctx);
    return { ...v, brokenEventId: v.brokenEventId ? `gid://latchkey/AuditEvent/${v.brokenEventId}` : null };
  }

  private async page(ctx: RequestContext, scope: AuditScope, filter: AuditLogFilter | null, page: PageArgs) {
    return paginate(await auditEvents(ctx, scope, toFilter(filter)), "e", page);
  }
}
