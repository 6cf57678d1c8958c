// Field resolvers called directly. type-graphql runs every resolver method through a generic
// wrapper: per call it builds a resolver-data object, finds the class instance in its container,
// runs the middleware chain, sorts the parameters' metadata and maps each to a value. On a page of
// 50 collaborators that is hundreds of calls a request (issue 12 item 3: no work per request that
// the schema already decided). A field resolver whose parameters are only the root, the context and
// the info, with no middleware and no @Authorized roles, gets a resolver that passes them straight
// to the method. Everything else (arguments, which type-graphql converts and defaults; middleware;
// the signed-in check) keeps type-graphql's wrapper, and so does a call whose root is not an
// instance of the declared root class (type-graphql would copy it into one first).
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import { getMetadataStorage } from "type-graphql";

type Param = "root" | "context" | "info";
type Method = (...params: unknown[]) => unknown;
type Class = abstract new (...args: never[]) => unknown;

/** Replaces type-graphql's wrapper on every field resolver it can call directly; returns how many. */
export function callFieldResolversDirectly(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const instances = new Map<unknown, Record<string, Method>>();
  let replaced = 0;
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== "external" || resolver.roles?.length || resolver.middlewares?.length) continue;
    const objectClass = resolver.getObjectType?.();
    const objectType = objectClass && storage.objectTypes.find((o) => o.target === objectClass);
    const graphqlType = objectType && schema.getType(objectType.name);
    if (!isObjectType(graphqlType)) continue;
    const field = graphqlType.getFields()[resolver.schemaName];
    const wrapped = field?.resolve;
    if (!wrapped) continue;

    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    if (params.some((p, i) => p.index !== i || !isPlain(p))) continue;
    const kinds = params.map((p) => p.kind as Param);
    const rootParam = params.find((p) => p.kind === "root");
    const rootClass = rootParam && "getType" in rootParam ? classOf(rootParam.getType?.()) : undefined;

    const target = resolver.target as new () => Record<string, Method>;
    let instance = instances.get(target);
    if (!instance) instances.set(target, (instance = new target()));
    const method = instance[resolver.methodName];
    if (typeof method !== "function") continue;
    const self = instance;
    const direct: GraphQLFieldResolver<unknown, unknown> = (root, args, context, info) => {
      if (rootClass && root != null && !(root instanceof rootClass)) return wrapped(root, args, context, info);
      const values = kinds.map((k) => (k === "root" ? root : k === "context" ? context : info));
      return method.apply(self, values);
    };
    field.resolve = direct;
    replaced++;
  }
  return replaced;
}

/** root, context (whole) and info are passed as they come; a property of them, or anything else, is not. */
function isPlain(param: { kind: string; propertyName?: string }): boolean {
  if (param.kind === "info") return true;
  return (param.kind === "root" || param.kind === "context") && !param.propertyName;
}

/** The class a root parameter is declared as, when it is one (type-graphql converts to it). */
function classOf(type: unknown): Class | undefined {
  const simple: unknown[] = [String, Number, Boolean, Date, Array, Promise, Object];
  return typeof type === "function" && type.prototype && !simple.includes(type) ? (type as Class) : undefined;
}
