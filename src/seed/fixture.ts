// The fixture format of `npm run seed -- FILE.json` (docs/fixtures.md), and its validator.
// Everything is checked before anything is written: a bad fixture changes nothing. Each bad entry
// is named with its path and the reason: `stores[1] "acme-us" staff[0]: unknown user "dann"`.
import fs from "node:fs";
import type { z } from "zod";
import { checkFixtureRules, type FixturePath, type Parsed, type ParsedFixture } from "./fixture-rules";
import {
  fixtureErrorMap,
  fixtureListsSchema,
  fixtureSchemas,
  keyedSchema,
  q,
  type Fixture,
  type FixtureKeys,
} from "./fixture-schema";

export type {
  Fixture,
  FixtureAcceptedCollaborator,
  FixtureCollaborator,
  FixtureOrganization,
  FixturePartner,
  FixtureRole,
  FixtureStore,
  FixtureStoreTypeAccess,
  FixtureUser,
} from "./fixture-schema";

type ListName = keyof Fixture;
/** The lists whose entries are named in messages, and the field that names them. */
const NAMED_BY: Record<string, string> = {
  users: "key",
  organizations: "key",
  stores: "key",
  partners: "key",
  roles: "name",
  members: "user",
  staff: "user",
  collaborators: "user",
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Where a path points, in words: the entries it goes through (`stores[1] "acme-us" staff[0] "dan"`)
 * and the field within the last one (`roles[2]`). A member is not named by its user when the
 * message is about that very field (`staff[0]: unknown user "dann"`).
 */
function locate(json: unknown, path: FixturePath): { entry: string; field: string } {
  const entry: string[] = [];
  let node = json;
  let i = 0;
  while (i < path.length && isRecord(node)) {
    const [name, index] = [path[i], path[i + 1]];
    const value = typeof name === "string" ? node[name] : undefined;
    if (typeof name === "string" && typeof index === "number" && name in NAMED_BY && Array.isArray(value)) {
      const item: unknown = value[index];
      const by = NAMED_BY[name];
      const aboutIt = path.length === i + 3 && path[i + 2] === by && by === "user";
      const label = isRecord(item) && typeof item[by] === "string" && !aboutIt ? ` ${q(item[by])}` : "";
      entry.push(`${name}[${index}]${label}`);
      node = item;
    } else if (name === "storeAccess" && typeof index === "string" && isRecord(value)) {
      entry.push(`storeAccess.${index}`);
      node = value[index];
    } else break;
    i += 2;
  }
  const field = path
    .slice(i)
    .map((s, j) => (typeof s === "number" ? `[${s}]` : `${j ? "." : ""}${String(s)}`))
    .join("");
  return { entry: entry.join(" ") || "fixture", field };
}

/** One line per zod issue, in the fixture's words; `prefix` is where the parsed value sits. */
function issueLines(json: unknown, prefix: FixturePath, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const { entry, field } = locate(json, [...prefix, ...issue.path]);
    return `${entry}: ${issue.message.replace("{field}", field).trim()}`;
  });
}

const empty = (): Fixture => ({ users: [], organizations: [], stores: [], partners: [] });

/**
 * Checks a parsed JSON fixture completely: the shape of every entry and its references (zod,
 * fixture-schema.ts), unique keys, then the domain's rules (fixture-rules.ts). All errors are
 * collected; `fixture` is only meaningful when `errors` is empty.
 */
export function validateFixture(json: unknown): { fixture: Fixture; errors: string[] } {
  const top = fixtureListsSchema.safeParse(json, { error: fixtureErrorMap });
  if (!top.success) return { fixture: empty(), errors: issueLines(json, [], top.error) };
  const { users, organizations = [], stores = [], partners = [] } = top.data;
  const lists: Record<ListName, unknown[]> = { users, organizations, stores, partners };
  const errors: string[] = [];

  // Keys, unique per list; references are checked against them.
  const keysOf = (list: ListName) => {
    const keys = new Set<string>();
    lists[list].forEach((item, index) => {
      const keyed = keyedSchema.safeParse(item);
      if (!keyed.success) return; // reported with the entry's shape
      const { key } = keyed.data;
      if (keys.has(key)) errors.push(`${locate(json, [list, index]).entry}: duplicate key ${q(key)}`);
      keys.add(key);
    });
    return keys;
  };
  const keys: FixtureKeys = {
    users: keysOf("users"),
    organizations: keysOf("organizations"),
    stores: keysOf("stores"),
    partners: keysOf("partners"),
  };

  // The shape of each entry.
  const schemas = fixtureSchemas(keys);
  const parse = <T>(list: ListName, schema: z.ZodType<T>): Parsed<T>[] => {
    const parsed: Parsed<T>[] = [];
    lists[list].forEach((item, index) => {
      const result = schema.safeParse(item, { error: fixtureErrorMap });
      if (result.success) parsed.push({ index, value: result.data });
      else errors.push(...issueLines(json, [list, index], result.error));
    });
    return parsed;
  };
  const parsed: ParsedFixture = {
    users: parse("users", schemas.user),
    organizations: parse("organizations", schemas.organization),
    stores: parse("stores", schemas.store),
    partners: parse("partners", schemas.partner),
  };

  // The rules, on the entries of the right shape.
  errors.push(...checkFixtureRules(parsed, (path) => locate(json, path).entry));
  if (errors.length) return { fixture: empty(), errors };
  const values = <T>(list: Parsed<T>[]) => list.map((e) => e.value);
  return {
    fixture: {
      users: values(parsed.users),
      organizations: values(parsed.organizations),
      stores: values(parsed.stores),
      partners: values(parsed.partners),
    },
    errors: [],
  };
}

/** Reads, parses and validates a fixture file; a parse error names the file. */
export function readFixtureFile(file: string): { fixture: Fixture; errors: string[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    return { fixture: empty(), errors: [`${file}: cannot read: ${(e as Error).message}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { fixture: empty(), errors: [`${file}: not valid JSON: ${(e as Error).message}`] };
  }
  return validateFixture(json);
}
