import { Ctx, Field, ObjectType } from "type-graphql";
import type { Actor } from "../../authz/actor";
import { partnerPermissionText, type PartnerPermission } from "../../domain/partners/partner-permissions";
import { permissionText } from "../../domain/roles/permissions";
import { translate } from "../../i18n";

@ObjectType("Permission", {
  simpleResolvers: true,
  description:
    "A store or organization permission of the catalog (`permissions`): what roles hold and collaborators ask for.",
})
export class PermissionObject {
  @Field(() => String, {
    description:
      "The handle roles and requests name it by, e.g. `orders.refund`, `app:<handle>` or `org.billing.view`.",
  })
  handle: string;
  @Field(() => String, {
    name: "name",
    description: "The name shown to people, in the request's language, e.g. Refund orders (Danish: Refunder ordrer).",
  })
  // Not `name()`: the catalog's entries carry an English `name` of their own, which would hide the method.
  localName(@Ctx() ctx: Actor): string {
    return translate(ctx.locale, permissionText(this.handle, "name"));
  }
  @Field(() => String, { description: "What the permission lets one do, in one sentence in the request's language." })
  description(@Ctx() ctx: Actor): string {
    return translate(ctx.locale, permissionText(this.handle, "description"));
  }
  @Field(() => String, { description: "The part of the handle before the dot." }) group: string;
  @Field(() => Boolean, {
    description:
      "True for permissions over money or personal data (billing, payment settings, customer data requests).",
  })
  sensitive: boolean;
}

@ObjectType("PartnerPermission", {
  simpleResolvers: true,
  description:
    "R23: a sensitive permission a partner organization gives its staff (`partnerPermissions`); owners hold them all.",
})
export class PartnerPermissionObject {
  @Field(() => String, {
    description: "The handle members' permissions name it by, e.g. `view_financials` or `manage_members`.",
  })
  handle: PartnerPermission;
  @Field(() => String, { description: "The name shown to people, in the request's language, e.g. View financials." })
  name(@Ctx() ctx: Actor): string {
    return translate(ctx.locale, partnerPermissionText(this.handle, "name"));
  }
  @Field(() => String, {
    description: "What the permission lets a staff member see and do, in the request's language.",
  })
  description(@Ctx() ctx: Actor): string {
    return translate(ctx.locale, partnerPermissionText(this.handle, "description"));
  }
}
