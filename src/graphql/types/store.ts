import { Args, ArgsType, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { storeUsersQuery } from "../../domain/collaborators/store-user.queries";
import type { CollaboratorStatus, UserType } from "../../domain/collaborators/store-user.entity";
import { accessDenied } from "../../domain/errors";
import { storeRoles } from "../../domain/roles/role.service";
import { Store } from "../../domain/stores/store.entity";
import { Connection, PageArgs, paginate } from "../connection";
import { CollaboratorObject, StoreUserObject } from "./collaborator";
import { CollaboratorStatusEnum, StoreTypeEnum, UserStatusEnum, UserTypeEnum } from "./enums";
import { Node } from "./node";
import { OrganizationObject } from "./organization";
import { PartnerOrganizationObject } from "./partner";
import { RoleObject } from "./role";
import { UserObject } from "./user";

@ObjectType("Store", { simpleResolvers: true, implements: Node })
export class StoreObject extends Node {
  @Field(() => String) name: string;
  @Field(() => String, { description: "What partners give to request access." }) domain: string;
  @Field(() => Int, {
    nullable: true,
    description: "Staff accounts the plan allows; collaborators do not count (R21).",
  })
  staffLimit: number | null;
  @Field(() => StoreTypeEnum, {
    description: "MANAGED: a merchant's store; DEVELOPMENT and PLUS_SANDBOX: a partner organization's (R24).",
  })
  storeType: string;
  @Field(() => Date, { nullable: true, description: "Development and Plus sandbox stores can be archived (R25)." })
  archivedAt: Date | null;
}

export const StoreUserConnection = Connection("StoreUser", () => StoreUserObject);
export const CollaboratorConnection = Connection("Collaborator", () => CollaboratorObject);

@ArgsType()
class StoreUsersArgs extends PageArgs {
  @Field(() => UserTypeEnum, { nullable: true }) userType?: UserType | null;
  @Field(() => UserStatusEnum, { nullable: true }) status?: CollaboratorStatus | null;
}

@ArgsType()
class CollaboratorsArgs extends PageArgs {
  @Field(() => CollaboratorStatusEnum, { nullable: true }) status?: CollaboratorStatus | null;
}

@Resolver(() => StoreObject)
export class StoreResolver {
  private async requireStoreUserManager(ctx: RequestContext, store: Store, what: string) {
    const ability = await ctx.ability(store);
    if (ability.cannot("manageCollaborators", "Store") && ability.cannot("manageRoles", "Store"))
      throw accessDenied(`R9: you may not see this store's ${what}.`);
    return ability;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "R1: the four-digit collaborator request code; null for those who may not manage collaborators (R9).",
  })
  async collaboratorRequestCode(@Root() store: Store, @Ctx() ctx: RequestContext) {
    return (await ctx.ability(store)).can("manageCollaborators", "Store") ? store.requestCode : null;
  }

  @FieldResolver(() => Boolean, {
    description: "R2: true when a request needs the code; false: anyone can send a request.",
  })
  requireCollaboratorRequestCode(@Root() store: Store) {
    return store.requireRequestCode;
  }

  @FieldResolver(() => UserObject)
  owner(@Root() store: Store, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.load(store.ownerId);
  }

  @FieldResolver(() => OrganizationObject, {
    nullable: true,
    description: "Null outside an organization, and for viewers who may not see it.",
  })
  async organization(@Root() store: Store, @Ctx() ctx: RequestContext) {
    const org = store.organizationId ? await ctx.loaders.organization.load(store.organizationId) : null;
    return org && (await ctx.organizationAbility(org)).can("read", "Organization") ? org : null;
  }

  @FieldResolver(() => PartnerOrganizationObject, {
    nullable: true,
    description: "The partner organization owning a development or Plus sandbox store.",
  })
  ownerPartnerOrganization(@Root() store: Store, @Ctx() ctx: RequestContext) {
    return store.partnerOrganizationId ? ctx.loaders.partnerOrganization.load(store.partnerOrganizationId) : null;
  }

  @FieldResolver(() => Int, { description: "Active staff accounts; collaborators do not count (R21)." })
  async staffCount(@Root() store: Store, @Ctx() ctx: RequestContext) {
    return storeUsersQuery(ctx.ds.manager, store.id, { userType: "STAFF", status: "ACTIVE" }, ctx.now()).getCount();
  }

  @FieldResolver(() => StoreUserConnection, {
    description: "The users index: staff and collaborators, filtered by type and status (R28).",
  })
  async users(@Root() store: Store, @Args(() => StoreUsersArgs) args: StoreUsersArgs, @Ctx() ctx: RequestContext) {
    await this.requireStoreUserManager(ctx, store, "users");
    return paginate(
      storeUsersQuery(
        ctx.ds.manager,
        store.id,
        { userType: args.userType, status: args.status, indexOnly: true },
        ctx.now(),
      ),
      "su",
      args,
    );
  }

  @FieldResolver(() => CollaboratorConnection, {
    description: "Collaborator accounts and requests (R7: status REQUESTED lists pending requests).",
  })
  async collaborators(
    @Root() store: Store,
    @Args(() => CollaboratorsArgs) args: CollaboratorsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    if ((await ctx.ability(store)).cannot("manageCollaborators", "Store"))
      throw accessDenied("R9: only the store's owner and admins see its collaborators.");
    return paginate(
      storeUsersQuery(ctx.ds.manager, store.id, { userType: "COLLABORATOR", status: args.status }, ctx.now()),
      "su",
      args,
    );
  }

  @FieldResolver(() => [RoleObject], {
    description:
      "Every role assignable in the store: its own, its organization's store roles, the system roles, and pending requests' auto-generated roles.",
  })
  async roles(@Root() store: Store, @Ctx() ctx: RequestContext) {
    await this.requireStoreUserManager(ctx, store, "roles");
    return storeRoles(ctx.ds.manager, store);
  }
}
