// Types of the audits: grants with their paths, a user's reach, access reviews, previews, the chain.
import {
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
  Resolver,
  Root,
} from "type-graphql";
import { IsNull, Not } from "typeorm";
import type { AccessVia } from "../../authz/store-ability";
import type { RequestContext } from "../../context";
import type { ReviewFinding } from "../../domain/audit/access-review.service";
import { StoreUser } from "../../domain/collaborators/store-user.entity";
import { permissionInfo } from "../../domain/roles/permissions";
import { Role } from "../../domain/roles/role.entity";
import { PermissionObject } from "./catalog";
import { CollaboratorObject, StoreUserObject } from "./collaborator";
import { UserTypeEnum } from "./enums";
import { RoleObject, toPermissions } from "./role";
import { StoreObject } from "./store";
import { UserObject } from "./user";
import { UserError } from "./user-error";

export const AccessViaKindEnum = {
  OWNERSHIP: "OWNERSHIP",
  ORGANIZATION_ROLE: "ORGANIZATION_ROLE",
  ROLE: "ROLE",
  PARTNER_SETTING: "PARTNER_SETTING",
  RULE: "RULE",
} as const;
registerEnumType(AccessViaKindEnum, { name: "AccessViaKind", description: "What a path of access goes through." });

@ObjectType("AccessVia", {
  simpleResolvers: true,
  description: "One path that gives (or, for a rule, takes) an access, with the reason as the deciding rule states it.",
})
export class AccessViaObject {
  @Field(() => AccessViaKindEnum) kind: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The partner setting involved, e.g. 'R24: partner setting MANAGED access SPECIFIC includes this store'.",
  })
  partnerSetting: string | null;
  @Field(() => String) reason: string;
}

@ObjectType("AccessExplanation", { simpleResolvers: true })
export class AccessExplanation {
  @Field(() => Boolean) allowed: boolean;
  @Field(() => [String], {
    description:
      "Each role, ownership, organization role or partner setting involved (merchant side, partner side), and the rule id when a rule says no.",
  })
  reasons: string[];
  @Field(() => [AccessViaObject], { description: "The structured form of the reasons." }) via: AccessVia[];
}

@Resolver(() => AccessViaObject)
export class AccessViaResolver {
  @FieldResolver(() => RoleObject, {
    nullable: true,
    description: "The role involved (a system role for organization roles).",
  })
  async role(@Root() via: AccessVia, @Ctx() ctx: RequestContext) {
    if (!via.role) return null;
    if (via.role.id) return ctx.loaders.role.load(via.role.id);
    return ctx.ds.manager.findOneBy(Role, { name: via.role.name, systemKey: Not(IsNull()) });
  }
}

@ObjectType("AccessGrant", {
  simpleResolvers: true,
  description: "A user who holds a permission in a store, and every path that gives it.",
})
export class AccessGrantObject {
  @Field(() => UserObject) user: unknown;
  @Field(() => UserTypeEnum) userType: string;
  @Field(() => String, { description: "The permission handle." }) permission: string;
  @Field(() => [AccessViaObject]) via: AccessVia[];
}

@Resolver(() => AccessGrantObject)
export class AccessGrantResolver {
  @FieldResolver(() => Boolean)
  sensitive(@Root() grant: { permission: string }) {
    return permissionInfo(grant.permission)?.sensitive ?? false;
  }
}

@ObjectType("UserStoreAccess", {
  simpleResolvers: true,
  description: "A store a user can reach, with which permissions and through what.",
})
export class UserStoreAccessObject {
  @Field(() => StoreObject) store: unknown;
  @Field(() => UserTypeEnum) userType: string;
  @Field(() => [AccessViaObject]) via: AccessVia[];
}

@Resolver(() => UserStoreAccessObject)
export class UserStoreAccessResolver {
  @FieldResolver(() => [PermissionObject])
  permissions(@Root() entry: { permissions: string[] }) {
    return toPermissions(entry.permissions);
  }
}

