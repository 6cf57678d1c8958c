import { Args, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import * as gate from "../../authz/gate";
import type { RequestContext } from "../context";
import { Organization } from "../../domain/organizations/organization.entity";
import { organizationRoles } from "../../domain/roles/role.service";
import { Store } from "../../domain/stores/store.entity";
import { Node } from "./node";
import { RoleObject } from "./role";
import { PageArgs, paginateList } from "../connection";
import { StoreConnection } from "./store";
import { UserObject } from "./user";

@ObjectType("Organization", {
  simpleResolvers: true,
  implements: Node,
  description:
    "A merchant organization of several stores: its owner and Organization administrators manage roles and collaborators across them (R9, R10, R14). Seen by its owner, its members, and the owners and staff of its stores; null for others.",
})
export class OrganizationObject extends Node {
  @Field(() => String, { description: "The organization's name." }) name: string;
  @Field(() => Boolean, { description: "True for a Plus organization (the default is false)." })
  plus: boolean;
}

@Resolver(() => OrganizationObject)
export class OrganizationResolver {
  @FieldResolver(() => UserObject, {
    description: "The user who owns the organization: every power in it and in its stores (R9, R10).",
  })
  owner(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.load(org.ownerId);
  }

  @FieldResolver(() => [RoleObject], {
    description:
      "The organization's roles: its system roles Organization administrator and Store user administrator (as Store.roles lists Administrator), then the roles defined once for it: store roles, assigned per store, and organization roles.",
  })
  async roles(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return gate.filter(ctx, "Role", await organizationRoles(ctx.ds.manager, org));
  }

  @FieldResolver(() => StoreConnection, {
    description:
      "The organization's stores that the viewer may see (others are left out), in id order, a page at a time.",
  })
  async stores(@Root() org: Organization, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RequestContext) {
    const stores = await ctx.ds.manager.find(Store, { where: { organizationId: org.id }, order: { id: "ASC" } });
    return paginateList(await gate.filter(ctx, "Store", stores), page, (s) => s.id);
  }
}
