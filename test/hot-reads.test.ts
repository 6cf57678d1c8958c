// The prepared hot reads (src/db/hot-reads.ts) give the same entities TypeORM gives for the same
// rows (the loaders and the session lookup changed readers, not answers), minus what they must
// not carry: a user read by id has no password hash and no TOTP secret, only whether there is one.
// On a database seeded with test/fixtures/world.json; run on both engines (DATABASE_URL).
import "reflect-metadata";
import { afterAll, beforeAll, expect, test } from "vitest";
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from "typeorm";
import { clock } from "../src/clock";
import { loadStandings, type StoreStanding } from "../src/authz/standing";
import {
  collaboratorsPage,
  organizationsById,
  partnerOrganizationsById,
  permissionsByRoleIds,
  rolesById,
  rolesWithPermissionsByStoreUserIds,
  sessionByTokenHash,
  storesById,
  storeUsersByAutoRoleIds,
  storeUsersById,
  usersById,
} from "../src/db/hot-reads";
import { StoreUser } from "../src/domain/collaborators/store-user.entity";
import { StoreUserRole } from "../src/domain/collaborators/store-user-role.entity";
import { Organization } from "../src/domain/organizations/organization.entity";
import type { PartnerMember } from "../src/domain/partners/partner-member.entity";
import { PartnerOrganization } from "../src/domain/partners/partner-organization.entity";
import { Role } from "../src/domain/roles/role.entity";
import { RolePermission } from "../src/domain/roles/role-permission.entity";
import { Store } from "../src/domain/stores/store.entity";
import { Session } from "../src/domain/users/session.entity";
import { User } from "../src/domain/users/user.entity";
import { seededDataSource } from "./support/server";

let ds: DataSource;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ ds, close } = await seededDataSource());
}, 120_000);
afterAll(async () => close?.());

const byId = <T extends { id: number }>(rows: T[]) => [...rows].sort((a, b) => a.id - b.id);

async function allIds<T extends ObjectLiteral>(entity: EntityTarget<T>): Promise<number[]> {
  return (await ds.manager.find(entity, { select: { id: true } as never })).map((r) => Number(r.id));
}

async function sameAsTypeorm<T extends ObjectLiteral & { id: number }>(
  entity: EntityTarget<T>,
  read: (ds: DataSource, ids: readonly number[]) => Promise<T[]>,
) {
  const ids = await allIds(entity);
  expect(ids.length).toBeGreaterThan(0);
  const wanted = [...ids, 999_999]; // one that is missing
  const ours = byId(await read(ds, wanted));
  const theirs = byId(await ds.manager.findBy(entity, { id: In(ids) } as never));
  expect(ours).toEqual(theirs);
  expect(ours.every((r) => r instanceof (entity as new () => T))).toBe(true);
}

test("stores, store accounts, roles, organizations and partner organizations by id: the rows TypeORM reads", async () => {
  await sameAsTypeorm(Store, storesById);
  await sameAsTypeorm(StoreUser, storeUsersById);
  await sameAsTypeorm(Role, rolesById);
  await sameAsTypeorm(Organization, organizationsById);
  await sameAsTypeorm(PartnerOrganization, partnerOrganizationsById);
});

test("users by id: every column but the secrets, and only whether two-step sign-in is on", async () => {
  const ids = await allIds(User);
  const enrolled = Math.min(...ids);
  await ds.manager.update(
    User,
    { id: enrolled },
    { totpSecret: "JBSWY3DPEHPK3PXP", totpPendingSecret: "KRSXG5CTMVRXEZLU" },
  );
  const ours = byId(await usersById(ds, ids));
  const theirs = byId(await ds.manager.findBy(User, { id: In(ids) }));
  expect(ours).toHaveLength(theirs.length);
  for (const [i, user] of ours.entries()) {
    const { passwordHash, totpSecret, totpPendingSecret, totpLastStep, ...rest } = theirs[i];
    expect(passwordHash).toMatch(/\S/);
    expect(user.passwordHash).toBeUndefined();
    expect(user.totpPendingSecret).toBeUndefined();
    expect(user.totpLastStep).toBeUndefined();
    expect(user.totpSecret == null).toBe(totpSecret == null);
    expect(user.totpSecret === null || user.totpSecret !== totpSecret).toBe(true);
    void totpPendingSecret;
    void totpLastStep;
    expect(user).toMatchObject(rest);
  }
  expect(ours.find((u) => u.id === enrolled)?.totpSecret).not.toBeNull();
});

test("role permissions and the roles of store accounts: what TypeORM reads", async () => {
  const roleIds = await allIds(Role);
  const ours = await permissionsByRoleIds(ds, roleIds);
  const theirs = await ds.manager.find(RolePermission);
  const key = (g: { roleId: number; handle: string }) => `${g.roleId}:${g.handle}`;
  expect(ours.map(key).sort()).toEqual(theirs.map(key).sort());

  const links = await ds.manager.find(StoreUserRole);
  const accountIds = [...new Set(links.map((l) => l.storeUserId))];
  const roles = new Map((await ds.manager.find(Role)).map((r) => [r.id, r]));
  const read = await rolesWithPermissionsByStoreUserIds(ds, accountIds);
  const linkKey = (l: { storeUserId: number; roleId: number }) => `${l.storeUserId}:${l.roleId}`;
  expect(read.map((r) => linkKey({ storeUserId: r.storeUserId, roleId: r.role.id })).sort()).toEqual(
    links.map(linkKey).sort(),
  );
  for (const r of read) {
    expect(r.role).toEqual(roles.get(r.role.id));
    expect(r.handles).toEqual(
      theirs
        .filter((g) => g.roleId === r.role.id)
        .map((g) => g.handle)
        .sort(),
    );
  }
});

