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
import type { RequestContext } from "../context";
import { organizationStore, organizationStoreIds, storeTeam } from "../../domain/partners/partner-member.service";
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
  valuesConfig: {
    INVITED: { description: "A pending invitation: no user yet, or one who has not accepted; it gives no access." },
    ACTIVE: { description: "A member who accepted the invitation." },
  },
});

@ObjectType("StoreAccess", {
  simpleResolvers: true,
  description: "A partner member's access to one type of store (R24, R25).",
})
export class StoreAccessObject {
  @Field(() => StoreTypeEnum, { description: "The store type this entry is about." }) storeType: StoreType;
  @Field(() => AccessLevelEnum, { description: "NONE, ALL (existing and future stores) or SPECIFIC (storeIds)." })
  access: string;
  @Field(() => [ID], {
    description: "The organization's stores of this type the member reaches, for SPECIFIC access; empty otherwise.",
  })
  storeIds: string[];
  @Field(() => [StoreActionEnum], {
    description: "What the member may do with these stores (R25); owners hold every action of the type.",
  })
  actions: string[];
}

@ObjectType("PartnerOrganization", {
  simpleResolvers: true,
  implements: Node,
  description:
    "A partner organization: a freelancer, agency or support team whose members (PartnerMember) ask merchants for collaborator access to their stores and run their own development and Plus sandbox stores (R22-R27). Merchants meet it on collaborator requests and accounts; the organization itself (partnerOrganization, node), its team and its stores are for its members and platform support.",
})
export class PartnerOrganizationObject extends Node {
  @Field(() => String, { description: "The organization's name, as merchants see it on requests." }) name: string;
  @Field(() => Boolean, { description: "A Plus partner organization: it alone has Plus sandbox stores (R24)." })
  plus: boolean;
}

@ObjectType("PartnerMember", {
  simpleResolvers: true,
  implements: Node,
  description:
    "A person's place in a partner organization's team, from the invitation on (R27): an OWNER, who sees and does everything (R22), or STAFF, with the sensitive permissions (R23) and store access (R24, R25) given to them. Seen by the organization's members and platform support.",
})
export class PartnerMemberObject extends Node {
  @Field(() => PartnerMemberTypeEnum, { description: "OWNER or STAFF (R22)." }) type: string;
  @Field(() => [String], {
    description:
      "R23 sensitive permissions as granted (empty for owners, who hold them all); see effectivePermissions.",
  })
  permissions: string[];
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
  @Field(() => StoreTypeEnum, { nullable: true, description: "Only stores of this type; all types when left out." })
  storeType?: StoreType | null;
}

@Resolver(() => PartnerOrganizationObject)
export class PartnerOrganizationResolver {
  @FieldResolver(() => [PartnerMemberObject], {
    description:
      "The team: active members and pending invitations (status), oldest first. For the organization's members and platform support; others get ACCESS_DENIED.",
  })
  async members(@Root() org: PartnerOrganization, @Ctx() ctx: RequestContext) {
    return ctx.ds.manager.find(PartnerMember, {
      where: { partnerOrganizationId: org.id, status: In(["ACTIVE", "INVITED"]) },
      order: { id: "ASC" },
    });
  }

  @FieldResolver(() => [PartnerMemberObject], {
    nullable: true,
    description:
      "R26: the store's team page: the members whose store access covers this store (owners, ALL, or SPECIFIC naming it), pending invitations included; null when the store is not the organization's. For the organization's members and platform support (ACCESS_DENIED otherwise); a malformed id is BAD_USER_INPUT.",
  })
  async storeTeam(
    @Root() org: PartnerOrganization,
    @Arg("storeId", () => ID, { description: "One of the organization's stores (any type)." }) storeId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const id = idOf(storeId, "Store");
    const store = await organizationStore(ctx.ds.manager, org.id, id);
    return store ? storeTeam(ctx.ds.manager, org.id, store) : null;
  }

  @FieldResolver(() => PartnerStoreConnection, {
    description:
      "R24: the organization's stores (its development and Plus sandbox stores, and the managed stores where it has a request or a collaborator account), oldest first: all of them for those who manage members (R26), otherwise those the viewer's store access reaches. For the organization's members and platform support (ACCESS_DENIED otherwise). A store the viewer may not read (a client store reached through someone else's account or a pending request) shows its name and domain only: its other fields are ACCESS_DENIED.",
  })
  async stores(
    @Root() org: PartnerOrganization,
    @Args(() => PartnerOrganizationStoresArgs) args: PartnerOrganizationStoresArgs,
    @Ctx() ctx: RequestContext,
  ) {
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

  @FieldResolver(() => PartnerOrganizationObject, { description: "The organization the member belongs to." })
  partnerOrganization(@Root() m: PartnerMember, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partnerOrganization.load(m.partnerOrganizationId);
  }

  @FieldResolver(() => [String], { description: "Permissions with the ones they imply (manage_ads gives view_ads)." })
  effectivePermissions(@Root() m: PartnerMember) {
    return effectivePartnerPermissions(m.permissions);
  }

  @FieldResolver(() => [StoreAccessObject], {
    description:
      "One entry per store type (PLUS_SANDBOX only in Plus organizations); owners have ALL access and every action everywhere (R22).",
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
