// Types of the audits: grants with their paths, a user's reach, access reviews, previews, the chain.
import {
  Args,
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
import * as gate from "../../authz/gate";
import type { AccessVia } from "../../authz/store-ability";
import type { RequestContext } from "../context";
import type { AccessReview, ReviewFinding } from "../../domain/audit/access-review.service";
import { permissionInfo } from "../../domain/roles/permissions";
import { Role } from "../../domain/roles/role.entity";
import { Connection, PageArgs, paginateList } from "../connection";
import { PermissionObject } from "./catalog";
import { CollaboratorObject, StoreUserObject } from "./collaborator";
import { UserTypeEnum } from "./enums";
import { RoleObject, toPermissions } from "./role";
import { CollaboratorConnection, StoreConnection, StoreObject } from "./store";
import { UserObject } from "./user";
import { UserError } from "./user-error";
import { translate, type Message } from "../../i18n";

export const AccessViaKindEnum = {
  OWNERSHIP: "OWNERSHIP",
  ORGANIZATION_ROLE: "ORGANIZATION_ROLE",
  ROLE: "ROLE",
  PARTNER_SETTING: "PARTNER_SETTING",
  RULE: "RULE",
} as const;
registerEnumType(AccessViaKindEnum, {
  name: "AccessViaKind",
  description: "What a path of access goes through.",
  valuesConfig: {
    OWNERSHIP: { description: "Owning the store or its organization." },
    ORGANIZATION_ROLE: {
      description:
        "An organization role: Organization administrator, or Store user administrator assigned to the store.",
    },
    ROLE: { description: "A store role held in the store (see role)." },
    PARTNER_SETTING: {
      description: "A partner organization's store access setting (R24, R25), which may also take access away.",
    },
    RULE: { description: "A rule of the domain, e.g. an expired account (R17) or no Point of Sale (R12)." },
  },
});

@ObjectType("AccessVia", {
  simpleResolvers: true,
  description: "One path that gives (or, for a rule, takes) an access, with the reason as the deciding rule states it.",
})
export class AccessViaObject {
  @Field(() => AccessViaKindEnum, { description: "What the path goes through." }) kind: string;
  partnerSetting: Message | null;
  reason: Message;
}

@ObjectType("AccessReason", {
  simpleResolvers: true,
  description: "One reason of an explanation: the words in the request's language, and the rule that decides.",
})
export class AccessReasonObject {
  @Field(() => String, {
    nullable: true,
    description: "The rule of docs/rules.md behind the reason, e.g. `R9` or `R9, R10`; null when no numbered rule is.",
  })
  rule: string | null;
  @Field(() => String, { description: "The reason in words, in the request's language, e.g. 'store owner'." })
  message: string;
}

const reasonOf = (reason: Message, ctx: RequestContext): AccessReasonObject => ({
  rule: reason.rule ?? null,
  message: translate(ctx.locale, reason),
});

@ObjectType("AccessExplanation", {
  simpleResolvers: true,
  description: "Whether a user holds a store permission, and why (explainAccess): read from the rules that decide.",
})
export class AccessExplanation {
  @Field(() => Boolean, { description: "True when the user holds the permission in the store now." })
  allowed: boolean;
  reasons: Message[];
  @Field(() => [AccessViaObject], { description: "The structured form of the reasons." }) via: AccessVia[];
}

@Resolver(() => AccessExplanation)
export class AccessExplanationResolver {
  @FieldResolver(() => [String], {
    description:
      "Each role, ownership, organization role or partner setting involved (merchant side, partner side), in the request's language; the rule ids are in `explanations`.",
  })
  reasons(@Root() e: AccessExplanation, @Ctx() ctx: RequestContext): string[] {
    return e.reasons.map((r) => translate(ctx.locale, r));
  }

  @FieldResolver(() => [AccessReasonObject], {
    description: "The reasons of `reasons`, in the same order, each with the rule (R1...R30) that decides.",
  })
  explanations(@Root() e: AccessExplanation, @Ctx() ctx: RequestContext): AccessReasonObject[] {
    return e.reasons.map((r) => reasonOf(r, ctx));
  }
}

@Resolver(() => AccessViaObject)
export class AccessViaResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The partner setting involved, in the request's language, e.g. 'partner setting MANAGED access SPECIFIC includes this store'.",
  })
  partnerSetting(@Root() via: AccessVia, @Ctx() ctx: RequestContext): string | null {
    return via.partnerSetting && translate(ctx.locale, via.partnerSetting);
  }

  @FieldResolver(() => String, { description: "The reason in words, in the request's language, e.g. 'store owner'." })
  reason(@Root() via: AccessVia, @Ctx() ctx: RequestContext): string {
    return translate(ctx.locale, via.reason);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The rule of docs/rules.md behind the reason, e.g. `R9`; null when no numbered rule is.",
  })
  rule(@Root() via: AccessVia): string | null {
    return via.reason.rule ?? null;
  }

  @FieldResolver(() => RoleObject, {
    nullable: true,
    description: "The role involved (a system role for organization roles).",
  })
  async role(@Root() via: AccessVia, @Ctx() ctx: RequestContext) {
    if (!via.role) return null;
    const role = via.role.id
      ? await ctx.loaders.role.load(via.role.id)
      : await ctx.ds.manager.findOneBy(Role, { name: via.role.name, systemKey: Not(IsNull()) });
    return gate.one(ctx, "Role", role);
  }
}

