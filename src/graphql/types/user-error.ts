import { Field, ObjectType, registerEnumType } from "type-graphql";
import { USER_ERROR_CODES, UserFailure } from "../../domain/errors";

export enum UserErrorCode {}
const codes = Object.fromEntries(USER_ERROR_CODES.map((c) => [c, c]));
registerEnumType(codes, {
  name: "UserErrorCode",
  description: "Why a mutation refused its input; the message says it in words.",
});

@ObjectType({ description: "A broken business rule: nothing was changed.", simpleResolvers: true })
export class UserError {
  @Field(() => [String], { nullable: true, description: "The path of the input field at fault." }) field:
    string[] | null;
  @Field(() => String) message: string;
  @Field(() => codes as never, { nullable: true }) code: string | null;
}

export const toUserError = (f: UserFailure): UserError => ({ field: f.field, message: f.message, code: f.code });

/** Runs a mutation's service call; a UserFailure becomes the payload's userErrors (the transaction already rolled back). */
export async function payload<K extends string, T>(
  key: K,
  work: () => Promise<T>,
): Promise<{ [P in K]: T | null } & { userErrors: UserError[] }> {
  try {
    return { [key]: await work(), userErrors: [] } as never;
  } catch (error) {
    if (error instanceof UserFailure) return { [key]: null, userErrors: [toUserError(error)] } as never;
    throw error;
  }
}
