// Partner organization members (R22-R27): invitations, updates, removal, store access.
import { Authorized, Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import * as members from "../../domain/partners/partner-member.service";
import { idOf } from "../ids";
import * as P from "../types/partner-inputs";
import { payload } from "../types/user-error";

const storeAccessOf = (entries: P.StoreAccessInput[] | null | undefined): members.StoreTypeAccessInput[] | null =>
  entries ? entries.map((e) => ({ ...e, storeIds: e.storeIds?.map((id) => idOf(id, "Store")) ?? null })) : null;
const memberIds = (ids: string[] | null | undefined) => (ids ?? []).map((id) => idOf(id, "PartnerMember"));

@Authorized()
@Resolver()
export class PartnerMemberMutationResolver {
  @Mutation(() => P.PartnerMemberInvitePayload, {
    nullable: true,
    description:
      "R27: invites an email as owner or staff; the invitation email carries a token valid 7 days (partnerInvitationAccept). For owners and staff with manage_members (R26); inviting an owner is for owners (R22): ACCESS_DENIED otherwise. UNAUTHENTICATED without a session.",
  })
  partnerMemberInvite(
    @Arg("input", () => P.PartnerMemberInviteInput, { description: "Whom to invite, as what, with which access." })
    input: P.PartnerMemberInviteInput,
    @Ctx() ctx: RequestContext,
  ) {
    const partnerOrganizationId = idOf(input.partnerOrganizationId, "PartnerOrganization");
    const storeAccess = storeAccessOf(input.storeAccess);
    return payload("partnerMember", () => members.inviteMember(ctx, { ...input, partnerOrganizationId, storeAccess }));
  }

  @Mutation(() => P.PartnerMemberUpdatePayload, {
    nullable: true,
    description:
      "R22-R26: changes a member's type (promote or demote), sensitive permissions and store access. For owners and staff with manage_members; anything touching an owner is for owners (ACCESS_DENIED otherwise). userErrors: NOT_FOUND, LAST_OWNER, INVALID (permissions or store access for an owner), UNKNOWN_PARTNER_PERMISSION, ESCALATION, INVALID_STORE_ACCESS, PLUS_ONLY, STORE_NOT_IN_ORGANIZATION.",
  })
  partnerMemberUpdate(
    @Arg("id", () => ID, { description: "The member (a PartnerMember id)." }) id: string,
    @Arg("input", () => P.PartnerMemberUpdateInput, { description: "What changes; what is left out stays." })
    input: P.PartnerMemberUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    const memberId = idOf(id, "PartnerMember");
    const storeAccess = storeAccessOf(input.storeAccess);
    return payload("partnerMember", () => members.updateMember(ctx, memberId, { ...input, storeAccess }));
  }

  @Mutation(() => P.PartnerMemberRemovePayload, {
    nullable: true,
    description:
      "R27: removes a member or a pending invitation; their collaborator accounts lose the partner side at once. Never the last owner (R22: LAST_OWNER). For owners and staff with manage_members; removing an owner is for owners (ACCESS_DENIED otherwise).",
  })
  async partnerMemberRemove(
    @Arg("id", () => ID, { description: "The member (a PartnerMember id)." }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    const memberId = idOf(id, "PartnerMember");
    const result = await payload("partnerOrganization", () => members.removeMember(ctx, memberId));
    return { ...result, removedPartnerMemberId: result.partnerOrganization ? id : null };
  }

  @Mutation(() => P.PartnerMemberInviteResendPayload, {
    nullable: true,
    description:
      "R27: sends a pending invitation again: a new token and 7 more days in a new email; the old token stops working. Same permissions as partnerMemberInvite. userErrors: NOT_FOUND, INVITATION_NOT_PENDING.",
  })
  partnerMemberInviteResend(
    @Arg("id", () => ID, { description: "The invitation (a PartnerMember id with status INVITED)." }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    const memberId = idOf(id, "PartnerMember");
    return payload("partnerMember", () => members.resendInvitation(ctx, memberId));
  }

  @Mutation(() => P.PartnerMemberInviteRevokePayload, {
    nullable: true,
    description:
      "R27: withdraws a pending invitation; its token stops working. Same permissions as partnerMemberInvite. userErrors: NOT_FOUND, INVITATION_NOT_PENDING.",
  })
  async partnerMemberInviteRevoke(
    @Arg("id", () => ID, { description: "The invitation (a PartnerMember id with status INVITED)." }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    const memberId = idOf(id, "PartnerMember");
    const result = await payload("partnerOrganization", () => members.revokeInvitation(ctx, memberId));
    return { ...result, revokedPartnerMemberId: result.partnerOrganization ? id : null };
  }

  @Mutation(() => P.PartnerStoreTeamUpdatePayload, {
    nullable: true,
    description:
      "R26: from a store's team page, gives or takes the store in staff members' SPECIFIC access to its type. For owners and staff with manage_members (ACCESS_DENIED otherwise). userErrors: NOT_FOUND, STORE_NOT_IN_ORGANIZATION, INVALID_STORE_ACCESS, INVALID.",
  })
  async partnerStoreTeamUpdate(
    @Arg("input", () => P.PartnerStoreTeamUpdateInput, {
      description: "The store and the members who gain or lose it.",
    })
    input: P.PartnerStoreTeamUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    const ids = {
      partnerOrganizationId: idOf(input.partnerOrganizationId, "PartnerOrganization"),
      storeId: idOf(input.storeId, "Store"),
      addMemberIds: memberIds(input.addMemberIds),
      removeMemberIds: memberIds(input.removeMemberIds),
    };
    const result = await payload("done", () => members.updateStoreTeam(ctx, ids));
    return { store: result.done?.store ?? null, storeTeam: result.done?.team ?? null, userErrors: result.userErrors };
  }
}
