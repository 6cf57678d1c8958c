// The tests' GraphQL client: real HTTP to a test server, typed by the document. A document written
// with `graphql(`...`)` (from test/generated, see test/support/documents.ts) is a TypedDocumentNode:
// its variables are checked and its answer is typed. A plain string still works, untyped (`any`),
// for the files not converted yet.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export type { TypedDocumentNode };

/** One entry of a GraphQL answer's `errors`. */
export interface GqlError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A GraphQL answer: `data` is null (or absent) when the operation could not run. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the untyped default of files not converted yet
export interface GqlResult<T = any> {
  data?: T | null;
  errors?: GqlError[];
  extensions?: Record<string, unknown>;
}

/** The variables argument: optional when the operation has no required variable. */
export type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/** A document as sent over HTTP. */
export type Document<R = unknown, V = Record<string, unknown>> = TypedDocumentNode<R, V> | string;

const printed = new WeakMap<object, string>();

/** The query text of a document (typed documents are printed once). */
export function queryText(document: Document<unknown, never>): string {
  if (typeof document === "string") return document;
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** The data of an answer, failing loudly (with the errors) when there are errors or no data. */
export function dataOf<T>(result: GqlResult<T>): T {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  if (result.data === null || result.data === undefined) throw new Error(`no data: ${JSON.stringify(result)}`);
  return result.data;
}

/** A value that the test expects to be there (a nullable field), failing loudly when it is not. */
export function must<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}

/** The code of the first top-level error, if any. */
export function errorCode(result: GqlResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

/** A caller of one test server, signed in (token) or anonymous (null). */
export class TestClient {
  constructor(
    readonly url: string,
    public token: string | null = null,
    /** Headers sent with every request, e.g. Accept-Language. */
    public headers: Record<string, string> = {},
  ) {}

  /** The whole answer (data and errors) of a typed document. */
  gql<R, V>(document: TypedDocumentNode<R, V>, ...variables: VariablesArg<V>): Promise<GqlResult<R>>;
  /** @deprecated untyped: the answer is `any`. Write the document with `graphql(...)` instead. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  gql<R = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<R>>;
  async gql(document: Document<unknown, never>, variables: unknown = {}): Promise<GqlResult<unknown>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...this.headers,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query: queryText(document), variables: variables ?? {} }),
    });
    return (await res.json()) as GqlResult<unknown>;
  }

  /**
   * The answer to a document that cannot be typed: invalid on purpose (a test of validation or
   * parsing) or built at run time. Its data is `unknown`: read it through `expect`.
   */
  raw(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<unknown>> {
    return this.gql<unknown>(query, variables);
  }

  /** The data of a typed document, failing loudly on any top-level error. */
  data<R, V>(document: TypedDocumentNode<R, V>, ...variables: VariablesArg<V>): Promise<R>;
  /** @deprecated untyped: the answer is `any`. Write the document with `graphql(...)` instead. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  data<R = any>(query: string, variables?: Record<string, unknown>): Promise<R>;
  async data(document: Document<unknown, never>, variables: unknown = {}): Promise<unknown> {
    return dataOf(await this.gql<unknown>(queryText(document), variables as Record<string, unknown>));
  }
}
