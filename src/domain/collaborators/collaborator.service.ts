// The collaborator lifecycle, merchant side (R1-R21, R29): request, accept, reject, withdraw,
// remove, change roles. Each write is one transaction that records its audit event.
import { EntityManager, In, IsNull, MoreThan } from "typeorm";
import * as gate from "../../authz/gate";
import { partnerStoreAccess } from "../../authz/partner-access";
import { DAY_MS } from "../../clock";
import type { Actor } from "../../authz/actor";
import { isUniqueViolation } from "../../db/transaction";
import { rolesById, storeUsersById, storesById, usersById } from "../../db/hot-reads";
import {
  acceptStoreUser,
  deleteRole,
  expireStoreUser,
  renameRole,
  replaceRolePermissions,
  replaceStoreUserRoles,
} from "../../db/hot-writes";
import { recordEvent } from "../audit/audit.service";
import { accessDenied, UserFailure } from "../errors";
import { notify } from "../notifications/outbox";
import { PartnerMember } from "../partners/partner-member.entity";
import { PartnerOrganization } from "../partners/partner-organization.entity";
import { Role } from "../roles/role.entity";
import {
  assignableToCollaborator,
  checkPermissions,
  collaboratorRoles,
  permissionsOfRoles,
  refuseRoleEscalation,
} from "../roles/role.service";
import { Store } from "../stores/store.entity";
import { throttledError } from "../../security/throttle";
import { checkOwnPassword } from "../users/account.service";
import { User } from "../users/user.entity";
import { effectiveStatus, expiresAt } from "./lifecycle-time";
import { RequestBlock } from "./request-block.entity";
import { RequestCodeMiss } from "./request-code-miss.entity";
import { LIVE_STATUSES, newStoreUser, StoreUser } from "./store-user.entity";
import { StoreUserRole } from "./store-user-role.entity";
import { collaboratorRequested } from "../../realtime/events";
import { msg } from "../../i18n";
import { roleName } from "../../i18n";
import { recipientLocale } from "../../i18n";
import { storeLanguage } from "../notifications/languages";

/** R3: misses allowed per partner user and store in an hour, and per store (all users) in a day. */
export const CODE_MISSES_PER_USER_HOUR = 5;
export const CODE_MISSES_PER_STORE_DAY = 30;
/** R3: misses allowed per partner user in an hour across every store. */
export const CODE_MISSES_PER_USER_ALL_STORES_HOUR = 20;

const collaboratorTarget = (user: User, row: StoreUser) => ({ type: "Collaborator", id: row.id, name: user.name });

/** R7, R17: writes the expiry the clock has already decided, so that R29's index sees the truth. */
export async function settleExpired(tx: EntityManager, rows: StoreUser[], now: Date) {
  for (const row of rows) {
    if (effectiveStatus(row, now) !== "EXPIRED" || row.status === "EXPIRED") continue;
    const at = expiresAt(row)!;
    const was = row.status;
    if (!(await expireStoreUser(tx, row.id, was, at))) {
      // Someone else (another request, or the sweep of another instance) moved it first: they recorded it.
      row.status = (await storeUsersById(tx, [row.id]))[0].status;
      continue;
    }
    row.status = "EXPIRED";
    const [[user], [store]] = await Promise.all([usersById(tx, [row.userId]), storesById(tx, [row.storeId])]);
    await recordEvent(tx, {
      action: "collaborator.expired",
      actor: null,
      target: collaboratorTarget(user, row),
      storeId: store.id,
      organizationId: store.organizationId,
      partnerOrganizationId: row.partnerOrganizationId,
      details: { was, expiredAt: at.toISOString(), rule: was === "REQUESTED" ? "R7" : "R17" },
    });
  }
}

/** R3: a PostgreSQL advisory lock space (two-key form) for one partner user's misses across stores. */
const CODE_MISS_USER_LOCK = 0x5233;