const MEMBERSHIP = ["id", "partnerOrganizationId", "userId", "status", "type", "permissions", "storeAccess"] as const;
const membership = (m: PartnerMember | null) => m && Object.fromEntries(MEMBERSHIP.map((k) => [k, m[k]]));
const facts = (s: StoreStanding) => ({
  ...s,
  user: null,
  partnerMember: membership(s.partnerMember),
  owningPartnerMember: membership(s.owningPartnerMember),
});

test("issue 12 item 1: the viewer's standing read by one prepared statement is the standing TypeORM reads for everyone", async () => {
  const stores = await ds.manager.find(Store);
  let compared = 0;
  for (const store of stores)
    for (const handles of [undefined, ["orders"]]) {
      const everyone = await loadStandings(ds.manager, store, "everyone", clock.now(), { handles });
      const users = await ds.manager.findBy(User, { id: In([...everyone.keys()]) });
      const some = await loadStandings(ds.manager, store, users, clock.now(), { handles });
      for (const [id, standing] of everyone) {
        const ours = some.get(id)!;
        // The same facts; the users themselves are whoever the caller passed, and of a partner
        // membership the prepared read carries only what abilities read (not its invitation).
        expect(facts(ours)).toEqual(facts(standing));
        compared++;
      }
    }
  expect(compared).toBeGreaterThan(20);
});

test("issue 12 item 1: the collaborators page reads the accounts TypeORM reads, with their users (no secrets), partner organizations and roles", async () => {
  const [{ storeId }] = await ds.query<{ storeId: number }[]>(
    `SELECT "storeId" FROM "store_users" WHERE "userType" = 'COLLABORATOR' GROUP BY "storeId" ORDER BY COUNT(*) DESC LIMIT 1`,
  );
  const store = await ds.manager.findOneByOrFail(Store, { id: Number(storeId) });
  // Two more (ended) accounts, so that the page has a middle to page from.
  const [someone] = await allIds(User);
  for (const status of ["REMOVED", "WITHDRAWN"] as const)
    await ds.manager.insert(StoreUser, {
      storeId: store.id,
      userId: someone,
      userType: "COLLABORATOR",
      status,
      createdAt: clock.now(),
      endedAt: clock.now(),
    });
  const theirs = await ds.manager.find(StoreUser, {
    where: { storeId: store.id, userType: "COLLABORATOR" },
    order: { id: "ASC" },
  });
  expect(theirs.length).toBeGreaterThan(2);
  const all = await collaboratorsPage(ds, store.id, { backwards: false, after: null, before: null, limit: 1000 });
  expect(all.map((r) => r.account)).toEqual(theirs);
  for (const row of all) {
    const user = await ds.manager.findOneByOrFail(User, { id: row.account.userId });
    expect(row.user).toMatchObject({ id: user.id, name: user.name, email: user.email });
    expect(row.user.passwordHash).toBeUndefined();
    expect(row.partnerOrganization?.id ?? null).toBe(row.account.partnerOrganizationId);
    // Its roles, read with it: what the roles' own statement reads of the account, by role id.
    const roles = await rolesWithPermissionsByStoreUserIds(ds, [row.account.id]);
    expect(row.roles).toEqual(roles.sort((x, y) => x.role.id - y.role.id));
  }
  expect(all.some((r) => r.roles.length > 0)).toBe(true);
  const middle = theirs[1].id;
  const after = await collaboratorsPage(ds, store.id, { backwards: false, after: middle, before: null, limit: 1 });
  expect(after.map((r) => r.account.id)).toEqual([theirs[2].id]);
  const before = await collaboratorsPage(ds, store.id, { backwards: true, after: null, before: middle, limit: 5 });
  expect(before.map((r) => r.account.id)).toEqual([theirs[0].id]);
});

test("the accounts auto-generated roles were made for: what TypeORM finds by autoRoleId", async () => {
  const autoRoles = (await ds.manager.findBy(Role, { autoGenerated: true })).map((r) => r.id);
  expect(autoRoles.length).toBeGreaterThan(0);
  const ours = byId(await storeUsersByAutoRoleIds(ds, [...autoRoles, 999_999]));
  const theirs = byId(await ds.manager.findBy(StoreUser, { autoRoleId: In(autoRoles) }));
  expect(theirs.length).toBeGreaterThan(0);
  expect(ours).toEqual(theirs);
});

test("the session of a token hash: it and its user without secrets; none when revoked or unknown", async () => {
  const [userId] = await allIds(User);
  const saved = await ds.manager.save(
    ds.manager.create(Session, {
      userId,
      tokenHash: "a".repeat(64),
      client: "PARTNER_DASHBOARD",
      createdAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 3_600_000),
      revokedAt: null,
    }),
  );
  const found = await sessionByTokenHash(ds, "a".repeat(64));
  expect(found?.session).toEqual(await ds.manager.findOneBy(Session, { id: saved.id }));
  const { passwordHash, totpSecret, totpPendingSecret, totpLastStep, ...rest } = await ds.manager.findOneByOrFail(
    User,
    {
      id: userId,
    },
  );
  expect(passwordHash).toMatch(/\S/);
  expect(found?.user).toMatchObject(rest);
  expect(found?.user.passwordHash).toBeUndefined();
  expect(found?.user.totpPendingSecret).toBeUndefined();
  expect(found?.user.totpLastStep).toBeUndefined();
  expect(found?.user.totpSecret ?? null).toBe(totpSecret === null ? null : "set");
  void totpPendingSecret;
  void totpLastStep;
  expect(await sessionByTokenHash(ds, "b".repeat(64))).toBeNull();
  await ds.manager.update(Session, { id: saved.id }, { revokedAt: clock.now() });
  expect(await sessionByTokenHash(ds, "a".repeat(64))).toBeNull();
});
