// The mutations: each checks its ids, makes one service call, and returns a payload.
import { Authorized, Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import * as collaborators from "../../domain/collaborators/collaborator.service";
import * as roles from "../../domain/roles/role.service";
import * as stores from "../../domain/stores/store.service";
import { signOut } from "../../domain/users/auth.service";
import { idOf } from "../ids";
import {
  CollaboratorRequestAcceptInput,
  CollaboratorRequestCreateInput,
  RoleCreateInput,
  RoleUpdateInput,
} from "../types/inputs";
import * as P from "../types/mutation-payloads";
import { payload } from "../types/user-error";

const roleIds = (ids: string[] | null | undefined) => (ids ?? []).map((id) => idOf(id, "Role"));

/** What every mutation below may answer besides its own errors. */
const SIGNED_IN = "UNAUTHENTICATED without a sign-in; BAD_USER_INPUT for a malformed id.";

@Authorized()
@Resolver()
export class MutationResolver {
  @Mutation(() => P.SignOutPayload, {
    nullable: true,
    description: "Revokes the token this request was sent with. UNAUTHENTICATED without a valid one.",
  })
  async signOut(@Ctx() ctx: RequestContext) {
    await signOut(ctx.ds, ctx.requireViewer().session);
    return { userErrors: [] };
  }

  @Mutation(() => P.CollaboratorRequestCreatePayload, {
    nullable: true,
    description: `A partner user asks a store for collaborator access (R2-R6, R18, R29): the request stays pending for 7 days (R7), an auto-generated role holds the permissions asked for (R6), and the store hears of it by email and on its home (R5). userErrors: NOT_FOUND, NOT_A_PARTNER, PARTNER_ACCESS_DENIED, UNKNOWN_PERMISSION, PERMISSION_SCOPE_MISMATCH, INVALID, REQUEST_CODE_REQUIRED, INVALID_REQUEST_CODE, REQUEST_BLOCKED, ALREADY_STAFF, ALREADY_REQUESTED, ALREADY_COLLABORATOR. After too many wrong codes every attempt is THROTTLED for a while, the right code included (R3). ${SIGNED_IN}`,
  })
  collaboratorRequestCreate(
    @Arg("input", () => CollaboratorRequestCreateInput, {
      description: "The store, the code, what is asked for and why.",
    })
    input: CollaboratorRequestCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    const partnerOrganizationId = input.partnerOrganizationId
      ? idOf(input.partnerOrganizationId, "PartnerOrganization")
      : null;
    return payload("collaborator", () => collaborators.requestAccess(ctx, { ...input, partnerOrganizationId }));
  }

  @Mutation(() => P.CollaboratorRequestAcceptPayload, {
    nullable: true,
    description: `Accepts a pending request with at least one role (R8): the auto-generated role, kept or edited (R6, R10), and existing store roles (R11); the partner user hears of it by email. For those who manage the store's collaborators (R9); the requester gets ACCESS_DENIED. userErrors: NOT_FOUND, NOT_PENDING, ROLE_REQUIRED, ROLE_NOT_ASSIGNABLE, AUTO_ROLE_LOCKED, ESCALATION, UNKNOWN_PERMISSION, PERMISSION_SCOPE_MISMATCH, INVALID. ${SIGNED_IN}`,
  })
  collaboratorRequestAccept(
    @Arg("id", () => ID, { description: "The pending request (a Collaborator id)." }) id: string,
    @Arg("input", () => CollaboratorRequestAcceptInput, {
      nullable: true,
      description: "The roles to give and what becomes of the auto-generated role; null accepts with it as it is.",
    })
    input: CollaboratorRequestAcceptInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    const rowId = idOf(id, "Collaborator");
    return payload("collaborator", () =>
      collaborators.acceptRequest(ctx, rowId, { ...input, roleIds: roleIds(input?.roleIds) }),
    );
  }

  @Mutation(() => P.CollaboratorRequestRejectPayload, {
    nullable: true,
    description: `Rejects a pending request: its auto-generated role is deleted (R15), the partner user hears of it by email, and their partner organization may not request this store again until platform support lifts the block (R18). For those who manage the store's collaborators (R9); the requester gets ACCESS_DENIED. userErrors: NOT_FOUND, NOT_PENDING. ${SIGNED_IN}`,
  })
  collaboratorRequestReject(
    @Arg("id", () => ID, { description: "The pending request (a Collaborator id)." }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    const rowId = idOf(id, "Collaborator");
    return payload("collaborator", () => collaborators.rejectRequest(ctx, rowId));
  }

  @Mutation(() => P.CollaboratorRequestWithdrawPayload, {
    nullable: true,
    description: `R29: the requester takes back their own pending request; its auto-generated role is deleted. Those who decide on it (R9) see it but may not withdraw it: ACCESS_DENIED. userErrors: NOT_FOUND (a request the viewer cannot see, as a missing one), NOT_PENDING. ${SIGNED_IN}`,
  })
  collaboratorRequestWithdraw(
    @Arg("id", () => ID, { description: "The viewer's pending request (a Collaborator id)." }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    const rowId = idOf(id, "Collaborator");
    return payload("collaborator", () => collaborators.withdrawRequest(ctx, rowId));
  }

  @Mutation(() => P.CollaboratorRemovePayload, {
    nullable: true,
    description: `Removes an active or expired collaborator account for good (R16), confirmed by the remover's own password; its name stays in the audit log. For those who manage the store's collaborators (R9); the collaborator gets ACCESS_DENIED. userErrors: NOT_FOUND, INVALID_PASSWORD, NOT_ACTIVE. ${SIGNED_IN}`,
  })
  collaboratorRemove(
    @Arg("id", () => ID, { description: "The collaborator account (a Collaborator id)." }) id: string,
    @Arg("password", () => String, { description: "The viewer's own password (R16)." }) password: string,
    @Ctx() ctx: RequestContext,
  ) {
    const rowId = idOf(id, "Collaborator");
    return payload("collaborator", () => collaborators.removeCollaborator(ctx, rowId, password));
  }

  @Mutation(() => P.CollaboratorRolesSetPayload, {
    nullable: true,
    description: `Replaces an active collaborator's roles, at any time (R20), with store roles of the store or its organization (R11). For those who manage the store's collaborators (R9); the collaborator gets ACCESS_DENIED. userErrors: NOT_FOUND, NOT_ACTIVE, ROLE_REQUIRED, ROLE_NOT_ASSIGNABLE. ${SIGNED_IN}`,
  })
  collaboratorRolesSet(
    @Arg("id", () => ID, { description: "The active collaborator account (a Collaborator id)." }) id: string,
    @Arg("roleIds", () => [ID], { description: "The roles it will hold instead of its current ones; at least one." })
    ids: string[],
    @Ctx() ctx: RequestContext,
  ) {
    const rowId = idOf(id, "Collaborator");
    return payload("collaborator", () => collaborators.setCollaboratorRoles(ctx, rowId, roleIds(ids)));
  }

  @Mutation(() => P.OrganizationCollaboratorsRoleAssignPayload, {
    nullable: true,
    description: `Gives one store role of the organization to every active collaborator account in its stores (R14); accounts holding it already keep it. For the organization's owner and administrators: ACCESS_DENIED for others who see it. userErrors: NOT_FOUND, ROLE_NOT_ASSIGNABLE. ${SIGNED_IN}`,
  })
  async organizationCollaboratorsRoleAssign(
    @Arg("organizationId", () => ID, { description: "The organization (an Organization id)." }) organizationId: string,
    @Arg("roleId", () => ID, { description: "A store role of the organization (a Role id); never a system role." })
    roleId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const [orgId, role] = [idOf(organizationId, "Organization"), idOf(roleId, "Role")];
    const result = await payload("done", () => collaborators.assignRoleToOrganizationCollaborators(ctx, orgId, role));
    return {
      ...(result.done ?? { organization: null, role: null, assignedCount: null }),
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => P.StoreCollaboratorCodeRegeneratePayload, {
    nullable: true,
    description: `Gives the store a new four-digit collaborator request code (R1); every older code stops working at once. For those who manage the store's collaborators (R9): ACCESS_DENIED for others who see the store. userErrors: NOT_FOUND. ${SIGNED_IN}`,
  })
  async storeCollaboratorCodeRegenerate(
    @Arg("storeId", () => ID, { description: "The store (a Store id)." }) storeId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const id = idOf(storeId, "Store");
    const result = await payload("done", () => stores.regenerateRequestCode(ctx, id));
    return { code: result.done?.code ?? null, store: result.done?.store ?? null, userErrors: result.userErrors };
  }

  @Mutation(() => P.StoreCollaboratorSettingsUpdatePayload, {
    nullable: true,
    description: `Whether collaborator requests need the store's request code, or anyone can send one (R2). For those who manage the store's collaborators (R9): ACCESS_DENIED for others who see the store. userErrors: NOT_FOUND. ${SIGNED_IN}`,
  })
  storeCollaboratorSettingsUpdate(
    @Arg("storeId", () => ID, { description: "The store (a Store id)." }) storeId: string,
    @Arg("requireRequestCode", () => Boolean, {
      description: "True: a request needs the code; false: anyone can send one.",
    })
    requireRequestCode: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    const id = idOf(storeId, "Store");
    return payload("store", () => stores.updateCollaboratorSettings(ctx, id, requireRequestCode));
  }

  @Mutation(() => P.CollaboratorRequestBlockLiftPayload, {
    nullable: true,
    description: `Platform support lets a partner organization that a store rejected request it again (R18). ACCESS_DENIED for anyone else who sees the store. userErrors: NOT_FOUND, NOT_BLOCKED. ${SIGNED_IN}`,
  })
  async collaboratorRequestBlockLift(
    @Arg("storeId", () => ID, { description: "The store that rejected the request (a Store id)." }) storeId: string,
    @Arg("partnerOrganizationId", () => ID, {
      description: "The blocked partner organization (a PartnerOrganization id).",
    })
    partnerId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const [sid, pid] = [idOf(storeId, "Store"), idOf(partnerId, "PartnerOrganization")];
    const result = await payload("done", () => stores.liftRequestBlock(ctx, sid, pid));
    return {
      store: result.done?.store ?? null,
      partnerOrganization: result.done?.partnerOrganization ?? null,
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => P.StoreOwnershipTransferPayload, {
    nullable: true,
    description: `The store's owner gives it to an active staff member, never to a collaborator (R13). ACCESS_DENIED for anyone but the owner. userErrors: NOT_FOUND (the store), ALREADY_OWNER, OWNERSHIP_TO_COLLABORATOR, NOT_STAFF (also for a user id with no active account on the store, whether or not the user exists). ${SIGNED_IN}`,
  })
  storeOwnershipTransfer(
    @Arg("storeId", () => ID, { description: "The store (a Store id)." }) storeId: string,
    @Arg("userId", () => ID, { description: "The new owner, an active staff member of the store (a User id)." })
    userId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const [sid, uid] = [idOf(storeId, "Store"), idOf(userId, "User")];
    return payload("store", () => stores.transferOwnership(ctx, sid, uid));
  }

  @Mutation(() => P.RoleCreatePayload, {
    nullable: true,
    description: `Creates a store role (\`storeId\`) or an organization's role (\`organizationId\`); in a store nobody grants permissions they do not hold. For those who manage the store's roles, or the organization's owner and administrators: ACCESS_DENIED for others who see it (R10: Store user administrators create no role). userErrors: INVALID, NOT_FOUND, TAKEN, UNKNOWN_PERMISSION, PERMISSION_SCOPE_MISMATCH, ESCALATION. ${SIGNED_IN}`,
  })
  roleCreate(
    @Arg("input", () => RoleCreateInput, { description: "Where the role lives, its name and permissions." })
    input: RoleCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    const storeId = input.storeId ? idOf(input.storeId, "Store") : null;
    const organizationId = input.organizationId ? idOf(input.organizationId, "Organization") : null;
    return payload("role", () => roles.createRole(ctx, { ...input, storeId, organizationId }));
  }

  @Mutation(() => P.RoleUpdatePayload, {
    nullable: true,
    description: `Renames a role or replaces its permissions (in a store, never beyond the viewer's own); system roles never change, and an auto-generated role changes only by those who may accept it (R10). For those who manage the roles of its store or organization: ACCESS_DENIED for others who see it. userErrors: NOT_FOUND, SYSTEM_ROLE, AUTO_ROLE_LOCKED, INVALID, TAKEN, UNKNOWN_PERMISSION, PERMISSION_SCOPE_MISMATCH, ESCALATION. ${SIGNED_IN}`,
  })
  roleUpdate(
    @Arg("id", () => ID, { description: "The role (a Role id)." }) id: string,
    @Arg("input", () => RoleUpdateInput, { description: "The new name and/or permissions." }) input: RoleUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    const roleId = idOf(id, "Role");
    return payload("role", () => roles.updateRole(ctx, roleId, input));
  }

  @Mutation(() => P.RoleDeletePayload, {
    nullable: true,
    description: `Deletes a role that no live account holds and no pending request uses; who may is as for \`roleUpdate\`. userErrors: NOT_FOUND, SYSTEM_ROLE, AUTO_ROLE_LOCKED, ROLE_IN_USE. ${SIGNED_IN}`,
  })
  async roleDelete(
    @Arg("id", () => ID, { description: "The role (a Role id)." }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    const roleId = idOf(id, "Role");
    const result = await payload("role", () => roles.deleteRole(ctx, roleId));
    return { deletedRoleId: result.role ? id : null, userErrors: result.userErrors };
  }
}
