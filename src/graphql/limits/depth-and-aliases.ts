// Depth and alias limits: GraphQL validation rules, so a refused document runs nothing.
import {
  ASTNode,
  ASTVisitor,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from "graphql";
import { fragmentsOf, isIntrospection } from "./shared";
import { msg, translate, type Message } from "../../i18n";

/** The depth of a selection set: one per field level, the root fields being 1; introspection is not counted. */
function selectionDepth(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
  visiting: Set<string>,
): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (isIntrospection(selection.name.value)) continue;
      depth = 1 + selectionDepth(selection.selectionSet, fragments, memo, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragments, memo, visiting);
    } else {
      const name = selection.name.value;
      const known = memo.get(name);
      const fragment = fragments.get(name);
      if (known !== undefined) depth = known;
      else if (!visiting.has(name) && fragment) {
        visiting.add(name); // a cycle is another rule's error; it must not hang this one
        depth = selectionDepth(fragment.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, depth);
      }
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  return selectionDepth(operation.selectionSet, fragmentsOf(document), new Map(), new Set());
}

/** Refuses an operation nested deeper than `max` fields. */
export function depthLimitRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = operationDepth(context.getDocument(), operation);
      if (depth > max) {
        const name = operation.name ? ` ${operation.name.value}` : "";
        context.reportError(
          localizedError("MAX_DEPTH_EXCEEDED", msg("limits.tooDeep", { name, depth, max }), [operation]),
        );
      }
    },
  });
}

/** Refuses a document with more than `max` aliases, every alias in it counted (R3: each guess is an alias). */
export function aliasLimitRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(field) {
        if (field.alias) count++;
      },
      Document: {
        leave(document) {
          if (count > max) {
            context.reportError(
              localizedError("MAX_ALIASES_EXCEEDED", msg("limits.tooManyAliases", { count, max }), [document]),
            );
          }
        },
      },
    };
  };
}

/** A validation error with its message as data (rendered in the request's language before the answer). */
function localizedError(code: string, message: Message, nodes: readonly ASTNode[]) {
  return new GraphQLError(translate("en", message), { nodes, extensions: { code, i18n: message } });
}
