// The mutations: each checks its ids, makes one service call, and returns a payload.
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../context";
import * as collaborators from "../../domain/collaborators/collaborator.service";
import * as roles from "../../domain/roles/role.service";
import * as stores from "../../domain/stores/store.service";
import { signIn, signOut } from "../../domain/users/auth.service";
import { idOf } from "../ids";
import {
  CollaboratorRequestAcceptInput,
  CollaboratorRequestCreateInput,
  RoleCreateInput,
  RoleUpdateInput,
  SignInInput,
} from "../types/inputs";
import * as P from "../types/mutation-payloads";
import { payload } from "../types/user-error";

const roleIds = (ids: string[] | null | undefined) => (ids ?? []).map((id) => idOf(id, "Role"));

@Resolver()
export class MutationResolver {
  @Mutation(() => P.SignInPayload, { nullable: true })
  async signIn(@Arg("input", () => SignInInput) input: SignInInput, @Ctx() ctx: RequestContext) {
    const result = await payload("session", () => signIn(ctx.ds, input, ctx.client, ctx.throttles, ctx.sessionTtlMs));
    return {
      token: result.session?.token ?? null,
      viewer: result.session?.user ?? null,
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => P.SignOutPayload, { nullable: true, description: "Revokes the token this request was sent with." })
  async signOut(@Ctx() ctx: RequestContext) {
    await signOut(ctx.ds, ctx.requireViewer().session);
    return { userErrors: [] };
  }

  @Mutation(() => P.CollaboratorRequestCreatePayload, {
    nullable: true,
    description: "A partner user asks a store for collaborator access (R2-R6, R18, R29).",
  })
  collaboratorRequestCreate(
    @Arg("input", () => CollaboratorRequestCreateInput) input: CollaboratorRequestCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    const partnerOrganizationId = input.partnerOrganizationId
      ? idOf(input.partnerOrganizationId, "PartnerOrganization")
      : null;
    ctx.requireViewer();
    return payload("collaborator", () => collaborators.requestAccess(ctx, { ...input, partnerOrganizationId }));
  }

  @Mutation(() => P.CollaboratorRequestAcceptPayload, {
    nullable: true,
    description: "R8, R10, R11: accept with at least one role.",
  })
  collaboratorRequestAccept(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => CollaboratorRequestAcceptInput, { nullable: true })
    input: CollaboratorRequestAcceptInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    const rowId = idOf(id, "Collaborator");
    ctx.requireViewer();
    return payload("collaborator", () =>
      collaborators.acceptRequest(ctx, rowId, { ...input, roleIds: roleIds(input?.roleIds) }),
    );
  }

  @Mutation(() => P.CollaboratorRequestRejectPayload, {
    nullable: true,
    description: "R15, R18: deletes the auto-generated role and blocks the partner organization.",
  })
  collaboratorRequestReject(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    const rowId = idOf(id, "Collaborator");
    ctx.requireViewer();
    return payload("collaborator", () => collaborators.rejectRequest(ctx, rowId));
  }

  @Mutation(() => P.CollaboratorRequestWithdrawPayload, {
    nullable: true,
    description: "The requester takes back a pending request.",
  })
  collaboratorRequestWithdraw(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    const rowId = idOf(id, "Collaborator");
    ctx.requireViewer();
    return payload("collaborator", () => collaborators.withdrawRequest(ctx, rowId));
  }

  @Mutation(() => P.CollaboratorRemovePayload, {
    nullable: true,
    description: "R16: permanent; asks the remover's password.",
  })
  collaboratorRemove(
    @Arg("id", () => ID) id: string,
    @Arg("password", () => String) password: string,
    @Ctx() ctx: RequestContext,
  ) {
    const rowId = idOf(id, "Collaborator");
    ctx.requireViewer();
    return payload("collaborator", () => collaborators.removeCollaborator(ctx, rowId, password));
  }

  @Mutation(() => P.CollaboratorRolesSetPayload, {
    nullable: true,
    description: "R20: replaces an active collaborator's roles.",
  })
  collaboratorRolesSet(
    @Arg("id", () => ID) id: string,
    @Arg("roleIds", () => [ID]) ids: string[],
    @Ctx() ctx: RequestContext,
  ) {
    const rowId = idOf(id, "Collaborator");
    ctx.requireViewer();
    return payload("collaborator", () => collaborators.setCollaboratorRoles(ctx, rowId, roleIds(ids)));
  }

