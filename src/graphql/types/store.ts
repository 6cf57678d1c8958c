import { Args, ArgsType, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import * as gate from "../../authz/gate";
import type { RequestContext } from "../context";
import { storeUsersQuery } from "../../domain/collaborators/store-user.queries";
import type { CollaboratorStatus, UserType } from "../../domain/collaborators/store-user.entity";
import { storeRoles } from "../../domain/roles/role.service";
import { Store } from "../../domain/stores/store.entity";
import { collaboratorsPage } from "../../db/hot-reads";
import { Connection, PageArgs, paginate, paginateBy } from "../connection";
import { CollaboratorObject, StoreUserObject } from "./collaborator";
import { CollaboratorStatusEnum, StoreTypeEnum, UserStatusEnum, UserTypeEnum } from "./enums";
import { Node } from "./node";
import { OrganizationObject } from "./organization";
import { PartnerOrganizationObject } from "./partner";
import { RoleObject } from "./role";
import { UserObject } from "./user";

@ObjectType("Store", {
  simpleResolvers: true,
  implements: Node,
  description:
    "An online store: a merchant's (MANAGED) or a partner organization's development or Plus sandbox store. Seen by its owner, its active staff and collaborators, its organization's owner and administrators, Store user administrators assigned to it, and partner members whose store access reaches it; to anyone else it reads as missing (null).",
})
export class StoreObject extends Node {
  @Field(() => String, { description: "The store's name." }) name: string;
  @Field(() => String, {
    description:
      "The store's unique domain, lower-cased: what partners give to request access (`collaboratorRequestCreate`).",
  })
  domain: string;
  @Field(() => Int, {
    nullable: true,
    description: "Staff accounts the plan allows, null for no limit; collaborators do not count (R21).",
  })
  staffLimit: number | null;
  @Field(() => StoreTypeEnum, {
    description: "MANAGED: a merchant's store; DEVELOPMENT and PLUS_SANDBOX: a partner organization's (R24).",
  })
  storeType: string;
  @Field(() => Date, {
    nullable: true,
    description: "When a development or Plus sandbox store was archived (R25); null while it is not.",
  })
  archivedAt: Date | null;
}

export const StoreUserConnection = Connection("StoreUser", () => StoreUserObject);
export const CollaboratorConnection = Connection("Collaborator", () => CollaboratorObject);
export const StoreConnection = Connection("Store", () => StoreObject);

@ArgsType()
class StoreUsersArgs extends PageArgs {
  @Field(() => UserTypeEnum, {
    nullable: true,
    description: "Only staff, or only collaborators; both when null (the default).",
  })
  userType?: UserType | null;
  @Field(() => UserStatusEnum, {
    nullable: true,
    description:
      "Only rows with this status as the clock sees it now (unanswered requests expire after 7 days, R7; unused collaborator accounts after 90, R17); every status when null.",
  })
  status?: CollaboratorStatus | null;
}

@ArgsType()
class CollaboratorsArgs extends PageArgs {
  @Field(() => CollaboratorStatusEnum, {
    nullable: true,
    description:
      "Only accounts with this status as the clock sees it now (REQUESTED: the pending requests, R7); every status when null.",
  })
  status?: CollaboratorStatus | null;
}

@Resolver(() => StoreObject)
export class StoreResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The four-digit collaborator request code partners give (R1); null for viewers who may not manage the store's collaborators (R9).",
  })
  async collaboratorRequestCode(@Root() store: Store, @Ctx() ctx: RequestContext) {
    return (await gate.may(ctx, "Store", store, "manageCollaborators")) ? store.requestCode : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      "True (the default) when a collaborator request needs the request code (R2); false: anyone can send one.",
  })
  requireCollaboratorRequestCode(@Root() store: Store) {
    return store.requireRequestCode;
  }

  @FieldResolver(() => UserObject, {
    description:
      "The user who owns the store; ownership moves only with `storeOwnershipTransfer` (R13). For those who may read the store: a partner who sees only its name and domain (their own request, their organization's store list) gets ACCESS_DENIED, as for every field but id, name, domain and storeType.",
  })
  owner(@Root() store: Store, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.load(store.ownerId);
  }

  @FieldResolver(() => OrganizationObject, {
    nullable: true,
    description:
      "The organization the store belongs to; null outside an organization, and for viewers who may not see the organization.",
  })
  async organization(@Root() store: Store, @Ctx() ctx: RequestContext) {
    const org = store.organizationId ? await ctx.loaders.organization.load(store.organizationId) : null;
    return gate.one(ctx, "Organization", org);
  }

  @FieldResolver(() => PartnerOrganizationObject, {
    nullable: true,
    description:
      "The partner organization owning a development or Plus sandbox store; null for a merchant's store (R24).",
  })
  ownerPartnerOrganization(@Root() store: Store, @Ctx() ctx: RequestContext) {
    return store.partnerOrganizationId ? ctx.loaders.partnerOrganization.load(store.partnerOrganizationId) : null;
  }

  @FieldResolver(() => Int, {
    description: "Active staff accounts, to compare with staffLimit; collaborators do not count (R21).",
  })
  async staffCount(@Root() store: Store, @Ctx() ctx: RequestContext) {
    return storeUsersQuery(ctx.ds.manager, store.id, { userType: "STAFF", status: "ACTIVE" }, ctx.now()).getCount();
  }

  @FieldResolver(() => StoreUserConnection, {
    description:
      "The users index: staff and collaborators (active, requested, expired, removed), filtered by type and status, 50 a page (R28). For its owner, Administrators, the organization's owner and administrators, and Store user administrators assigned to it (R9), and staff who manage roles, who see the accounts but never the requests (R9); ACCESS_DENIED for others.",
  })
  async users(@Root() store: Store, @Args(() => StoreUsersArgs) args: StoreUsersArgs, @Ctx() ctx: RequestContext) {
    await gate.needOn(ctx, "Store", store, "readUsers");
    const qb = storeUsersQuery(
      ctx.ds.manager,
      store.id,
      { userType: args.userType, status: args.status, indexOnly: true },
      ctx.now(),
    );
    // R9: requests (never accepted) only for those who decide on them.
    if (!(await gate.seesRequests(ctx, store))) qb.andWhere(gate.notRequestSql("su"));
    return paginate(qb, "su", args);
  }

  @FieldResolver(() => CollaboratorConnection, {
    description:
      "Collaborator accounts and requests, whatever their status; `status: REQUESTED` lists the pending requests (R7). For its owner, Administrators, the organization's owner and administrators, and Store user administrators assigned to it (R9); ACCESS_DENIED for others.",
  })
  async collaborators(
    @Root() store: Store,
    @Args(() => CollaboratorsArgs) args: CollaboratorsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    await gate.needOn(ctx, "Store", store, "manageCollaborators");
    if (args.status)
      return paginate(
        storeUsersQuery(ctx.ds.manager, store.id, { userType: "COLLABORATOR", status: args.status }, ctx.now()),
        "su",
        args,
      );
    // Every status: one prepared read (src/db/hot-reads.ts) of the accounts with their users,
    // partner organizations and roles (cached, src/db/caches.ts), which the nodes' fields then
    // find in the loaders.
    return paginateBy(
      (bounds) => collaboratorsPage(ctx.ds, store.id, bounds, ctx.arrivedAt),
      args,
      (row) => row.account.id,
      ({ account, user, partnerOrganization, roles }) => {
        ctx.loaders.user.prime(user.id, user);
        if (partnerOrganization) ctx.loaders.partnerOrganization.prime(partnerOrganization.id, partnerOrganization);
        ctx.loaders.primeRolesOf(account.id, roles);
        return account;
      },
    );
  }

  @FieldResolver(() => [RoleObject], {
    description:
      "The roles one can assign in the store: its own, its organization's store roles, Administrator, and the auto-generated roles of pending requests (for those of R9 only) and live collaborators. For those who manage its collaborators (R9) or roles; ACCESS_DENIED for others.",
  })
  async roles(@Root() store: Store, @Ctx() ctx: RequestContext) {
    await gate.needOn(ctx, "Store", store, "readUsers");
    return gate.filter(ctx, "Role", await storeRoles(ctx.ds.manager, store));
  }
}
