// A minimal GraphQL client for the benchmark: node:http with keep-alive, 127.0.0.1 only.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

export interface RawResponse {
  status: number;
  body: string;
}

export function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<RawResponse> {
  const target = new URL(url);
  if (target.hostname !== "127.0.0.1") throw new Error(`the benchmark only talks to 127.0.0.1, not ${target.hostname}`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        path: target.pathname,
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

export const requestBody = (query: string, variables: Record<string, unknown> = {}) =>
  JSON.stringify({ query, variables });

/** Runs an operation and returns its `data`; any HTTP or GraphQL error throws, naming the operation. */
export async function graphql<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await post(url, requestBody(query, variables), token ? { authorization: `Bearer ${token}` } : {});
  let parsed: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(response.body) as typeof parsed;
  } catch {
    throw new Error(`HTTP ${response.status} from ${url}: ${response.body.slice(0, 300)}`);
  }
  if (response.status !== 200 || parsed.errors?.length || !parsed.data) {
    const name = /(query|mutation)\s+(\w+)/.exec(query)?.[2] ?? "operation";
    throw new Error(
      `${name} failed (HTTP ${response.status}): ${JSON.stringify(parsed.errors ?? parsed).slice(0, 500)}`,
    );
  }
  return parsed.data;
}

export async function signIn(url: string, email: string, password: string): Promise<string> {
  const data = await graphql<{ signIn: { token: string | null; userErrors: { code: string; message: string }[] } }>(
    url,
    `
      mutation SignIn($email: String!, $password: String!) {
        signIn(input: { email: $email, password: $password }) {
          token
          userErrors {
            code
            message
          }
        }
      }
    `,
    { email, password },
  );
  if (!data.signIn.token) throw new Error(`signIn as ${email} failed: ${JSON.stringify(data.signIn.userErrors)}`);
  return data.signIn.token;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Milliseconds from `since` (performance.now()) to the first 200 of GET `url`, polling every 5 ms. */
export async function firstOk(url: string, since: number, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    const status = await new Promise<number>((resolve) => {
      const req = http.get(url, { agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", () => resolve(0));
    });
    const elapsed = performance.now() - since;
    if (status === 200) return Math.round(elapsed);
    if (elapsed > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