@ObjectType("AccessGrant", {
  simpleResolvers: true,
  description: "A user who holds a permission in a store, and every path that gives it.",
})
export class AccessGrantObject {
  @Field(() => UserObject, { description: "Who holds the permission." }) user: unknown;
  @Field(() => UserTypeEnum, {
    description: "COLLABORATOR for a collaborator account, STAFF for everyone else (owners included).",
  })
  userType: string;
  @Field(() => String, { description: "The permission handle." }) permission: string;
  @Field(() => [AccessViaObject], { description: "Every path that gives it." }) via: AccessVia[];
}

@Resolver(() => AccessGrantObject)
export class AccessGrantResolver {
  @FieldResolver(() => Boolean, {
    description: "True when the permission is a sensitive one (finance, customer data).",
  })
  sensitive(@Root() grant: { permission: string }) {
    return permissionInfo(grant.permission)?.sensitive ?? false;
  }
}

@ObjectType("UserStoreAccess", {
  simpleResolvers: true,
  description: "A store a user can reach, with which permissions and through what.",
})
export class UserStoreAccessObject {
  @Field(() => StoreObject, { description: "The store." }) store: unknown;
  @Field(() => UserTypeEnum, { description: "COLLABORATOR through a collaborator account there, else STAFF." })
  userType: string;
  @Field(() => [AccessViaObject], { description: "Every path that gives the permissions, each once." })
  via: AccessVia[];
}

@Resolver(() => UserStoreAccessObject)
export class UserStoreAccessResolver {
  @FieldResolver(() => [PermissionObject], { description: "The store permissions the user holds there now." })
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
  @FieldResolver(() => StoreUserObject, { description: "The account, as the users index shows it." })
  storeUser(@Root() f: ReviewFinding) {
    return f.account;
  }

  @FieldResolver(() => CollaboratorObject, {
    nullable: true,
    description: "The same account as a collaborator; null for staff.",
  })
  collaborator(@Root() f: ReviewFinding) {
    return f.account.userType === "COLLABORATOR" ? f.account : null;
  }

  @FieldResolver(() => UserObject, { description: "The account's user." })
  user(@Root() f: ReviewFinding, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.load(f.account.userId);
  }

  @FieldResolver(() => StoreObject, { description: "The account's store." })
  store(@Root() f: ReviewFinding, @Ctx() ctx: RequestContext) {
    return ctx.loaders.store.load(f.account.storeId);
  }

  @FieldResolver(() => [PermissionObject], {
    description: "The permissions in question: what the account holds, or the subset the list is about.",
  })
  permissions(@Root() f: ReviewFinding) {
    return toPermissions(f.permissions);
  }
}

@ObjectType("AccessReview", {
  simpleResolvers: true,
  description:
    "What an owner should look at: sensitive grants, expiries (R17), pending requests (R7), unused accounts, grants beyond requests. Each list is a connection (they grow with the stores reviewed), in id order.",
})
export class AccessReviewObject {}

export const AccessGrantConnection = Connection("AccessGrant", () => AccessGrantObject);
export const UserStoreAccessConnection = Connection("UserStoreAccess", () => UserStoreAccessObject);
export const AccessReviewFindingConnection = Connection("AccessReviewFinding", () => AccessReviewFindingObject);

/** The lists of an access review, paged like the users index (by account id; stores by store id). */
@Resolver(() => AccessReviewObject)
export class AccessReviewResolver {
  @FieldResolver(() => StoreConnection, {
    description: "The stores reviewed: the store, or every store of the organization.",
  })
  stores(@Root() r: AccessReview, @Args(() => PageArgs) page: PageArgs) {
    return paginateList(r.stores, page, (s) => s.id);
  }