/**
 * R3: every attempt is judged and counted here, once per mutation field (so every alias of a
 * request counts). Over the limit, even the right code is THROTTLED (with retryAfterSeconds)
 * until the window has passed; a wrong code is recorded and shown to the store in its audit log.
 */
async function checkRequestCode(actor: Actor, store: Store, user: User, code: string | null | undefined) {
  if (!store.requireRequestCode) return; // R2: "anyone can send a request"
  if (!code)
    throw new UserFailure("REQUEST_CODE_REQUIRED", msg("request.codeRequired", {}, "R2"), ["input", "requestCode"]);
  const now = actor.now();
  const hourAgo = new Date(now.getTime() - 3600_000);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  // Counting, deciding and recording a miss are one step under a lock on the store and one on the
  // user, so that concurrent guesses (on one store or on several) cannot all pass the counts
  // before any of them is recorded. SQLite runs one write transaction at a time anyway.
  const verdict = await actor.transaction(
    async (tx): Promise<{ result: "ok" | "miss" } | { result: "throttled"; retryAt: number }> => {
      if (tx.connection.options.type === "postgres") {
        await tx.query(`SELECT "id" FROM "stores" WHERE "id" = $1 FOR UPDATE`, [store.id]);
        await tx.query(`SELECT pg_advisory_xact_lock($1::int, $2::int)`, [CODE_MISS_USER_LOCK, user.id]);
      }
      const limits = [
        {
          where: { storeId: store.id, userId: user.id, createdAt: MoreThan(hourAgo) },
          max: CODE_MISSES_PER_USER_HOUR,
          windowMs: 3600_000,
        },
        {
          where: { userId: user.id, createdAt: MoreThan(hourAgo) },
          max: CODE_MISSES_PER_USER_ALL_STORES_HOUR,
          windowMs: 3600_000,
        },
        { where: { storeId: store.id, createdAt: MoreThan(dayAgo) }, max: CODE_MISSES_PER_STORE_DAY, windowMs: DAY_MS },
      ];
      let retryAt = 0;
      for (const limit of limits) {
        if ((await tx.countBy(RequestCodeMiss, limit.where)) < limit.max) continue;
        // The limit lifts when the miss that filled it leaves the window.
        const [filling] = await tx.find(RequestCodeMiss, {
          where: limit.where,
          order: { createdAt: "DESC", id: "DESC" },
          skip: limit.max - 1,
          take: 1,
        });
        retryAt = Math.max(retryAt, (filling?.createdAt.getTime() ?? now.getTime()) + limit.windowMs);
      }
      if (retryAt) return { result: "throttled", retryAt };
      const current = await tx.findOneByOrFail(Store, { id: store.id });
      if (code.trim() === current.requestCode) return { result: "ok" };
      await tx.insert(RequestCodeMiss, { storeId: store.id, userId: user.id, createdAt: now });
      // The store sees every wrong guess (never the code guessed).
      await recordEvent(tx, {
        action: "collaborator.request_code_failed",
        actor: user,
        target: { type: "Store", id: store.id, name: store.name },
        storeId: store.id,
        organizationId: store.organizationId,
        details: { rule: "R3", email: user.email },
      });
      return { result: "miss" };
    },
  );
  if (verdict.result === "throttled")
    throw throttledError(msg("throttle.requestCodes", {}, "R3"), verdict.retryAt - now.getTime());
  if (verdict.result === "miss")
    throw new UserFailure("INVALID_REQUEST_CODE", msg("request.codeWrong", {}, "R3"), ["input", "requestCode"]);
}

/** R4, R25: the partner membership through which the user may request managed-store access. */
async function requestingMembership(actor: Actor, user: User, partnerOrganizationId: number | null | undefined) {
  const memberships = await actor.ds.manager.findBy(PartnerMember, {
    userId: user.id,
    status: "ACTIVE",
    ...(partnerOrganizationId ? { partnerOrganizationId } : {}),
  });
  if (!memberships.length) throw new UserFailure("NOT_A_PARTNER", msg("request.notAPartner", {}, "R4"), ["input"]);
  const verdicts = memberships.map((m) => ({ m, v: partnerStoreAccess(m, "MANAGED", null, "ADD_REMOVE") }));
  const allowed = verdicts.find((x) => x.v.allowed);
  if (!allowed)
    throw new UserFailure(
      "PARTNER_ACCESS_DENIED",
      msg("request.partnerAccessDenied", { reason: verdicts[0].v.reason }, verdicts[0].v.reason.rule),
      ["input"],
    );
  return allowed.m;
}

