import { Authorized, Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import { explainAccess } from "../../authz/explain-access";
import type { RequestContext } from "../context";
import * as gate from "../../authz/gate";
import { Notification } from "../../domain/notifications/notification.entity";
import { storeByDomain } from "../../domain/stores/store.service";
import { PageArgs, paginate } from "../connection";
import { idOf } from "../ids";
import { resolveNode } from "../nodes";
import { NotificationConnection } from "../types/activity";
import { AccessExplanation } from "../types/audit";
import { Node } from "../types/node";
import { OrganizationObject } from "../types/organization";
import { PartnerOrganizationObject } from "../types/partner";
import { StoreObject } from "../types/store";
import { UserObject } from "../types/user";

@Authorized()
@Resolver()
export class QueryResolver {
  @Query(() => UserObject, {
    description: "The signed-in user: the one the bearer token names. UNAUTHENTICATED without a valid token.",
  })
  viewer(@Ctx() ctx: RequestContext) {
    return ctx.requireViewer().user;
  }

  @Query(() => StoreObject, {
    nullable: true,
    description:
      "A store the viewer may see; null when it is missing or hidden from them. An active collaborator's read counts as a login to the store, which keeps the account from expiring (R17); through the mobile app it needs a login through the partner dashboard first, else ACCESS_DENIED (R19). UNAUTHENTICATED without a sign-in; BAD_USER_INPUT for an id that is not a Store's.",
  })
  store(
    @Arg("id", () => ID, { description: "The store's global id, gid://latchkey/Store/<n>." }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return gate.find(ctx, "Store", idOf(id, "Store"));
  }

  @Query(() => StoreObject, {
    nullable: true,
    description:
      "The store with this domain, read as `store` reads it: null when missing or hidden from the viewer; an active collaborator's read counts as a login (R17, R19). UNAUTHENTICATED without a sign-in.",
  })
  storeByDomain(
    @Arg("domain", () => String, { description: "The store's domain; case and surrounding spaces do not matter." })
    domain: string,
    @Ctx() ctx: RequestContext,
  ) {
    return storeByDomain(ctx, domain);
  }

  @Query(() => OrganizationObject, {
    nullable: true,
    description:
      "An organization the viewer may see (its owner, its members, and the owners and staff of its stores); null otherwise. UNAUTHENTICATED without a sign-in; BAD_USER_INPUT for an id that is not an Organization's.",
  })
  organization(
    @Arg("id", () => ID, { description: "The organization's global id, gid://latchkey/Organization/<n>." }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return gate.find(ctx, "Organization", idOf(id, "Organization"));
  }

  @Query(() => PartnerOrganizationObject, {
    nullable: true,
    description:
      "A partner organization the viewer belongs to (R22), or any for platform support; null otherwise. UNAUTHENTICATED without a sign-in; BAD_USER_INPUT for an id that is not a PartnerOrganization's.",
  })
  partnerOrganization(
    @Arg("id", () => ID, {
      description: "The partner organization's global id, gid://latchkey/PartnerOrganization/<n>.",
    })
    id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return gate.find(ctx, "PartnerOrganization", idOf(id, "PartnerOrganization"));
  }

  @Query(() => Node, {
    nullable: true,
    description:
      "Any object by its global id, seen as its own query would show it: null when missing or hidden from the viewer (a User only for the viewer themself). BAD_USER_INPUT for a malformed id; UNAUTHENTICATED without a sign-in.",
  })
  node(
    @Arg("id", () => ID, { description: "A global id, gid://latchkey/<Type>/<n>." }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return resolveNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: "items",
    description:
      "Several objects by global id, in the order given, each as `node` reads it: null for each one missing or hidden. BAD_USER_INPUT when any id is malformed.",
  })
  nodes(
    @Arg("ids", () => [ID], { description: "Global ids, gid://latchkey/<Type>/<n>." }) ids: string[],
    @Ctx() ctx: RequestContext,
  ) {
    return Promise.all(ids.map((id) => resolveNode(ctx, id)));
  }

  @Query(() => AccessExplanation, {
    description:
      "Whether a user holds a store permission in a store, and why, read from the rules that decide their requests: for the user themself and those who manage the store's collaborators (R9). NOT_FOUND when the store is missing or one the viewer may not see; ACCESS_DENIED when they see it but may not audit it (checked before the user is looked up, so a missing user reads the same); NOT_FOUND for a missing user otherwise; BAD_USER_INPUT for an unknown store permission; UNAUTHENTICATED without a sign-in.",
  })
  explainAccess(
    @Arg("userId", () => ID, { description: "The user whose access is explained (a User id)." }) userId: string,
    @Arg("storeId", () => ID, { description: "The store (a Store id)." }) storeId: string,
    @Arg("permission", () => String, {
      description: "A store permission handle from `permissions`, e.g. orders.refund or app:<handle>.",
    })
    permission: string,
    @Ctx() ctx: RequestContext,
  ) {
    return explainAccess(ctx, idOf(userId, "User"), idOf(storeId, "Store"), permission);
  }

  @Query(() => NotificationConnection, {
    description:
      "The store's outbox (R5), oldest first: request emails to its account email, notices on its home, and the emails sent to its collaborators. For those who manage its collaborators (R9): ACCESS_DENIED for others who see the store, NOT_FOUND when it is missing or hidden; UNAUTHENTICATED without a sign-in.",
  })
  async notifications(
    @Arg("storeId", () => ID, { description: "The store (a Store id)." }) storeId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const store = await gate.need(ctx, "Store", idOf(storeId, "Store"), "manageCollaborators");
    return paginate(
      ctx.ds.manager.createQueryBuilder(Notification, "n").where("n.storeId = :id", { id: store.id }),
      "n",
      page,
    );
  }
}
