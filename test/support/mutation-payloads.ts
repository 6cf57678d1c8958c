// Reading mutation answers in specs: the payload, and how a refusal looks.
import { expect } from "vitest";
import type { GqlResult } from "./server";

/** The first field's payload of an answer without top-level errors. */
export function payloadOf(r: GqlResult) {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return Object.values(r.data as Record<string, any>)[0];
}

/** The mutation worked: no top-level error, no userErrors. */
export function ok(r: GqlResult) {
  const p = payloadOf(r);
  expect(p.userErrors, JSON.stringify(p.userErrors)).toEqual([]);
  return p;
}

/** The mutation was refused with exactly this userError code (and field, when given), and returned no object. */
export function refused(r: GqlResult, code: string, field?: string[]) {
  const p = payloadOf(r);
  expect(
    p.userErrors.map((e: { code: string }) => e.code),
    JSON.stringify(p.userErrors),
  ).toEqual([code]);
  if (field) expect(p.userErrors[0].field).toEqual(field);
  expect(Object.entries(p).filter(([k, v]) => k !== "userErrors" && v !== null && v !== undefined)).toEqual([]);
  return p;
}

/** A top-level error with this code; its message. */
export function topLevel(r: GqlResult, code: string) {
  expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe(code);
  return r.errors![0].message;
}
