import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import * as gate from "../../authz/gate";
import { heldPermissionsOf } from "../../authz/held-permissions";
import type { RequestContext } from "../context";
import { effectiveStatus } from "../../domain/collaborators/lifecycle-time";
import { StoreUser } from "../../domain/collaborators/store-user.entity";
import { PermissionObject } from "./catalog";
import { CollaboratorStatusEnum, UserStatusEnum, UserTypeEnum } from "./enums";
import { Node } from "./node";
import { RoleObject, toPermissions } from "./role";
import { StoreObject } from "./store";
import { UserObject } from "./user";
import { PartnerOrganizationObject } from "./partner";

@ObjectType("Collaborator", {
  simpleResolvers: true,
  implements: Node,
  description:
    "A partner user's account on one store, from its request on (R14). Seen by the partner user themself and by those who manage the store's collaborators (R9).",
})
export class CollaboratorObject extends Node {
  @Field(() => String, {
    nullable: true,
    description: "The requester's message to the store (R4), at most 2,000 characters; null when none was given.",
  })
  message: string | null;
  @Field(() => Date, {
    nullable: true,
    description:
      "The collaborator's last read of the store (`store`, `storeByDomain`); 90 days without one expire the account (R17). Null before the first.",
  })
  lastLoginAt: Date | null;
  @Field(() => Date, { description: "When the request was sent; unanswered, it expires 7 days later (R7)." })
  createdAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: "When the request was accepted; null for a request never accepted.",
  })
  acceptedAt: Date | null;
}

@ObjectType("StoreUser", {
  simpleResolvers: true,
  implements: Node,
  description:
    "A row of a store's users index: a staff or collaborator account, one per person and store (R14, R28). Seen by the account's holder and by those who manage the store's users (R9).",
})
export class StoreUserObject extends Node {
  @Field(() => UserTypeEnum, { description: "STAFF of the store, or a partner's COLLABORATOR account." })
  userType: string;
}

/** Fields both types read from a store_users row: one resolver class per type, made here. */
function storeUserFields(type: () => typeof CollaboratorObject | typeof StoreUserObject) {
  @Resolver(type)
  class StoreUserFields {
    @FieldResolver(() => UserObject, { description: "The person holding the account." })
    user(@Root() row: StoreUser, @Ctx() ctx: RequestContext) {
      return ctx.loaders.user.load(row.userId);
    }

    @FieldResolver(() => [RoleObject], {
      description: "The roles assigned on this store; none for a request until it is accepted (R8).",
    })
    async roles(@Root() row: StoreUser, @Ctx() ctx: RequestContext) {
      return gate.filter(
        ctx,
        "Role",
        (await ctx.loaders.rolesOfStoreUser.load(row.id)).map((l) => l.role),
      );
    }
  }
  return StoreUserFields;
}
export const CollaboratorAccountFields = storeUserFields(() => CollaboratorObject);
export const StoreUserAccountFields = storeUserFields(() => StoreUserObject);

@Resolver(() => CollaboratorObject)
export class CollaboratorResolver {
  @FieldResolver(() => CollaboratorStatusEnum, {
    description:
      "Where the account stands now, as the clock sees it: a request unanswered for 7 days, or an account unused for 90, reads EXPIRED (R7, R17).",
  })
  status(@Root() row: StoreUser, @Ctx() ctx: RequestContext) {
    return effectiveStatus(row, ctx.now());
  }

  @FieldResolver(() => StoreObject, {
    description:
      "The store the account is on. A requester who may not read the store (pending, rejected, expired...) sees its name and domain only (the gate's narrow view: ACCESS_DENIED on its other fields).",
  })
  store(@Root() row: StoreUser, @Ctx() ctx: RequestContext) {
    return ctx.loaders.store.load(row.storeId);
  }

  @FieldResolver(() => PartnerOrganizationObject, {
    nullable: true,
    description: "The partner organization the request was made through (R4).",
  })
  partnerOrganization(@Root() row: StoreUser, @Ctx() ctx: RequestContext) {
    return row.partnerOrganizationId ? ctx.loaders.partnerOrganization.load(row.partnerOrganizationId) : null;
  }

  @FieldResolver(() => [PermissionObject], {
    description:
      "What the collaborator may do in the store now, as their store ability says (the rules `explainAccess` reads): the permissions of the merchant's roles while their partner organization gives them the store (R24), none when it does not; empty unless ACTIVE.",
  })
  async permissions(@Root() row: StoreUser, @Ctx() ctx: RequestContext) {
    if (effectiveStatus(row, ctx.now()) !== "ACTIVE") return [];
    return toPermissions(heldPermissionsOf(await ctx.loaders.standing.load(`${row.storeId}:${row.userId}`), row.id));
  }

  @FieldResolver(() => [PermissionObject], { description: "The store permissions the request asked for (R4)." })
  requestedPermissions(@Root() row: StoreUser) {
    return toPermissions(row.requestedPermissions ?? []);
  }

  @FieldResolver(() => RoleObject, {
    nullable: true,
    description:
      "The role made for the request from its permissions (R6), editable before acceptance (R10); null once dropped at acceptance (R8), or deleted when the request is rejected or withdrawn (R15).",
  })
  async autoGeneratedRole(@Root() row: StoreUser, @Ctx() ctx: RequestContext) {
    return gate.one(ctx, "Role", row.autoRoleId ? await ctx.loaders.role.load(row.autoRoleId) : null);
  }
}

@Resolver(() => StoreUserObject)
export class StoreUserResolver {
  @FieldResolver(() => UserStatusEnum, {
    description:
      "The status in the users index (R28), as the clock sees it now (R7, R17); rejected and withdrawn requests read REMOVED.",
  })
  status(@Root() row: StoreUser, @Ctx() ctx: RequestContext) {
    const status = effectiveStatus(row, ctx.now());
    return status === "REJECTED" || status === "WITHDRAWN" ? "REMOVED" : status;
  }

  @FieldResolver(() => CollaboratorObject, {
    nullable: true,
    description:
      "The same row read as a collaborator account; null for staff, and for viewers who may not see it (a request is for those of R9 and the requester only).",
  })
  collaborator(@Root() row: StoreUser, @Ctx() ctx: RequestContext) {
    return row.userType === "COLLABORATOR" ? gate.one(ctx, "Collaborator", row) : null;
  }
}