/** R29: the statuses of a live account (a pending request or an active one); a user has at most one per store. */

export async function requestAccess(
  actor: Actor,
  input: {
    storeDomain: string;
    requestCode?: string | null;
    permissions: string[];
    message?: string | null;
    partnerOrganizationId?: number | null;
  },
): Promise<StoreUser> {
  const user = actor.requireViewer().user;
  const store = await actor.ds.manager.findOneBy(Store, { domain: input.storeDomain.trim().toLowerCase() });
  if (!store) throw new UserFailure("NOT_FOUND", msg("request.noStoreWithDomain"), ["input", "storeDomain"]);
  const membership = await requestingMembership(actor, user, input.partnerOrganizationId);
  const { handles, scope } = checkPermissions(input.permissions, ["input", "permissions"]);
  if (scope !== "STORE")
    throw new UserFailure("PERMISSION_SCOPE_MISMATCH", msg("request.storePermissionsOnly"), ["input", "permissions"]);
  const message = input.message?.trim() || null;
  if (message && message.length > 2000)
    throw new UserFailure("INVALID", msg("request.messageTooLong", { max: 2000 }), ["input", "message"]);
  await checkRequestCode(actor, store, user, input.requestCode);
  const now = actor.now();
  const partner = (await actor.ds.manager.findOneBy(PartnerOrganization, { id: membership.partnerOrganizationId }))!;

  try {
    const created = await actor.transaction(async (tx) => {
      const block = await tx.findOneBy(RequestBlock, {
        storeId: store.id,
        partnerOrganizationId: partner.id,
        liftedAt: IsNull(),
      });
      if (block) throw new UserFailure("REQUEST_BLOCKED", msg("request.blocked", {}, "R18"), ["input", "storeDomain"]);
      const live = await tx.findBy(StoreUser, {
        storeId: store.id,
        userId: user.id,
        status: In([...LIVE_STATUSES]),
      });
      await settleExpired(tx, live, now);
      const current = live.find((r) => r.status !== "EXPIRED");
      if (current?.userType === "STAFF")
        throw new UserFailure("ALREADY_STAFF", msg("request.alreadyStaff", {}, "R4"), ["input", "storeDomain"]);
      if (current?.status === "REQUESTED")
        throw new UserFailure("ALREADY_REQUESTED", msg("request.alreadyPending", {}, "R29"), ["input", "storeDomain"]);
      if (current)
        throw new UserFailure("ALREADY_COLLABORATOR", msg("request.alreadyCollaborator", {}, "R29"), [
          "input",
          "storeDomain",
        ]);

      // R6: named after the requester and the store, cut to a role name's 200 characters (two long names do not fit).
      const autoRoleName = [...`${user.name} x ${store.name}`].slice(0, 200).join("");
      const autoRole = await tx.save(
        tx.create(Role, {
          name: autoRoleName,
          scope: "STORE",
          systemKey: null,
          storeId: store.id,
          organizationId: null,
          autoGenerated: true,
        }),
      );
      await replaceRolePermissions(tx, autoRole.id, handles);
      const row = await tx.save(
        newStoreUser({
          storeId: store.id,
          userId: user.id,
          userType: "COLLABORATOR",
          status: "REQUESTED",
          partnerOrganizationId: partner.id,
          requestedPermissions: handles,
          message,
          autoRoleId: autoRole.id,
          createdAt: now,
        }),
      );
      // R25: a member with SPECIFIC managed access gains the stores they request.
      const managed = membership.storeAccess?.MANAGED;
      if (membership.type === "STAFF" && managed?.access === "SPECIFIC" && !managed.storeIds.includes(store.id)) {
        // A new object, not an edit in place: a retried transaction (db/transaction.ts) must see the membership as it was.
        const storeAccess = {
          ...membership.storeAccess,
          MANAGED: { ...managed, storeIds: [...managed.storeIds, store.id] },
        };
        await tx.update(PartnerMember, { id: membership.id }, { storeAccess });
      }
      // R5: the store hears of it by email and on its home.
      const subject = msg("mail.collaboratorRequest.subject", { partner: partner.name, store: store.name });
      const body = msg(message ? "mail.collaboratorRequest.bodyWithMessage" : "mail.collaboratorRequest.body", {
        user: user.name,
        email: user.email,
        partner: partner.name,
        permissions: handles.join(", "),
        message,
      });
      // The store's account email and home are read by its owner: in the owner's language.
      const language = await storeLanguage(tx, store);
      await notify(tx, {
        channel: "EMAIL",
        kind: "collaborator_request",
        recipient: store.email,
        language,
        subject,
        body,
        storeId: store.id,
      });
      await notify(tx, {
        channel: "HOME",
        kind: "collaborator_request",
        recipient: `store:${store.domain}`,
        language,
        subject,
        body,
        storeId: store.id,
      });
      await recordEvent(tx, {
        action: "collaborator.requested",
        actor: user,
        target: collaboratorTarget(user, row),
        storeId: store.id,
        organizationId: store.organizationId,
        partnerOrganizationId: partner.id,
        details: { partnerOrganization: partner.name, permissions: handles, autoRole: autoRole.name, message },
      });
      return row;
    });
    // Committed: subscribers of the store on every instance hear of it (src/realtime).
    collaboratorRequested(actor.ds, store.id, created.id);
    return created;
  } catch (error) {
    // R29: a concurrent request for the same store landed first.
    if (isUniqueViolation(error))
      throw new UserFailure("ALREADY_REQUESTED", msg("request.alreadyPending", {}, "R29"), ["input", "storeDomain"]);
    throw error;
  }
}

