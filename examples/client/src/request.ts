// The whole GraphQL client: a POST of the document's text and its variables as JSON, with the
// session token as `Authorization: Bearer <token>` when there is one. The document's generated type
// says which variables it takes and what `data` holds, so the answer needs no cast.
import type { TypedDocumentString } from "./generated/graphql";

/** One entry of an answer's `errors`; `extensions.code` says why (UNAUTHENTICATED, NOT_FOUND...). */
export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

/** An operation that did not run (top-level errors, or no JSON answer): its codes are in `codes`. */
export class RequestError extends Error {
  readonly codes: string[];
  constructor(readonly errors: GraphQLError[]) {
    super(errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; "));
    this.codes = errors.map((e) => e.extensions?.code ?? "ERROR");
  }
}

/** A `request` function bound to one GraphQL endpoint, e.g. http://localhost:4000/graphql. */
export function client(endpoint: string) {
  return async function request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    token?: string,
  ): Promise<TResult> {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    }).catch((cause: unknown) => {
      throw new RequestError([
        { message: `cannot reach ${endpoint} (${String(cause)})`, extensions: { code: "UNREACHABLE" } },
      ]);
    });
    if (!(response.headers.get("content-type") ?? "").includes("json")) {
      throw new RequestError([{ message: `HTTP ${response.status} from ${endpoint}`, extensions: { code: "HTTP" } }]);
    }
    const answer = (await response.json()) as { data?: TResult | null; errors?: GraphQLError[] };
    if (answer.errors?.length) throw new RequestError(answer.errors);
    if (answer.data == null) throw new RequestError([{ message: "an answer without data" }]);
    return answer.data;
  };
}
