// Raw GraphQL over HTTP for load and fault tests: the status as well as the body, a bounded wait,
// and no exception for a refused connection (it is reported as status 0 with the error's code).
// A typed document (test/support/documents.ts) types the variables and the body's data.
import { queryText, type GqlResult, type TypedDocumentNode } from "./client";
import { SIGN_IN } from "./documents";

export { SIGN_IN };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the untyped default of files not converted yet
export interface HttpResult<T = any> {
  status: number;
  body: GqlResult<T> | null;
  /** Set when no HTTP answer came: ECONNREFUSED, a reset, or "timeout". */
  failure?: string;
}

export interface PostOptions {
  token?: string | null;
  timeoutMs?: number;
}

export function postGraphql<R, V>(
  url: string,
  document: TypedDocumentNode<R, V>,
  variables: V,
  options?: PostOptions,
): Promise<HttpResult<R>>;
/** @deprecated untyped: the answer is `any`. Write the document with `graphql(...)` instead. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export function postGraphql<R = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options?: PostOptions,
): Promise<HttpResult<R>>;
export async function postGraphql(
  url: string,
  document: TypedDocumentNode<unknown, unknown> | string,
  variables: unknown = {},
  options: PostOptions = {},
): Promise<HttpResult<unknown>> {
  try {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query: queryText(document), variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    let body: GqlResult<unknown> | null = null;
    try {
      body = JSON.parse(text) as GqlResult<unknown>;
    } catch {
      body = null;
    }
    return { status: res.status, body };
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string; errors?: { code?: string }[] }; code?: string };
    const failure =
      e.name === "TimeoutError" ? "timeout" : (e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.code ?? String(error));
    return { status: 0, body: null, failure };
  }
}

/** A token for a user, failing loudly. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const r = await postGraphql(url, SIGN_IN, { input: { email, password } });
  const token = r.body?.data?.signIn?.token;
  if (!token) throw new Error(`cannot sign in as ${email}: ${JSON.stringify(r.body ?? r.failure)}`);
  return token;
}