/**
 * A collaborator row to decide on (R9), through the gate: a userError NOT_FOUND on `id` when it is
 * missing or hidden, ACCESS_DENIED when the viewer sees it but may not decide (their own request).
 * With its store, the viewer's ability there, its user and its status.
 */
async function collaboratorToDecide(actor: Actor, id: number) {
  const row = await gate.need(actor, "Collaborator", id, "decide", { field: ["id"] });
  const store = (await actor.lookups.store.load(row.storeId))!;
  const ability = await actor.ability(store);
  const user = (await actor.lookups.user.load(row.userId))!;
  return { row, store, ability, user, status: effectiveStatus(row, actor.now()) };
}

/** R29: moves a row from one status to another only if nobody else moved it first. */
async function transition(
  tx: EntityManager,
  row: StoreUser,
  from: StoreUser["status"],
  set: Partial<StoreUser>,
  code: "NOT_PENDING" | "NOT_ACTIVE",
) {
  const result = await tx.update(StoreUser, { id: row.id, status: from }, set);
  if (result.affected !== 1) {
    throw new UserFailure(
      code,
      code === "NOT_PENDING" ? msg("request.notPending", {}, "R29") : msg("request.accountNotActive"),
      ["id"],
    );
  }
}

/** Ends a pending request (R7, R29: only if still pending) and deletes its auto-generated role. */
export async function closeRequest(tx: EntityManager, row: StoreUser, status: "REJECTED" | "WITHDRAWN", now: Date) {
  const fresh = (await tx.findOneBy(StoreUser, { id: row.id }))!;
  await settleExpired(tx, [fresh], now);
  await transition(tx, row, "REQUESTED", { status, endedAt: now, autoRoleId: null }, "NOT_PENDING");
  if (row.autoRoleId !== null) await deleteRole(tx, row.autoRoleId);
}

