// The shape of a fixture (docs/fixtures.md): one zod schema per entity, with the references
// between entries by key. What the domain's rules say of a well-formed fixture is checked after
// (fixture-rules.ts).
//
// Messages are written for the person editing the fixture. "{field}" in a message stands for the
// field at fault and is filled in by fixture.ts, which also names the entry (`stores[1] "acme-us"`).
import { z } from "zod";
import type { AccessLevel, PartnerMemberType, PartnerStoreAction } from "../domain/partners/partner-member.entity";
import { PARTNER_PERMISSIONS } from "../domain/partners/partner-permissions";
import { isValidStoreDomain } from "../domain/partners/partner-store.service";
import { STORE_TYPES } from "../domain/stores/store.entity";
import { isValidEmail, normalizeEmail } from "../domain/users/auth.service";
import { CLIENT_KINDS } from "../domain/users/session.entity";

export const q = (value: unknown) => JSON.stringify(value);

const ACCESS_LEVELS = ["NONE", "ALL", "SPECIFIC"] as const satisfies readonly AccessLevel[];
const STORE_ACTIONS = [
  "ADD_ARCHIVE_UNARCHIVE",
  "TRANSFER",
  "ADD_REMOVE",
] as const satisfies readonly PartnerStoreAction[];
const MEMBER_TYPES = ["OWNER", "STAFF"] as const satisfies readonly PartnerMemberType[];

/** The top level: the four lists; each entry is then parsed with its entity's schema. */
export const fixtureListsSchema = entity({
  users: z.array(z.unknown()),
  organizations: z.array(z.unknown()).optional(),
  stores: z.array(z.unknown()).optional(),
  partners: z.array(z.unknown()).optional(),
});

/** Just the key of an entry, whatever else it holds: references are checked against these. */
export const keyedSchema = z.object({ key: z.string() });

/** The keys of the entries of each list (entries with other errors too, so that they are reported once). */
export interface FixtureKeys {
  users: ReadonlySet<string>;
  organizations: ReadonlySet<string>;
  stores: ReadonlySet<string>;
  partners: ReadonlySet<string>;
}

/** An object with exactly these fields: a typo is reported with the fields expected. */
function entity<Shape extends z.ZodRawShape>(shape: Shape) {
  const expected = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys")
        return `unknown field${iss.keys.length > 1 ? "s" : ""} ${iss.keys.map(q).join(", ")} (expected one of ${expected})`;
      if (iss.code === "invalid_type" && iss.input !== undefined)
        return `{field} must be an object with ${expected}, got ${q(iss.input)}`;
      return undefined;
    },
  });
}

/** A string with something other than spaces in it, of at most `max` characters. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim() !== "", { error: "{field} must not be empty" });

/** A list without repeats. */
const list = <Item extends z.ZodType<string>>(item: Item) =>
  z.array(item).superRefine((items, ctx) => {
    const seen = new Set<string>();
    for (const s of items) {
      if (seen.has(s)) ctx.addIssue({ code: "custom", message: `{field} lists ${q(s)} twice` });
      seen.add(s);
    }
  });

const days = z.number().nonnegative();