@ObjectType("AccessReviewFinding", { simpleResolvers: true, description: "An account an access review points at." })
export class AccessReviewFindingObject {
  @Field(() => Date, { nullable: true, description: "When it expires (R17) or was last used, as the list says." })
  at: Date | null;
}

@Resolver(() => AccessReviewFindingObject)
export class AccessReviewFindingResolver {
  @FieldResolver(() => StoreUserObject)
  storeUser(@Root() f: ReviewFinding) {
    return f.account;
  }

  @FieldResolver(() => CollaboratorObject, { nullable: true })
  collaborator(@Root() f: ReviewFinding) {
    return f.account.userType === "COLLABORATOR" ? f.account : null;
  }

  @FieldResolver(() => UserObject)
  user(@Root() f: ReviewFinding, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.load(f.account.userId);
  }

  @FieldResolver(() => StoreObject)
  store(@Root() f: ReviewFinding, @Ctx() ctx: RequestContext) {
    return ctx.loaders.store.load(f.account.storeId);
  }

  @FieldResolver(() => [PermissionObject])
  permissions(@Root() f: ReviewFinding) {
    return toPermissions(f.permissions);
  }
}

@ObjectType("AccessReview", {
  simpleResolvers: true,
  description:
    "What an owner should look at: sensitive grants, expiries (R17), pending requests (R7), unused accounts, grants beyond requests.",
})
export class AccessReviewObject {
  @Field(() => [StoreObject]) stores: unknown[];
  @Field(() => [AccessReviewFindingObject], {
    description: "Active collaborators holding sensitive permissions (the permissions are the sensitive ones).",
  })
  sensitiveCollaborators: ReviewFinding[];
  @Field(() => [AccessReviewFindingObject], {
    description: "Active collaborators whose access expires (R17) within the window; `at` is when.",
  })
  expiringCollaborators: ReviewFinding[];
  @Field(() => [CollaboratorObject]) pendingRequests: StoreUser[];
  @Field(() => [AccessReviewFindingObject], {
    description: "Accounts not used within the window; `at` is the last use (null: never).",
  })
  unusedAccounts: ReviewFinding[];
  @Field(() => [AccessReviewFindingObject], {
    description: "Collaborators holding permissions they did not request (the permissions are those).",
  })
  grantedBeyondRequest: ReviewFinding[];
}

@ObjectType("RolePreview", { simpleResolvers: true })
export class RolePreviewObject {
  @Field(() => RoleObject) role: unknown;
  @Field(() => String, { description: "The name it would have (an edited auto-generated role's new name)." })
  name: string;
  @Field(() => [PermissionObject]) permissions: PermissionObject[];
}

@ObjectType("CollaboratorRequestAcceptPreviewPayload", {
  simpleResolvers: true,
  description: "What accepting would give, checked as accepting checks it; nothing changes.",
})
export class CollaboratorRequestAcceptPreviewPayload {
  @Field(() => CollaboratorObject, { nullable: true }) collaborator: unknown;
  @Field(() => [RolePreviewObject]) roles: RolePreviewObject[];
  @Field(() => [PermissionObject], { description: "The effective permissions." }) permissions: PermissionObject[];
  @Field(() => [PermissionObject]) sensitivePermissions: PermissionObject[];
  @Field(() => [PermissionObject], { description: "Effective permissions the request did not ask for." })
  beyondRequested: PermissionObject[];
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType("AuditChainVerification", { simpleResolvers: true })
export class AuditChainVerificationObject {
  @Field(() => Boolean) valid: boolean;
  @Field(() => Int) checkedCount: number;
  @Field(() => ID, { nullable: true, description: "The first event found edited, or after a deleted one." })
  brokenEventId: string | null;
  @Field(() => String, { nullable: true }) problem: string | null;
}

@InputType()
export class AuditLogFilter {
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: "Exclusive." }) to?: Date | null;
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => [String], { nullable: true, description: "e.g. collaborator.accepted, role.updated" }) actions?:
    string[] | null;
}