  @Mutation(() => P.OrganizationCollaboratorsRoleAssignPayload, {
    nullable: true,
    description: "R14: one role onto every active collaborator account of the organization.",
  })
  async organizationCollaboratorsRoleAssign(
    @Arg("organizationId", () => ID) organizationId: string,
    @Arg("roleId", () => ID) roleId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const [orgId, role] = [idOf(organizationId, "Organization"), idOf(roleId, "Role")];
    ctx.requireViewer();
    const result = await payload("done", () => collaborators.assignRoleToOrganizationCollaborators(ctx, orgId, role));
    return {
      ...(result.done ?? { organization: null, role: null, assignedCount: null }),
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => P.StoreCollaboratorCodeRegeneratePayload, {
    nullable: true,
    description: "R1: every older code stops working at once.",
  })
  async storeCollaboratorCodeRegenerate(@Arg("storeId", () => ID) storeId: string, @Ctx() ctx: RequestContext) {
    const id = idOf(storeId, "Store");
    ctx.requireViewer();
    const result = await payload("done", () => stores.regenerateRequestCode(ctx, id));
    return { code: result.done?.code ?? null, store: result.done?.store ?? null, userErrors: result.userErrors };
  }

  @Mutation(() => P.StoreCollaboratorSettingsUpdatePayload, {
    nullable: true,
    description: "R2: require the request code, or let anyone send a request.",
  })
  storeCollaboratorSettingsUpdate(
    @Arg("storeId", () => ID) storeId: string,
    @Arg("requireRequestCode", () => Boolean) requireRequestCode: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    const id = idOf(storeId, "Store");
    ctx.requireViewer();
    return payload("store", () => stores.updateCollaboratorSettings(ctx, id, requireRequestCode));
  }

  @Mutation(() => P.CollaboratorRequestBlockLiftPayload, {
    nullable: true,
    description: "R18: platform support lets a rejected partner organization request again.",
  })
  async collaboratorRequestBlockLift(
    @Arg("storeId", () => ID) storeId: string,
    @Arg("partnerOrganizationId", () => ID) partnerId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const [sid, pid] = [idOf(storeId, "Store"), idOf(partnerId, "PartnerOrganization")];
    ctx.requireViewer();
    const result = await payload("done", () => stores.liftRequestBlock(ctx, sid, pid));
    return {
      store: result.done?.store ?? null,
      partnerOrganization: result.done?.partnerOrganization ?? null,
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => P.StoreOwnershipTransferPayload, {
    nullable: true,
    description: "Owner only; R13: never to a collaborator.",
  })
  storeOwnershipTransfer(
    @Arg("storeId", () => ID) storeId: string,
    @Arg("userId", () => ID) userId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const [sid, uid] = [idOf(storeId, "Store"), idOf(userId, "User")];
    ctx.requireViewer();
    return payload("store", () => stores.transferOwnership(ctx, sid, uid));
  }

  @Mutation(() => P.RoleCreatePayload, {
    nullable: true,
    description: "A store role (storeId) or an organization role (organizationId); never escalating.",
  })
  roleCreate(@Arg("input", () => RoleCreateInput) input: RoleCreateInput, @Ctx() ctx: RequestContext) {
    const storeId = input.storeId ? idOf(input.storeId, "Store") : null;
    const organizationId = input.organizationId ? idOf(input.organizationId, "Organization") : null;
    ctx.requireViewer();
    return payload("role", () => roles.createRole(ctx, { ...input, storeId, organizationId }));
  }

  @Mutation(() => P.RoleUpdatePayload, { nullable: true })
  roleUpdate(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => RoleUpdateInput) input: RoleUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    const roleId = idOf(id, "Role");
    ctx.requireViewer();
    return payload("role", () => roles.updateRole(ctx, roleId, input));
  }

  @Mutation(() => P.RoleDeletePayload, { nullable: true })
  async roleDelete(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    const roleId = idOf(id, "Role");
    ctx.requireViewer();
    const result = await payload("role", () => roles.deleteRole(ctx, roleId));
    return { deletedRoleId: result.role ? id : null, userErrors: result.userErrors };
  }
}