/** Roles as the audit log tells them: with their permissions, read in one statement. */
async function describeRoles(tx: EntityManager, roles: Role[]) {
  const permissions = await permissionsOfRoles(
    tx,
    roles.map((r) => r.id),
  );
  return roles.map((r) => ({ id: r.id, name: r.name, permissions: permissions.get(r.id)! }));
}

export interface AcceptInput {
  roleIds?: number[] | null;
  autoRole?: { name?: string | null; permissions?: string[] | null } | null;
  dropAutoRole?: boolean | null;
}

/** The checks of accepting that need no transaction: who accepts, and how the input is formed. */
async function checkAcceptance(actor: Actor, id: number, input: AcceptInput) {
  const managed = await collaboratorToDecide(actor, id);
  const keepAuto = !input.dropAutoRole && managed.row.autoRoleId !== null;
  // R10: in an organization, only its owner and administrators edit or accept the auto-generated role.
  if ((keepAuto || input.autoRole) && managed.ability.cannot("editAutoRole", "Store")) {
    throw new UserFailure("AUTO_ROLE_LOCKED", msg("request.autoRoleLocked", {}, "R10"), ["input", "dropAutoRole"]);
  }
  const autoPermissions = input.autoRole?.permissions
    ? checkPermissions(input.autoRole.permissions, ["input", "autoRole", "permissions"])
    : null;
  if (autoPermissions) {
    if (autoPermissions.scope !== "STORE")
      throw new UserFailure("PERMISSION_SCOPE_MISMATCH", msg("request.autoRoleStorePermissionsOnly"), [
        "input",
        "autoRole",
        "permissions",
      ]);
    refuseRoleEscalation(managed.ability, autoPermissions.handles, ["input", "autoRole", "permissions"]);
  }
  const autoName = input.autoRole?.name?.trim();
  if (input.autoRole?.name != null && (!autoName || autoName.length > 200))
    throw new UserFailure("INVALID", msg("role.nameLength"), ["input", "autoRole", "name"]);
  return { ...managed, keepAuto, autoPermissions: autoPermissions?.handles ?? null, autoName: autoName || null };
}

/** R8: a collaborator account holds at least one role, from its acceptance on. */
export const hasRequiredRole = (roles: readonly unknown[]) => roles.length > 0;

/**
 * R8, R11: the roles accepting would assign (the request must still be pending, as `fresh` reads
 * it: the account as just read, or read here); at least one.
 */
async function acceptanceRoles(
  db: EntityManager,
  checked: Awaited<ReturnType<typeof checkAcceptance>>,
  input: AcceptInput,
  now: Date,
  fresh?: StoreUser,
) {
  const { row, store, keepAuto } = checked;
  const current = fresh ?? (await storeUsersById(db, [row.id]))[0];
  if (effectiveStatus(current, now) !== "REQUESTED")
    throw new UserFailure("NOT_PENDING", msg("request.notPending", {}, "R29"), ["id"]);
  const chosen = await collaboratorRoles(
    db,
    store,
    (input.roleIds ?? []).filter((r) => r !== row.autoRoleId),
    ["input", "roleIds"],
  );
  const auto = keepAuto ? ((await rolesById(db, [row.autoRoleId!]))[0] ?? null) : null;
  const roles = [...(auto ? [auto] : []), ...chosen];
  if (!hasRequiredRole(roles))
    throw new UserFailure("ROLE_REQUIRED", msg("request.acceptNeedsRole", {}, "R8"), ["input", "roleIds"]);
  return { fresh: current, auto, chosen, roles };
}