  @FieldResolver(() => AccessReviewFindingConnection, {
    description: "Active collaborators holding sensitive permissions (the permissions are the sensitive ones).",
  })
  sensitiveCollaborators(@Root() r: AccessReview, @Args(() => PageArgs) page: PageArgs) {
    return paginateList(r.sensitiveCollaborators, page, byAccount);
  }

  @FieldResolver(() => AccessReviewFindingConnection, {
    description: "Active collaborators whose access expires (R17) within the window; `at` is when.",
  })
  expiringCollaborators(@Root() r: AccessReview, @Args(() => PageArgs) page: PageArgs) {
    return paginateList(r.expiringCollaborators, page, byAccount);
  }

  @FieldResolver(() => CollaboratorConnection, { description: "Collaborator requests still pending (R7)." })
  pendingRequests(@Root() r: AccessReview, @Args(() => PageArgs) page: PageArgs) {
    return paginateList(r.pendingRequests, page, (a) => a.id);
  }

  @FieldResolver(() => AccessReviewFindingConnection, {
    description:
      "Accounts (staff and collaborators) not used within the window: no sign-in, or no login to the store; `at` is the last use (null: never).",
  })
  unusedAccounts(@Root() r: AccessReview, @Args(() => PageArgs) page: PageArgs) {
    return paginateList(r.unusedAccounts, page, byAccount);
  }

  @FieldResolver(() => AccessReviewFindingConnection, {
    description: "Collaborators holding permissions they did not request (the permissions are those).",
  })
  grantedBeyondRequest(@Root() r: AccessReview, @Args(() => PageArgs) page: PageArgs) {
    return paginateList(r.grantedBeyondRequest, page, byAccount);
  }
}
const byAccount = (f: ReviewFinding) => f.account.id;

@ObjectType("RolePreview", {
  simpleResolvers: true,
  description: "A role accepting would assign, with the name and permissions it would have then.",
})
export class RolePreviewObject {
  @Field(() => RoleObject, { description: "The role as it is now." }) role: unknown;
  @Field(() => String, { description: "The name it would have (an edited auto-generated role's new name)." })
  name: string;
  @Field(() => [PermissionObject], {
    description: "The permissions it would hold (an edited auto-generated role's new ones).",
  })
  permissions: PermissionObject[];
}

@ObjectType("CollaboratorRequestAcceptPreviewPayload", {
  simpleResolvers: true,
  description: "What accepting would give, checked as accepting checks it; nothing changes.",
})
export class CollaboratorRequestAcceptPreviewPayload {
  @Field(() => CollaboratorObject, { nullable: true, description: "The request; null when accepting would fail." })
  collaborator: unknown;
  @Field(() => [RolePreviewObject], {
    description: "The roles accepting would assign: the auto-generated one first (unless dropped), then those chosen.",
  })
  roles: RolePreviewObject[];
  @Field(() => [PermissionObject], { description: "The effective permissions." }) permissions: PermissionObject[];
  @Field(() => [PermissionObject], { description: "The sensitive ones among the effective permissions." })
  sensitivePermissions: PermissionObject[];
  @Field(() => [PermissionObject], { description: "Effective permissions the request did not ask for." })
  beyondRequested: PermissionObject[];
  @Field(() => [UserError], {
    description:
      "Why accepting would fail (NOT_FOUND, NOT_PENDING, ROLE_REQUIRED, ROLE_NOT_ASSIGNABLE, AUTO_ROLE_LOCKED, ESCALATION, UNKNOWN_PERMISSION, PERMISSION_SCOPE_MISMATCH, INVALID); empty when it would succeed.",
  })
  userErrors: UserError[];
}

@ObjectType("AuditChainVerification", {
  simpleResolvers: true,
  description: "The result of checking the audit log's hash chain (auditLogVerify).",
})
export class AuditChainVerificationObject {
  @Field(() => Boolean, { description: "True when no event was edited or deleted." }) valid: boolean;
  @Field(() => Int, { description: "How many events were checked (up to the first broken one)." })
  checkedCount: number;
  @Field(() => ID, { nullable: true, description: "The first event found edited, or after a deleted one." })
  brokenEventId: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "What is wrong, in words (an event changed, an earlier one deleted, the newest deleted); null when valid.",
  })
  problem: string | null;
}

@InputType({ description: "Narrows an audit log; every filter left out lets everything through." })
export class AuditLogFilter {
  @Field(() => Date, { nullable: true, description: "Events at or after this instant." }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: "Events before this instant (exclusive)." }) to?: Date | null;
  @Field(() => ID, { nullable: true, description: "Events by this user (a User id)." }) actorId?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: "Only these actions, e.g. collaborator.accepted, role.updated.",
  })
  actions?: string[] | null;
}
