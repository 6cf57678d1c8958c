import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  registerEnumType,
  Resolver,
  Root,
} from "type-graphql";
import { In } from "typeorm";
import type { RequestContext } from "../../context";
import {
  organizationStore,
  organizationStoreIds,
  requireOrganizationReader,
  storeTeam,
} from "../../domain/partners/partner-member.service";
import { PartnerMember } from "../../domain/partners/partner-member.entity";
import { PartnerOrganization } from "../../domain/partners/partner-organization.entity";
import { ACTIONS_BY_STORE_TYPE, effectivePartnerPermissions } from "../../domain/partners/partner-permissions";
import { Store, STORE_TYPES, StoreType } from "../../domain/stores/store.entity";
import { PageArgs, paginate } from "../connection";
import { idOf, toGlobalId } from "../ids";
import { AccessLevelEnum, PartnerMemberTypeEnum, StoreActionEnum, StoreTypeEnum } from "./enums";
import { Node } from "./node";
import { PartnerStoreConnection } from "./partner-store";
import { UserObject } from "./user";

export const PartnerMemberStatusEnum = { INVITED: "INVITED", ACTIVE: "ACTIVE" } as const;
registerEnumType(PartnerMemberStatusEnum, {
  name: "PartnerMemberStatus",
  description: "R27: INVITED until the invitee accepts; then ACTIVE.",
});

@ObjectType("StoreAccess", {
  simpleResolvers: true,
  description: "A partner member's access to one type of store (R24, R25).",
})
export class StoreAccessObject {
  @Field(() => StoreTypeEnum) storeType: StoreType;
  @Field(() => AccessLevelEnum) access: string;
  @Field(() => [String], { description: "Global ids of the stores, for SPECIFIC access." }) storeIds: string[];
  @Field(() => [StoreActionEnum]) actions: string[];
}

@ObjectType("PartnerOrganization", { simpleResolvers: true, implements: Node })
export class PartnerOrganizationObject extends Node {
  @Field(() => String) name: string;
  @Field(() => Boolean) plus: boolean;
}

@ObjectType("PartnerMember", { simpleResolvers: true, implements: Node })
export class PartnerMemberObject extends Node {
  @Field(() => PartnerMemberTypeEnum) type: string;
  @Field(() => [String], { description: "R23 sensitive permissions as granted." }) permissions: string[];
  @Field(() => PartnerMemberStatusEnum, { description: "R27: INVITED until the invitation is accepted." })
  status: string;
  @Field(() => String, { nullable: true, description: "The email an invitation went to (lower-cased)." }) invitedEmail:
    string | null;
  @Field(() => Date, {
    nullable: true,
    description: "R27: when a pending invitation stops working (7 days after it was sent).",
  })
  invitationExpiresAt: Date | null;
  @Field(() => Date, { nullable: true, description: "When the invitation was accepted." }) joinedAt: Date | null;
}

@ArgsType()
class PartnerOrganizationStoresArgs extends PageArgs {
  @Field(() => StoreTypeEnum, { nullable: true }) storeType?: StoreType | null;
}

@Resolver(() => PartnerOrganizationObject)
export class PartnerOrganizationResolver {
  @FieldResolver(() => [PartnerMemberObject], {
    description: "The team: active members and pending invitations (status). For the organization's members only.",
  })
  async members(@Root() org: PartnerOrganization, @Ctx() ctx: RequestContext) {
    await requireOrganizationReader(ctx, org);
    return ctx.ds.manager.find(PartnerMember, {
      where: { partnerOrganizationId: org.id, status: In(["ACTIVE", "INVITED"]) },
      order: { id: "ASC" },
    });
  }

  @FieldResolver(() => [PartnerMemberObject], {
    nullable: true,
    description:
      "R26: the store's team page: the members whose store access covers this store (owners, ALL, or SPECIFIC naming it); null when the store is not the organization's.",
  })
  async storeTeam(
    @Root() org: PartnerOrganization,
    @Arg("storeId", () => ID) storeId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const id = idOf(storeId, "Store");
    await requireOrganizationReader(ctx, org);
    const store = await organizationStore(ctx.ds.manager, org.id, id);
    return store ? storeTeam(ctx.ds.manager, org.id, store) : null;
  }

  @FieldResolver(() => PartnerStoreConnection, {
    description:
      "R24: the organization's stores (its development and Plus sandbox stores, and the managed stores it requested): all of them for those who manage members (R26), otherwise those the viewer reaches.",
  })
  async stores(
    @Root() org: PartnerOrganization,
    @Args(() => PartnerOrganizationStoresArgs) args: PartnerOrganizationStoresArgs,
    @Ctx() ctx: RequestContext,
  ) {
    await requireOrganizationReader(ctx, org);
    const ids = await organizationStoreIds(ctx, org, args.storeType);
    const qb = ctx.ds.manager.createQueryBuilder(Store, "s");
    if (ids.length) qb.where("s.id IN (:...ids)", { ids });
    else qb.where("1 = 0");
    return paginate(qb, "s", args);
  }
}

@Resolver(() => PartnerMemberObject)
export class PartnerMemberResolver {
  @FieldResolver(() => UserObject, {
    nullable: true,
    description: "Null while an invitation to a new user is pending.",
  })
  user(@Root() m: PartnerMember, @Ctx() ctx: RequestContext) {
    return m.userId ? ctx.loaders.user.load(m.userId) : null;
  }

  @FieldResolver(() => PartnerOrganizationObject)
  partnerOrganization(@Root() m: PartnerMember, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partnerOrganization.load(m.partnerOrganizationId);
  }

  @FieldResolver(() => [String], { description: "Permissions with the ones they imply (manage_ads gives view_ads)." })
  effectivePermissions(@Root() m: PartnerMember) {
    return effectivePartnerPermissions(m.permissions);
  }

  @FieldResolver(() => [StoreAccessObject], {
    description: "One entry per store type; owners have ALL access everywhere (R22).",
  })
  async storeAccess(@Root() m: PartnerMember, @Ctx() ctx: RequestContext): Promise<StoreAccessObject[]> {
    const org = await ctx.loaders.partnerOrganization.load(m.partnerOrganizationId);
    return STORE_TYPES.filter((t) => t !== "PLUS_SANDBOX" || org?.plus).map((storeType) => {
      // R22, R25: owners have ALL access and every action that exists for the store type.
      const s =
        m.type === "OWNER"
          ? { access: "ALL" as const, storeIds: [], actions: ACTIONS_BY_STORE_TYPE[storeType] }
          : m.storeAccess?.[storeType];
      return {
        storeType,
        access: s?.access ?? "NONE",
        storeIds: (s?.storeIds ?? []).map((id) => toGlobalId("Store", id)),
        actions: [...(s?.actions ?? [])],
      };
    });
  }
}
