// Account security (R27): two-step sign-in, devices, passwords, language.
import { Resolver } from "type-graphql";

@Resolver()
export class AccountResolver {}
