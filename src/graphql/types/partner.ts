import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { PartnerMember, PartnerOrganization, STORE_TYPES, StoreType as StoreKind } from "../../domain/partners/partner.entity";
import { effectivePartnerPermissions } from "../../domain/partners/partner-permissions";
import { toGlobalId } from "../ids";
import { AccessLevelEnum, PartnerMemberTypeEnum, StoreActionEnum, StoreTypeEnum } from "./enums";
import { Node } from "./node";
import { UserType } from "./user";


@ObjectType("StoreAccess", { simpleResolvers: true, description: "A partner member's access to one type of store (R24, R25)." })
export class StoreAccessType {
  @Field(() => StoreTypeEnum) storeType: StoreKind;
  @Field(() => AccessLevelEnum) access: string;
  @Field(() => [String], { description: "Global ids of the stores, for SPECIFIC access." }) storeIds: string[];
  @Field(() => [StoreActionEnum]) actions: string[];
}

@ObjectType("PartnerOrganization", { implements: Node })
export class PartnerOrganizationType extends Node {
  @Field(() => String) name: string;
  @Field(() => Boolean) plus: boolean;
}

@ObjectType("PartnerMember", { implements: Node })
export class PartnerMemberType extends Node {
  @Field(() => PartnerMemberTypeEnum) type: string;
  @Field(() => [String], { description: "R23 sensitive permissions as granted." }) permissions: string[];
}

@Resolver(() => PartnerOrganizationType)
export class PartnerOrganizationResolver {
  @FieldResolver(() => [PartnerMemberType])
  members(@Root() org: PartnerOrganization, @Ctx() ctx: RequestContext) {
    return ctx.ds.manager.find(PartnerMember, { where: { partnerOrganizationId: org.id }, order: { id: "ASC" } });
  }
}

@Resolver(() => PartnerMemberType)
export class PartnerMemberResolver {
  @FieldResolver(() => UserType, { nullable: true, description: "Null while an invitation to a new user is pending." })
  user(@Root() m: PartnerMember, @Ctx() ctx: RequestContext) {
    return m.userId ? ctx.loaders.user.load(m.userId) : null;
  }

  @FieldResolver(() => PartnerOrganizationType)
  partnerOrganization(@Root() m: PartnerMember, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partnerOrganization.load(m.partnerOrganizationId);
  }

  @FieldResolver(() => [String], { description: "Permissions with the ones they imply (manage_ads gives view_ads)." })
  effectivePermissions(@Root() m: PartnerMember) {
    return effectivePartnerPermissions(m.permissions);
  }

  @FieldResolver(() => [StoreAccessType], { description: "One entry per store type; owners have ALL access everywhere (R22)." })
  async storeAccess(@Root() m: PartnerMember, @Ctx() ctx: RequestContext): Promise<StoreAccessType[]> {
    const org = await ctx.loaders.partnerOrganization.load(m.partnerOrganizationId);
    return STORE_TYPES.filter((t) => t !== "PLUS_SANDBOX" || org?.plus).map((storeType) => {
      const s = m.type === "OWNER" ? { access: "ALL" as const, storeIds: [], actions: ["ADD_ARCHIVE_UNARCHIVE", "TRANSFER", "ADD_REMOVE"] as const } : m.storeAccess?.[storeType];
      return { storeType, access: s?.access ?? "NONE", storeIds: (s?.storeIds ?? []).map((id) => toGlobalId("Store", id)), actions: [...(s?.actions ?? [])] };
    });
  }
}
