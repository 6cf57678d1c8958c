// Small pieces the limit rules, the cost walk and the plugin share.
import { DocumentNode, FragmentDefinitionNode, Kind } from "graphql";

/** Error codes of the limits (extensions.code). */
export const LIMIT_CODES = [
  "MAX_DEPTH_EXCEEDED",
  "MAX_ALIASES_EXCEEDED",
  "MAX_COST_EXCEEDED",
  "MAX_ITEMS_EXCEEDED",
  "THROTTLED",
] as const;

/** `__schema`, `__type`, `__typename`: free and not counted in depth. */
export const isIntrospection = (name: string) => name.startsWith("__");

/** The document's fragments by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return fragments;
}
