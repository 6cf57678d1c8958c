import { Field, ObjectType } from "type-graphql";

@ObjectType("Permission", { simpleResolvers: true, description: "A store or organization permission of the catalog." })
export class PermissionObject {
  @Field(() => String) handle: string;
  @Field(() => String) name: string;
  @Field(() => String, { description: "The part of the handle before the dot." }) group: string;
  @Field(() => Boolean) sensitive: boolean;
}
