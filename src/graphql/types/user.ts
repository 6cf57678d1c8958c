import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import { In } from "typeorm";
import type { RequestContext } from "../context";
import { StoreUser } from "../../domain/collaborators/store-user.entity";
import { PartnerMember } from "../../domain/partners/partner-member.entity";
import { User } from "../../domain/users/user.entity";
import { Node } from "./node";
import { CollaboratorObject } from "./collaborator";
import { PartnerMemberObject } from "./partner";

@ObjectType("User", {
  simpleResolvers: true,
  implements: Node,
  description:
    "A person with a sign-in: merchant staff, a partner, or both. Reached as `viewer`, or through the stores, accounts and roles one may see; `node(id)` gives only the viewer. Private fields answer only the user themself.",
})
export class UserObject extends Node {
  @Field(() => String, { description: "The person's name." }) name: string;
  @Field(() => String, { description: "The email address the user signs in with." }) email: string;
}

@Resolver(() => UserObject)
export class UserResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The language the user reads (a BCP 47 tag); only for the user themself, null for others.",
  })
  preferredLanguage(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.viewer?.user.id === user.id ? user.preferredLanguage : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "R27: two-step sign-in is on; only for the user themself, null for others.",
  })
  twoFactorEnabled(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.viewer?.user.id === user.id ? user.totpSecret != null : null;
  }

  @FieldResolver(() => [PartnerMemberObject], {
    description:
      "The viewer's active memberships of partner organizations (R22); only for the user themself, empty for others.",
  })
  async partnerMemberships(@Root() user: User, @Ctx() ctx: RequestContext) {
    if (ctx.viewer?.user.id !== user.id) return [];
    return ctx.ds.manager.find(PartnerMember, { where: { userId: user.id, status: "ACTIVE" }, order: { id: "ASC" } });
  }

  @FieldResolver(() => [CollaboratorObject], {
    description:
      "The user's collaborator accounts and requests (pending, active, expired), one per store (R14); only for the user themself, empty for others.",
  })
  async collaboratorAccounts(@Root() user: User, @Ctx() ctx: RequestContext) {
    if (ctx.viewer?.user.id !== user.id) return [];
    return ctx.ds.manager.find(StoreUser, {
      where: { userId: user.id, userType: "COLLABORATOR", status: In(["REQUESTED", "ACTIVE", "EXPIRED"]) },
      order: { id: "ASC" },
    });
  }
}
