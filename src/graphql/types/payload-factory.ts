// The payload of a mutation: `<MutationName>Payload { <object>, userErrors }`, the object nullable.
import type { GraphQLScalarType } from "graphql";
import { ClassType, Field, ObjectType } from "type-graphql";
import { UserError } from "./user-error";

/** "partnerMember" -> "partner member": a field name as words, for generated descriptions. */
export const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

export interface PayloadDescriptions {
  /** The payload type's description; generated from the mutation's name when absent. */
  type?: string;
  /** The object field's description; generated from its name when absent. */
  field?: string;
}

/**
 * `<MutationName>Payload`: `userErrors` and, when `field` is given, that field (nullable), all
 * described: "The payload of `roleUpdate`: the role (null when the mutation failed) and userErrors."
 */
export function Payload<T extends object>(
  mutation: string,
  field?: string,
  type?: () => ClassType<T> | GraphQLScalarType,
  descriptions: PayloadDescriptions = {},
) {
  const what = field ? `the ${words(field)} (null when the mutation failed) and userErrors` : "its userErrors";
  @ObjectType(`${mutation[0].toUpperCase()}${mutation.slice(1)}Payload`, {
    simpleResolvers: true,
    description: descriptions.type ?? `The payload of \`${mutation}\`: ${what}.`,
  })
  class PayloadType {
    @Field(() => [UserError], {
      description: `Why \`${mutation}\` changed nothing: the broken business rules; empty when it succeeded.`,
    })
    userErrors: UserError[];
  }
  if (field && type)
    Field(type, {
      nullable: true,
      description: descriptions.field ?? `The ${words(field)} as \`${mutation}\` left it; null when it failed.`,
    })(PayloadType.prototype, field);
  return PayloadType;
}
