import { Field, ID, InterfaceType } from "type-graphql";

/** Which GraphQL type an object read through `node` is (rows of one table can be two types). */
export const nodeTypeOf = new WeakMap<object, string>();

@InterfaceType("Node", {
  description: "An object with a global id: gid://latchkey/<Type>/<n>.",
  resolveType: (value: object) => nodeTypeOf.get(value),
})
export abstract class Node {
  @Field(() => ID) id: string;
}