/** What the collaborator could do if accepted with this input: checked as accepting is, changing nothing. */
export async function previewAcceptance(actor: Actor, id: number, input: AcceptInput) {
  const checked = await checkAcceptance(actor, id, input);
  const db = actor.ds.manager;
  const { auto, chosen } = await acceptanceRoles(db, checked, input, actor.now());
  const held = await permissionsOfRoles(
    db,
    [...(auto ? [auto] : []), ...chosen].map((r) => r.id),
  );
  const roles = [
    ...(auto
      ? [
          {
            role: auto,
            name: checked.autoName ?? auto.name,
            permissions: checked.autoPermissions ?? held.get(auto.id)!,
          },
        ]
      : []),
    ...chosen.map((role) => ({ role, name: role.name, permissions: held.get(role.id)! })),
  ];
  const permissions = [...new Set(roles.flatMap((r) => r.permissions))].sort();
  const requested = new Set(checked.row.requestedPermissions ?? []);
  return {
    collaborator: checked.row,
    roles,
    permissions,
    beyondRequested: permissions.filter((p) => !requested.has(p)),
  };
}

export async function acceptRequest(actor: Actor, id: number, input: AcceptInput): Promise<StoreUser> {
  const checked = await checkAcceptance(actor, id, input);
  const { row, store, user, autoName, autoPermissions } = checked;
  const actingUser = actor.requireViewer().user;
  const now = actor.now();

  // Every statement prepared, with parameters (src/db/hot-reads.ts, src/db/hot-writes.ts), and
  // nothing read twice: the account is read once, and written with RETURNING what it became.
  return actor.transaction(async (tx) => {
    const [fresh] = await storeUsersById(tx, [row.id]);
    await settleExpired(tx, [fresh], now);
    const { auto, roles } = await acceptanceRoles(tx, checked, input, now, fresh);
    // R29: only if nobody else moved it first.
    const accepted = await acceptStoreUser(tx, row.id, now, !auto);
    if (!accepted) throw new UserFailure("NOT_PENDING", msg("request.notPending", {}, "R29"), ["id"]);
    if (auto) {
      // R6: renamed or edited before acceptance; a name clash never blocks.
      if (autoName) await renameRole(tx, auto.id, autoName);
      if (autoPermissions) await replaceRolePermissions(tx, auto.id, autoPermissions);
      if (autoName) auto.name = autoName;
    } else if (row.autoRoleId !== null) {
      await deleteRole(tx, row.autoRoleId);
    }
    await replaceStoreUserRoles(
      tx,
      row.id,
      roles.map((r) => r.id),
    );
    await notify(tx, {
      channel: "EMAIL",
      kind: "collaborator_accepted",
      recipient: user.email,
      userId: user.id,
      storeId: store.id,
      language: recipientLocale(user),
      subject: msg("mail.requestAccepted.subject", { store: store.name }),
      body: msg("mail.requestAccepted.body", { store: store.name, domain: store.domain }),
    });
    await recordEvent(tx, {
      action: "collaborator.accepted",
      actor: actingUser,
      target: collaboratorTarget(user, row),
      storeId: store.id,
      organizationId: store.organizationId,
      partnerOrganizationId: row.partnerOrganizationId,
      details: { roles: await describeRoles(tx, roles), autoRoleDropped: !auto },
    });
    actor.lookups.storeUser.clear(row.id);
    actor.invalidateAccess();
    return accepted;
  });
}

export async function rejectRequest(actor: Actor, id: number): Promise<StoreUser> {
  const { row, store, user } = await collaboratorToDecide(actor, id);
  const actingUser = actor.requireViewer().user;
  const now = actor.now();
  return actor.transaction(async (tx) => {
    await closeRequest(tx, row, "REJECTED", now); // R15: its auto-generated role goes with it
    const partnerOrganizationId = row.partnerOrganizationId!;
    // R18: the partner organization is blocked from this store until support lifts it.
    const blocked = await tx.countBy(RequestBlock, { storeId: store.id, partnerOrganizationId, liftedAt: IsNull() });
    if (!blocked)
      await tx.insert(RequestBlock, {
        storeId: store.id,
        partnerOrganizationId,
        rejectedStoreUserId: row.id,
        createdAt: now,
        liftedAt: null,
        liftedById: null,
      });
    await notify(tx, {
      channel: "EMAIL",
      kind: "collaborator_rejected",
      recipient: user.email,
      userId: user.id,
      storeId: store.id,
      language: recipientLocale(user),
      subject: msg("mail.requestDeclined.subject", { store: store.name }),
      body: msg("mail.requestDeclined.body", { store: store.name }),
    });
    await recordEvent(tx, {
      action: "collaborator.rejected",
      actor: actingUser,
      target: collaboratorTarget(user, row),
      storeId: store.id,
      organizationId: store.organizationId,
      partnerOrganizationId,
      details: { blockedPartnerOrganizationId: partnerOrganizationId },
    });
    actor.lookups.storeUser.clear(row.id);
    return (await tx.findOneBy(StoreUser, { id: row.id }))!;
  });
}

