// Fixtures generated for the concurrency and fault tests (the format of docs/fixtures.md). Every user's
// password is "password-<key>", their email "<key>@example.com", as in world.json.
const user = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  email: `${key}@example.com`,
  name: `User ${key}`,
  password: `password-${key}`,
  ...extra,
});
const partnerStaff = (key: string) => ({
  user: key,
  type: "STAFF",
  storeAccess: { MANAGED: { access: "ALL", actions: ["ADD_REMOVE"] } },
});

export const REQUEST_CODE = "2468";

/**
 * The managers of every store of concurrencyWorld: its owner and nine Administrators; manager i
 * assigns role Helper<i+1>. Ten, so that 50 calls at once are 5 per manager: a password asked
 * again (collaboratorRemove) counts on its account as a sign-in does, and a 6th check of one
 * account in flight is refused as a guess (THROTTLED).
 */
export const MANAGERS = ["olga", ...Array.from({ length: 9 }, (_, i) => `adam${i + 1}`)];

/**
 * One single store per race, all owned by olga with adam1..adam9 as Administrators and roles
 * Helper1..Helper10; partner organization px, whose staff request:
 * acc (racc REQUESTED), rej (rrej REQUESTED), wd (rwd REQUESTED), rm (rrm ACTIVE, Helper1),
 * race (rrace REQUESTED), new (nobody yet: rnew asks).
 */
export function concurrencyWorld() {
  const requesters = { acc: "racc", rej: "rrej", wd: "rwd", rm: "rrm", race: "rrace", new: "rnew" } as const;
  const collaborators: Record<string, object[]> = {
    acc: [{ user: "racc", partner: "px", status: "REQUESTED", permissions: ["orders"] }],
    rej: [{ user: "rrej", partner: "px", status: "REQUESTED", permissions: ["orders"] }],
    wd: [{ user: "rwd", partner: "px", status: "REQUESTED", permissions: ["orders"] }],
    rm: [{ user: "rrm", partner: "px", status: "ACTIVE", roles: ["Helper1"] }],
    race: [{ user: "rrace", partner: "px", status: "REQUESTED", permissions: ["orders"] }],
    new: [],
  };
  return {
    users: [...MANAGERS, "sam", "pxo", ...Object.values(requesters)].map((k) =>
      user(k, k === "sam" ? { platformSupport: true } : {}),
    ),
    organizations: [],
    stores: Object.keys(requesters).map((key) => ({
      key,
      name: `Store ${key}`,
      domain: `${key}.example.com`,
      owner: "olga",
      requestCode: REQUEST_CODE,
      requireRequestCode: true,
      roles: MANAGERS.map((_, i) => i + 1).map((i) => ({
        name: `Helper${i}`,
        permissions: i % 2 ? ["orders"] : ["products.view"],
      })),
      staff: MANAGERS.slice(1).map((u) => ({ user: u, roles: ["Administrator"] })),
      collaborators: collaborators[key],
    })),
    partners: [
      {
        key: "px",
        name: "Pixel Crowd",
        members: [{ user: "pxo", type: "OWNER" }, ...Object.values(requesters).map(partnerStaff)],
      },
    ],
  };
}

/**
 * One single store "busy" owned by one store owner (bella), with `count` pending requests from
 * partner staff p1..p<count> of partner organization px, and a role "Helper" to accept them with;
 * sam is platform support.
 */
export function pendingRequestsWorld(count: number) {
  const partners = Array.from({ length: count }, (_, i) => `p${i + 1}`);
  return {
    users: ["bella", "sam", "pxo", ...partners].map((k) => user(k, k === "sam" ? { platformSupport: true } : {})),
    organizations: [],
    stores: [
      {
        key: "busy",
        name: "Busy Store",
        domain: "busy.example.com",
        owner: "bella",
        requestCode: REQUEST_CODE,
        roles: [{ name: "Helper", permissions: ["orders", "products.view"] }],
        collaborators: partners.map((p) => ({ user: p, partner: "px", status: "REQUESTED", permissions: ["orders"] })),
      },
    ],
    partners: [
      { key: "px", name: "Pixel Crowd", members: [{ user: "pxo", type: "OWNER" }, ...partners.map(partnerStaff)] },
    ],
  };
}
