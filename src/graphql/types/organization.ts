import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { Organization } from "../../domain/organizations/organization.entity";
import { organizationRoles } from "../../domain/roles/role.service";
import { Store } from "../../domain/stores/store.entity";
import { Node } from "./node";
import { RoleObject } from "./role";
import { StoreObject } from "./store";
import { UserObject } from "./user";

@ObjectType("Organization", { simpleResolvers: true, implements: Node })
export class OrganizationObject extends Node {
  @Field(() => String) name: string;
  @Field(() => Boolean) plus: boolean;
}

@Resolver(() => OrganizationObject)
export class OrganizationResolver {
  @FieldResolver(() => UserObject)
  owner(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.load(org.ownerId);
  }

  @FieldResolver(() => [RoleObject], {
    description: "Roles defined once for the organization: store roles assigned per store, and organization roles.",
  })
  roles(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return organizationRoles(ctx.ds.manager, org);
  }

  @FieldResolver(() => [StoreObject], { description: "The organization's stores that the viewer may see." })
  async stores(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    const stores = await ctx.ds.manager.find(Store, { where: { organizationId: org.id }, order: { id: "ASC" } });
    const visible = await Promise.all(
      stores.map(async (s) => ((await ctx.ability(s)).can("read", "Store") ? s : null)),
    );
    return visible.filter(Boolean);
  }
}
