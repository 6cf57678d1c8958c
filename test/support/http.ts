// Raw GraphQL over HTTP for load and fault tests: the status as well as the body, a bounded wait,
// and no exception for a refused connection (it is reported as status 0 with the error's code).
export interface HttpResult<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] } | null;
  /** Set when no HTTP answer came: ECONNREFUSED, a reset, or "timeout". */
  failure?: string;
}

export async function postGraphql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null; timeoutMs?: number } = {},
): Promise<HttpResult<T>> {
  try {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    let body: HttpResult<T>["body"] = null;
    try {
      body = JSON.parse(text);
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

export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { code message } } }`;

/** A token for a user, failing loudly. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const r = await postGraphql(url, SIGN_IN, { input: { email, password } });
  const token = r.body?.data?.signIn?.token;
  if (!token) throw new Error(`cannot sign in as ${email}: ${JSON.stringify(r.body ?? r.failure)}`);
  return token;
}
