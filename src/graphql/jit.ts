// Queries and mutations executed by graphql-jit (issue 12 item 4): each operation of a document is
// compiled once into JavaScript that resolves its fields without graphql-js's per-field
// machinery. Plugged into Apollo Server as a gateway's executor, so that everything before and
// after execution stays Apollo's: parsing, validation (with the depth and alias rules), the
// limit plugins, and formatError's masking of the errors the executor returns.
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import { type DocumentNode, type ExecutionResult, type GraphQLSchema, getVariableValues, printSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

/** Compiled operations per parsed document (Apollo keeps one parsed document per query text). */
type Compiled = CompiledQuery<Record<string, unknown>, Record<string, unknown>> | ExecutionResult;
const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  let onSchema: Parameters<GatewayInterface["onSchemaLoadOrUpdate"]>[0] | null = null;
  return {
    onSchemaLoadOrUpdate(callback) {
      onSchema = callback;
      return () => void (onSchema = null);
    },
    load() {
      onSchema?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return Promise.resolve({
        executor: async (rc) => {
          let byOperation = compiledByDocument.get(rc.document);
          if (!byOperation) compiledByDocument.set(rc.document, (byOperation = new Map()));
          const name = rc.operationName ?? "";
          let compiled: Compiled | undefined = byOperation.get(name);
          if (!compiled)
            byOperation.set(
              name,
              (compiled = compileQuery(schema, rc.document, rc.operationName ?? undefined) as Compiled),
            );
          if (!isCompiledQuery(compiled)) return compiled as ExecutionResult<Record<string, unknown>>;
          // Variables judged by graphql-js first, as its execute would: the same errors (with
          // their suggestions), which Apollo recognizes as BAD_USER_INPUT.
          const variables = rc.request.variables ?? {};
          const coerced = getVariableValues(schema, rc.operation.variableDefinitions ?? [], variables, {
            maxErrors: 50,
          });
          if (coerced.errors) return { errors: coerced.errors };
          return (await compiled.query(undefined, rc.context, variables)) as ExecutionResult<Record<string, unknown>>;
        },
      });
    },
    stop: () => Promise.resolve(),
  };
}
