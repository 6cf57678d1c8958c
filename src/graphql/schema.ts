// The executable schema: type-graphql resolvers, and global ids on every Node type.
import { GraphQLSchema, isObjectType, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { createPubSub } from "@graphql-yoga/subscription";
import { applyNarrowViews, signedIn } from "../authz/gate";
import { callFieldResolversDirectly } from "./direct-resolvers";
import { NODE_TYPES, NodeTypeName, toGlobalId } from "./ids";
import { AccountResolver } from "./resolvers/account.resolver";
import { AuditResolver } from "./resolvers/audit.resolver";
import {
  AccessExplanationResolver,
  AccessGrantResolver,
  AccessReviewFindingResolver,
  AccessReviewResolver,
  AccessViaResolver,
  UserStoreAccessResolver,
} from "./types/audit";
import { MutationResolver } from "./resolvers/mutation.resolver";
import { PartnerMemberMutationResolver } from "./resolvers/partner-member.resolver";
import { PartnerStoreResolver } from "./resolvers/partner-store.resolver";
import { PublicResolver } from "./resolvers/public.resolver";
import { QueryResolver } from "./resolvers/query.resolver";
import { SubscriptionResolver } from "./resolvers/subscription.resolver";
import {
  CollaboratorAccountFields,
  CollaboratorResolver,
  StoreUserAccountFields,
  StoreUserResolver,
} from "./types/collaborator";
import { OrganizationResolver } from "./types/organization";
import { PartnerMemberResolver, PartnerOrganizationResolver } from "./types/partner";
import { RoleResolver } from "./types/role";
import { StoreResolver } from "./types/store";
import { UserResolver } from "./types/user";

let built: GraphQLSchema | undefined;

export async function createSchema(): Promise<GraphQLSchema> {
  if (built) return built;
  const schema = await buildSchema({
    resolvers: [
      PublicResolver,
      QueryResolver,
      MutationResolver,
      AuditResolver,
      AccessViaResolver,
      AccessExplanationResolver,
      AccessExplanationResolver,
      AccessGrantResolver,
      UserStoreAccessResolver,
      AccessReviewFindingResolver,
      AccessReviewResolver,
      AccountResolver,
      PartnerMemberMutationResolver,
      PartnerStoreResolver,
      UserResolver,
      RoleResolver,
      StoreResolver,
      OrganizationResolver,
      CollaboratorResolver,
      StoreUserResolver,
      CollaboratorAccountFields,
      StoreUserAccountFields,
      PartnerOrganizationResolver,
      PartnerMemberResolver,
      SubscriptionResolver,
    ],
    // Subscriptions bring their own event streams (src/realtime); type-graphql still asks for a PubSub.
    pubSub: createPubSub(),
    validate: false,
    // Not type-graphql's check (the whole introspection query run once at every start): Apollo
    // Server validates the schema as it starts (assertValidSchema), and so does every test server.
    skipCheck: true,
    // "Signed in": the resolver classes marked @Authorized() (every operation but PublicResolver's).
    authChecker: signedIn,
    authMode: "error",
  });
  // Field resolvers that need nothing of type-graphql's wrapper are called directly.
  callFieldResolversDirectly(schema);
  // Rows carry numeric keys; every Node type shows them as gid://latchkey/<Type>/<n>.
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && (NODE_TYPES as readonly string[]).includes(type.name)) {
      const name = type.name as NodeTypeName;
      type.getFields().id.resolve = (row: { id: number }) => toGlobalId(name, row.id);
    }
  }
  // The gate's narrow views (a requester sees a store's name and domain, nothing more).
  applyNarrowViews(schema);
  // type-graphql has no option for the root types' descriptions.
  schema.getQueryType()!.description =
    "Reads: the viewer, stores, organizations, partner organizations, audits and logs. Fields need a sign-in unless their description says otherwise (UNAUTHENTICATED); an object the viewer may not see reads as null or NOT_FOUND, exactly like a missing one.";
  schema.getMutationType()!.description =
    "Changes, each in one transaction. A broken business rule is a userError in the payload and changes nothing; a viewer who may not act gets ACCESS_DENIED, a malformed id or input BAD_USER_INPUT.";
  schema.getSubscriptionType()!.description =
    "Live events over graphql-ws (`/graphql`, subprotocol graphql-transport-ws), each delivered only to viewers who may read it.";
  built = schema;
  return schema;
}

/** The schema as schema/schema.graphql holds it (npm run schema writes it; a test compares). */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}