export async function withdrawRequest(actor: Actor, id: number): Promise<StoreUser> {
  // R29: the requester's own request; those who decide on it see it and are refused (ACCESS_DENIED).
  const row = await gate.need(actor, "Collaborator", id, "withdraw", { field: ["id"] });
  const user = actor.requireViewer().user;
  const store = (await actor.lookups.store.load(row.storeId))!;
  const now = actor.now();
  return actor.transaction(async (tx) => {
    await closeRequest(tx, row, "WITHDRAWN", now);
    await recordEvent(tx, {
      action: "collaborator.withdrawn",
      actor: user,
      target: collaboratorTarget(user, row),
      storeId: store.id,
      organizationId: store.organizationId,
      partnerOrganizationId: row.partnerOrganizationId,
    });
    actor.lookups.storeUser.clear(row.id);
    return (await tx.findOneBy(StoreUser, { id: row.id }))!;
  });
}

/** R16: asks the remover's password; permanent; the name stays in the log. */
export async function removeCollaborator(actor: Actor, id: number, password: string): Promise<StoreUser> {
  const { row, store, user, status } = await collaboratorToDecide(actor, id);
  const actingUser = actor.requireViewer().user;
  // Only once the viewer may remove it: the password, counted as a sign-in of the account (a wrong
  // one is a failure; the 5th locks for 15 minutes), so a stolen session is no password oracle.
  await checkOwnPassword(actor, actingUser, password, msg("collaborator.removeNeedsPassword", {}, "R16"), ["password"]);
  if (status !== "ACTIVE" && status !== "EXPIRED")
    throw new UserFailure("NOT_ACTIVE", msg("collaborator.removeOnlyActive"), ["id"]);
  const now = actor.now();
  return actor.transaction(async (tx) => {
    const result = await tx.update(
      StoreUser,
      { id: row.id, status: In(["ACTIVE", "EXPIRED"]) },
      { status: "REMOVED", endedAt: now },
    );
    if (result.affected !== 1) throw new UserFailure("NOT_ACTIVE", msg("collaborator.alreadyRemoved"), ["id"]);
    const roles = await tx.findBy(Role, {
      id: In((await tx.findBy(StoreUserRole, { storeUserId: row.id })).map((l) => l.roleId)),
    });
    await recordEvent(tx, {
      action: "collaborator.removed",
      actor: actingUser,
      target: collaboratorTarget(user, row),
      storeId: store.id,
      organizationId: store.organizationId,
      partnerOrganizationId: row.partnerOrganizationId,
      details: { email: user.email, roles: roles.map((r) => r.name) },
    });
    actor.lookups.storeUser.clear(row.id);
    actor.invalidateAccess();
    return (await tx.findOneBy(StoreUser, { id: row.id }))!;
  });
}

