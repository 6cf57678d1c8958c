// The payload of a mutation: `<MutationName>Payload { <object>, userErrors }`, the object nullable.
import { ClassType, Field, ObjectType } from "type-graphql";
import { UserError } from "./user-error";

export function Payload<T extends object>(mutation: string, field?: string, type?: () => ClassType<T> | typeof String) {
  @ObjectType(`${mutation[0].toUpperCase()}${mutation.slice(1)}Payload`, { simpleResolvers: true })
  class PayloadType {
    @Field(() => [UserError]) userErrors: UserError[];
  }
  if (field && type) Field(type, { nullable: true })(PayloadType.prototype, field);
  return PayloadType;
}
