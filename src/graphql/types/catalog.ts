import { Field, ObjectType } from "type-graphql";

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
  @Field(() => String, { description: "The name shown to people, e.g. Refund orders." }) name: string;
  @Field(() => String, { description: "The part of the handle before the dot." }) group: string;
  @Field(() => Boolean, {
    description:
      "True for permissions over money or personal data (billing, payment settings, customer data requests).",
  })
  sensitive: boolean;
}
