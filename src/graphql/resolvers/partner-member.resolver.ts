// Partner organization members (R22-R27): invitations, updates, removal, store access.
import { Resolver } from "type-graphql";

@Resolver()
export class PartnerMemberMutationResolver {}
