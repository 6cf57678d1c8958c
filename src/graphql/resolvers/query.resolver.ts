import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import { explainAccess } from "../../authz/explain-access";
import type { RequestContext } from "../../context";
import { accessDenied, notFound } from "../../domain/errors";
import { Notification } from "../../domain/notifications/notification.entity";
import { PERMISSIONS } from "../../domain/roles/permissions";
import { storeByDomain, visibleStore } from "../../domain/stores/store.service";
import { PageArgs, paginate } from "../connection";
import { idOf } from "../ids";
import { resolveNode } from "../nodes";
import { NotificationConnection } from "../types/activity";
import { AccessExplanation } from "../types/audit";
import { PermissionObject } from "../types/catalog";
import { Node } from "../types/node";
import { OrganizationObject } from "../types/organization";
import { PartnerOrganizationObject } from "../types/partner";
import { StoreObject } from "../types/store";
import { UserObject } from "../types/user";

@Resolver()
export class QueryResolver {
  @Query(() => UserObject, { description: "The signed-in user." })
  viewer(@Ctx() ctx: RequestContext) {
    return ctx.requireViewer().user;
  }

  @Query(() => [PermissionObject], { description: "The permission catalog." })
  permissions() {
    return PERMISSIONS;
  }

  @Query(() => StoreObject, {
    nullable: true,
    description: "A store the viewer may see. A collaborator's read counts as a login to the store (R17, R19).",
  })
  store(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    ctx.requireViewer();
    return visibleStore(ctx, idOf(id, "Store"), { asLogin: true });
  }

  @Query(() => StoreObject, { nullable: true })
  storeByDomain(@Arg("domain", () => String) domain: string, @Ctx() ctx: RequestContext) {
    ctx.requireViewer();
    return storeByDomain(ctx, domain);
  }

  @Query(() => OrganizationObject, { nullable: true })
  async organization(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    const org = await ctx.loaders.organization.load(idOf(id, "Organization"));
    return org && (await ctx.organizationAbility(org)).can("read", "Organization") ? org : null;
  }

  @Query(() => PartnerOrganizationObject, {
    nullable: true,
    description: "A partner organization the viewer belongs to (R22), or any for platform support.",
  })
  async partnerOrganization(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    ctx.requireViewer();
    const org = await ctx.loaders.partnerOrganization.load(idOf(id, "PartnerOrganization"));
    return org && (await ctx.partnerStanding(org)).ability.can("read", "PartnerOrganization") ? org : null;
  }

  @Query(() => Node, { nullable: true })
  node(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return resolveNode(ctx, id);
  }

  @Query(() => [Node], { nullable: "items" })
  nodes(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: RequestContext) {
    return Promise.all(ids.map((id) => resolveNode(ctx, id)));
  }

  @Query(() => AccessExplanation, {
    description: "Whether a user holds a permission in a store, and why: for the user themself and those of R9.",
  })
  explainAccess(
    @Arg("userId", () => ID) userId: string,
    @Arg("storeId", () => ID) storeId: string,
    @Arg("permission", () => String) permission: string,
    @Ctx() ctx: RequestContext,
  ) {
    return explainAccess(ctx, idOf(userId, "User"), idOf(storeId, "Store"), permission);
  }

  @Query(() => NotificationConnection, {
    description: "The store's outbox (R5): request emails to its account email and notices on its home.",
  })
  async notifications(
    @Arg("storeId", () => ID) storeId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const store = await this.managed(ctx, storeId);
    return paginate(
      ctx.ds.manager.createQueryBuilder(Notification, "n").where("n.storeId = :id", { id: store.id }),
      "n",
      page,
    );
  }

  private async managed(ctx: RequestContext, storeId: string) {
    const store = await visibleStore(ctx, idOf(storeId, "Store"));
    if (!store) throw notFound("store");
    if ((await ctx.ability(store)).cannot("manageCollaborators", "Store"))
      throw accessDenied("R9: only the store's owner and admins see this.");
    return store;
  }
}