/** R20: an active collaborator's roles change at any time, by those of R9 (R10 for what they assign). */
export async function setCollaboratorRoles(actor: Actor, id: number, roleIds: number[]): Promise<StoreUser> {
  const { row, store, user, status } = await collaboratorToDecide(actor, id);
  if (status !== "ACTIVE") throw new UserFailure("NOT_ACTIVE", msg("collaborator.rolesOnActiveOnly"), ["id"]);
  const actingUser = actor.requireViewer().user;
  return actor.transaction(async (tx) => {
    const roles = await collaboratorRoles(tx, store, roleIds, ["roleIds"]);
    if (!hasRequiredRole(roles)) throw new UserFailure("ROLE_REQUIRED", msg("collaborator.keepsOneRole"), ["roleIds"]);
    const before = await tx.findBy(Role, {
      id: In((await tx.findBy(StoreUserRole, { storeUserId: row.id })).map((l) => l.roleId)),
    });
    await replaceStoreUserRoles(
      tx,
      row.id,
      roles.map((r) => r.id),
    );
    await recordEvent(tx, {
      action: "collaborator.roles_set",
      actor: actingUser,
      target: collaboratorTarget(user, row),
      storeId: store.id,
      organizationId: store.organizationId,
      partnerOrganizationId: row.partnerOrganizationId,
      details: { before: before.map((r) => r.name), after: roles.map((r) => r.name) },
    });
    actor.lookups.rolesOfStoreUser.clear(row.id);
    actor.invalidateAccess();
    return row;
  });
}

/** R14: one organization store role onto every active collaborator account in the organization's stores. */
export async function assignRoleToOrganizationCollaborators(actor: Actor, organizationId: number, roleId: number) {
  const actingUser = actor.requireViewer().user;
  const organization = await gate.need(actor, "Organization", organizationId, "manageCollaborators", {
    field: ["organizationId"],
    denied: msg("denied.assignAcrossStores", {}, "R14"),
  });
  const now = actor.now();
  return actor.transaction(async (tx) => {
    const role = await tx.findOneBy(Role, { id: roleId });
    if (!role || (role.organizationId !== organization.id && !role.systemKey))
      throw new UserFailure("NOT_FOUND", msg("role.notInOrganization"), ["roleId"]);
    if (!assignableToCollaborator(role))
      throw new UserFailure(
        "ROLE_NOT_ASSIGNABLE",
        msg("collaborator.roleNeverAssignable", { role: roleName(role) }, "R11"),
        ["roleId"],
      );
    const stores = await tx.findBy(Store, { organizationId: organization.id });
    const rows = stores.length
      ? await tx.findBy(StoreUser, { storeId: In(stores.map((s) => s.id)), userType: "COLLABORATOR", status: "ACTIVE" })
      : [];
    const active = rows.filter((r) => effectiveStatus(r, now) === "ACTIVE");
    const have = new Set((await tx.findBy(StoreUserRole, { roleId: role.id })).map((l) => l.storeUserId));
    const missing = active.filter((r) => !have.has(r.id));
    if (missing.length)
      await tx.insert(
        StoreUserRole,
        missing.map((r) => ({ storeUserId: r.id, roleId: role.id })),
      );
    await recordEvent(tx, {
      action: "organization.collaborators_role_assigned",
      actor: actingUser,
      target: { type: "Role", id: role.id, name: role.name },
      organizationId: organization.id,
      details: { collaboratorAccounts: missing.map((r) => r.id), alreadyHeld: active.length - missing.length },
    });
    actor.invalidateAccess();
    return { organization, role, assignedCount: missing.length };
  });
}

/**
 * A collaborator's read of the store is a login to it (R17: lastLoginAt); through the mobile app it
 * needs an earlier login through the partner dashboard (R19).
 */
export async function recordCollaboratorLogin(actor: Actor, row: StoreUser): Promise<void> {
  const client = actor.requireViewer().session.client;
  if (client === "MOBILE_APP" && !row.dashboardLoginAt) {
    throw accessDenied(msg("denied.mobileAppBeforeDashboard", {}, "R19"));
  }
  const now = actor.now();
  const set: Partial<StoreUser> = {
    lastLoginAt: now,
    ...(client === "PARTNER_DASHBOARD" && !row.dashboardLoginAt ? { dashboardLoginAt: now } : {}),
  };
  await actor.transaction((tx) => tx.update(StoreUser, { id: row.id }, set));
  Object.assign(row, set);
}