/** The entity schemas; references to other entries are checked against `keys`. */
export function fixtureSchemas(keys: FixtureKeys) {
  const ref = (known: ReadonlySet<string>, what: string) =>
    z.string().refine((key) => known.has(key), { error: (iss) => `unknown ${what} ${q(iss.input)}` });
  const userRef = ref(keys.users, "user");
  const storeRef = ref(keys.stores, "store");
  const partnerRef = ref(keys.partners, "partner organization");
  const organizationRef = ref(keys.organizations, "organization");

  const user = entity({
    key: text(100),
    email: z.string().refine((email) => isValidEmail(normalizeEmail(email)), {
      error: (iss) => `{field} ${q(iss.input)} is not an email address`,
    }),
    name: text(200),
    password: text(200),
    platformSupport: z.boolean().optional(),
  });

  /** A role of a store or of an organization. */
  const role = entity({
    name: text(200),
    permissions: list(text(200)).min(1, { error: "a role holds at least one permission" }),
  });

  const organizationMember = entity({
    user: userRef,
    /** "Organization administrator", "Store user administrator", or the organization's own roles. */
    roles: list(text(200)).optional(),
    /** The stores a Store user administrator is assigned to (store keys of this organization). */
    stores: list(storeRef).optional(),
  });

  const organization = entity({
    key: text(100),
    name: text(200),
    plus: z.boolean().optional(),
    owner: userRef,
    roles: z.array(role).optional(),
    members: z.array(organizationMember).optional(),
  });

  const staff = entity({ user: userRef, roles: list(text(200)).optional() });

  /** A pending request: what was asked for, and when. */
  const requestedCollaborator = entity({
    user: userRef,
    /** The partner organization (key) the account is requested through; the user is a member of it. */
    partner: partnerRef,
    status: z.literal("REQUESTED"),
    permissions: list(text(200)).min(1, { error: "a request asks for at least one permission" }),
    message: text(2000).nullish(),
    /** Days since the request was sent. */
    requestedDaysAgo: days.optional(),
  });

  /** An accepted account, active or expired (R17). */
  const acceptedCollaborator = entity({
    user: userRef,
    partner: partnerRef,
    status: z.enum(["ACTIVE", "EXPIRED"]),
    /** The store roles assigned (R8: at least one while ACTIVE; R11: never Administrator). */
    roles: list(text(200)).optional(),
    /** Days since the last login to the store; none: never logged in. */
    lastLoginDaysAgo: days.optional(),
    /** Clients logged in through (R19). */
    clients: list(z.enum(CLIENT_KINDS)).optional(),
  });

  const collaborator = z.discriminatedUnion("status", [requestedCollaborator, acceptedCollaborator]);

  const storeTypeAccess = entity({
    access: z.enum(ACCESS_LEVELS),
    /** SPECIFIC: store keys. */
    stores: list(storeRef).optional(),
    actions: list(z.enum(STORE_ACTIONS)).optional(),
  }).refine((setting) => setting.access !== "SPECIFIC" || setting.stores, { error: "access SPECIFIC needs stores" });

  const partnerMember = entity({
    user: userRef,
    type: z.enum(MEMBER_TYPES),
    permissions: list(
      z.enum(PARTNER_PERMISSIONS, {
        error: (iss) => `unknown partner permission ${q(iss.input)} (R23: ${PARTNER_PERMISSIONS.join(", ")})`,
      }),
    ).optional(),
    storeAccess: z
      .partialRecord(z.enum(STORE_TYPES), storeTypeAccess, {
        // zod reports unknown keys of a record of enum keys as unrecognized_keys, though its type says otherwise.
        error: (iss: z.core.$ZodRawIssue) =>
          iss.code === "unrecognized_keys"
            ? `{field} names an unknown store type ${iss.keys.map(q).join(", ")} (expected ${STORE_TYPES.join(", ")})`
            : undefined,
      })
      .optional(),
  });

  const partner = entity({
    key: text(100),
    name: text(200),
    plus: z.boolean().optional(),
    members: z.array(partnerMember),
  });

  const store = entity({
    key: text(100),
    name: text(200),
    domain: z
      .string()
      .max(253)
      .refine((domain) => isValidStoreDomain(domain.trim().toLowerCase()), {
        error: (iss) => `{field} ${q(iss.input)} is not a domain name`,
      }),
    organization: organizationRef.nullish(),
    owner: userRef,
    requestCode: z
      .string()
      .regex(/^[0-9]{4}$/, { error: (iss) => `{field} must be exactly 4 digits, got ${q(iss.input)}` }),
    requireRequestCode: z.boolean().optional(),
    staffLimit: z.number().int().nonnegative().nullish(),
    roles: z.array(role).optional(),
    staff: z.array(staff).optional(),
    collaborators: z.array(collaborator).optional(),
    /** MANAGED (a merchant's store, the default), or DEVELOPMENT / PLUS_SANDBOX: owned by `partner` (R24). */
    storeType: z.enum(STORE_TYPES).optional(),
    /** DEVELOPMENT and PLUS_SANDBOX: the owning partner organization (key); the owner is one of its members. */
    partner: partnerRef.optional(),
    /** DEVELOPMENT and PLUS_SANDBOX: archived (R25). */
    archived: z.boolean().optional(),
  });

  return { user, organization, store, partner, role, collaborator, acceptedCollaborator, storeTypeAccess };
}

type Schemas = ReturnType<typeof fixtureSchemas>;
export type FixtureUser = z.output<Schemas["user"]>;
export type FixtureRole = z.output<Schemas["role"]>;
export type FixtureOrganization = z.output<Schemas["organization"]>;
export type FixtureStore = z.output<Schemas["store"]>;
export type FixtureCollaborator = z.output<Schemas["collaborator"]>;
export type FixtureAcceptedCollaborator = z.output<Schemas["acceptedCollaborator"]>;
export type FixtureStoreTypeAccess = z.output<Schemas["storeTypeAccess"]>;
export type FixturePartner = z.output<Schemas["partner"]>;

export interface Fixture {
  users: FixtureUser[];
  organizations: FixtureOrganization[];
  stores: FixtureStore[];
  partners: FixturePartner[];
}

/** The reasons zod gives in its own words, in the fixture's: "{field} must be a string, got 5". */
export const fixtureErrorMap: z.core.$ZodErrorMap = (iss) => {
  const got = `, got ${q(iss.input)}`;
  switch (iss.code) {
    case "invalid_type":
      if (iss.input === undefined) return "{field} is required";
      return `{field} must be ${KINDS[iss.expected] ?? iss.expected}${got}`;
    case "too_small":
      if (iss.origin === "number") return `{field} must be ${iss.minimum} or more${got}`;
      return iss.origin === "string" ? "{field} must not be empty" : `{field} needs at least ${iss.minimum}`;
    case "too_big":
      if (iss.origin === "string") return `{field} has more than ${iss.maximum} characters`;
      return `{field} must be at most ${iss.maximum}${got}`;
    case "invalid_value":
      return `{field} must be one of ${iss.values.join(", ")}${got}`;
    case "invalid_union": {
      // A discriminated union (a collaborator's status): the issue sits on the discriminator.
      const { discriminator, options } = iss as { discriminator?: unknown; options?: unknown };
      if (typeof discriminator !== "string" || !Array.isArray(options)) return `{field} is not valid${got}`;
      const value =
        typeof iss.input === "object" && iss.input ? (iss.input as Record<string, unknown>)[discriminator] : undefined;
      return value === undefined
        ? `{field} is required (${options.join(", ")})`
        : `{field} must be one of ${options.join(", ")}, got ${q(value)}`;
    }
    case "unrecognized_keys":
      return `unknown field${iss.keys.length > 1 ? "s" : ""} ${iss.keys.map(q).join(", ")}`;
    default:
      return `{field} is not valid${got}`;
  }
};

const KINDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  array: "an array",
  object: "an object",
  record: "an object",
};
