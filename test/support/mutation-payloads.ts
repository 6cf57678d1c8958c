// Reading mutation answers in specs: the payload, and how a refusal looks. With a typed document
// (test/support/documents.ts) the payload has the type of the mutation's one field.
import { expect } from "vitest";
import type { GqlResult } from "./client";

/** The payload of a mutation answer: the value of its first (only) field, never null here. */
export type PayloadOf<R> = NonNullable<R[keyof R]>;

interface UserErrorLike {
  code?: string | null;
  field?: readonly string[] | null;
}

/** The first field's payload of an answer without top-level errors. */
export function payloadOf<R extends object>(r: GqlResult<R>): PayloadOf<R> {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  const payload = Object.values(r.data ?? {})[0] as PayloadOf<R> | null | undefined;
  expect(payload, JSON.stringify(r)).toBeDefined();
  expect(payload, JSON.stringify(r)).not.toBeNull();
  return payload as PayloadOf<R>;
}

function userErrorsOf(payload: unknown): UserErrorLike[] {
  return (payload as { userErrors: UserErrorLike[] }).userErrors;
}

/**
 * The mutation worked: no top-level error, no userErrors. Its payload; or, given the name of one of
 * the payload's fields (`ok(r, "collaborator")`), that field's value, which must not be null.
 */
export function ok<R extends object>(r: GqlResult<R>): PayloadOf<R>;
export function ok<R extends object, K extends keyof PayloadOf<R>>(
  r: GqlResult<R>,
  field: K,
): NonNullable<PayloadOf<R>[K]>;
export function ok<R extends object>(r: GqlResult<R>, field?: keyof PayloadOf<R>): unknown {
  const p = payloadOf(r);
  const userErrors = userErrorsOf(p);
  expect(userErrors, JSON.stringify(userErrors)).toEqual([]);
  if (field === undefined) return p;
  const value = p[field];
  expect(value, `${String(field)} of ${JSON.stringify(p)}`).not.toBeNull();
  expect(value, `${String(field)} of ${JSON.stringify(p)}`).toBeDefined();
  return value;
}

/** The mutation was refused with exactly this userError code (and field, when given), and returned no object. */
export function refused<R extends object>(r: GqlResult<R>, code: string, field?: string[]): PayloadOf<R> {
  const p = payloadOf(r);
  const userErrors = userErrorsOf(p);
  expect(
    userErrors.map((e) => e.code),
    JSON.stringify(userErrors),
  ).toEqual([code]);
  if (field) expect(userErrors[0].field).toEqual(field);
  expect(Object.entries(p as object).filter(([k, v]) => k !== "userErrors" && v !== null && v !== undefined)).toEqual(
    [],
  );
  return p;
}

/** A top-level error with this code; its message. */
export function topLevel(r: GqlResult<unknown>, code: string): string {
  expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe(code);
  return r.errors?.[0]?.message ?? "";
}
