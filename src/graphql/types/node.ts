import { Field, ID, InterfaceType } from "type-graphql";

/** Which GraphQL type an object read through `node` is (rows of one table can be two types). */
export const nodeTypeOf = new WeakMap<object, string>();

@InterfaceType("Node", {
  description: "An object with a global id (gid://latchkey/<Type>/<n>) that `node(id)` and `nodes(ids)` read back.",
  resolveType: (value: object) => nodeTypeOf.get(value),
})
export abstract class Node {
  @Field(() => ID, {
    description: "The global id, gid://latchkey/<Type>/<n>: stable, and readable again through `node(id)`.",
  })
  id: string;
}
