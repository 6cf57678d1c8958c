// A partner organization's team (R22-R27): invitations and their acceptance, each member's type,
// sensitive permissions and store access, removal, and a store's team page (R26).
//
// Every write locks the organization's row first (PostgreSQL; SQLite writes queue anyway) and
// re-reads the member it changes, so that checks such as "the last owner" (R22) hold however many
// changes arrive at once. Invitation tokens leave the server once, in the invitation email; only
// their SHA-256 is kept.
import { randomBytes } from "node:crypto";
import { EntityManager, In } from "typeorm";
import * as gate from "../../authz/gate";
import { partnerPermission, PartnerStanding } from "../../authz/partner-ability";
import { partnerStoreAccess } from "../../authz/partner-access";
import { DAY_MS } from "../../clock";
import type { Actor } from "../../authz/actor";
import { isUniqueViolation } from "../../db/transaction";
import { recordEvent } from "../audit/audit.service";
import { StoreUser } from "../collaborators/store-user.entity";
import { accessDenied, unauthenticated, UserFailure } from "../errors";
import { notify } from "../notifications/outbox";
import { Store, StoreType } from "../stores/store.entity";
import { checkPasswordStrength } from "../users/account.service";
import { hashToken, isValidEmail, normalizeEmail } from "../users/auth.service";
import { hashPassword } from "../users/passwords";
import { User } from "../users/user.entity";
import {
  ACTIONS_BY_STORE_TYPE,
  actionsAllowedWith,
  isStoreTypeAction,
  PARTNER_PERMISSIONS,
  storesAllowedWith,
  storeTypeOffered,
} from "./partner-permissions";
import { partnerOrganizationStore, partnerOrganizationStores } from "./partner-organization-stores";
import { reachablePartnerStoreIds } from "./partner-store.service";
import {
  AccessLevel,
  PartnerMember,
  PartnerMemberType,
  StoreAccessMap,
  PartnerStoreAction,
} from "./partner-member.entity";
import { PartnerOrganization } from "./partner-organization.entity";
import { msg, type Message } from "../../i18n";
import { recipientLocale } from "../../i18n";

/** R27: an invitation can be accepted for 7 days. */
export const INVITATION_TTL_MS = 7 * DAY_MS;

export interface StoreTypeAccessInput {
  storeType: StoreType;
  access: AccessLevel;
  storeIds?: number[] | null;
  actions?: PartnerStoreAction[] | null;
}

/** What can change of a member; what is not given stays as it is (store access per store type given). */
export interface MemberSettingsInput {
  type?: PartnerMemberType | null;
  permissions?: string[] | null;
  storeAccess?: StoreTypeAccessInput[] | null;
}

export interface MemberInviteInput extends MemberSettingsInput {
  partnerOrganizationId: number;
  email: string;
  type: PartnerMemberType;
}

// ---- visibility and authorization --------------------------------------------------------------

const noMember = (field: string[]) => new UserFailure("NOT_FOUND", msg("partnerMember.notFound"), field);

/** A partner organization the viewer may see (the gate), with their standing there. */
async function organizationStanding(actor: Actor, id: number, field: string[]): Promise<PartnerStanding> {
  const organization = await gate.need(actor, "PartnerOrganization", id, "read", { field });
  return actor.partnerStanding(organization);
}

/** A member of an organization the viewer may see (the gate), with the viewer's standing there. */
async function memberStanding(actor: Actor, id: number) {
  const member = await gate.need(actor, "PartnerMember", id, "read", { field: ["id"] });
  const organization = (await actor.lookups.partnerOrganization.load(member.partnerOrganizationId))!;
  return { member, standing: await actor.partnerStanding(organization) };
}

/**
 * R22, R26 through the gate: members are managed by owners and staff with manage_members
 * (manageMembers); anything touching an owner by owners only (manageOwners). ACCESS_DENIED otherwise.
 */
async function needTeamManager(actor: Actor, standing: PartnerStanding, touchesOwner: boolean) {
  await gate.needOn(actor, "PartnerOrganization", standing.organization, "manageMembers");
  if (touchesOwner) await gate.needOn(actor, "PartnerOrganization", standing.organization, "manageOwners");
}

/** Serializes the writes of one organization's team (PostgreSQL; SQLite has one writer). */
async function lockOrganization(tx: EntityManager, id: number) {
  if (tx.connection.options.type === "postgres")
    await tx.query(`SELECT "id" FROM "partner_organizations" WHERE "id" = $1 FOR UPDATE`, [id]);
}

/** The member, freshly read inside the transaction; gone means it reads as missing. */
async function currentMember(tx: EntityManager, id: number) {
  const member = await tx.findOneBy(PartnerMember, { id });
  if (!member) throw noMember(["id"]);
  return member;
}

/** R22: a partner organization always keeps at least one active owner. */
export const keepsAnOwner = (activeOwners: number) => activeOwners >= 1;

/** R22: the last active owner can never be removed or demoted. */
async function refuseLastOwner(tx: EntityManager, member: PartnerMember, what: "removed" | "demoted") {
  if (member.type !== "OWNER" || member.status !== "ACTIVE") return;
  const owners = await tx.countBy(PartnerMember, {
    partnerOrganizationId: member.partnerOrganizationId,
    type: "OWNER",
    status: "ACTIVE",
  });
  if (!keepsAnOwner(owners - 1))
    throw new UserFailure("LAST_OWNER", msg("partnerMember.lastOwner", { what }, "R22"), ["id"]);
}

// ---- what a member holds (R22-R25) -------------------------------------------------------------

/** R23: known handles only (the entry at fault is named), without repeats, sorted. */
function checkPartnerPermissions(handles: string[], field: string[]): string[] {
  handles.forEach((handle, i) => {
    if (!(PARTNER_PERMISSIONS as readonly string[]).includes(handle)) {
      throw new UserFailure(
        "UNKNOWN_PARTNER_PERMISSION",
        msg("partnerMember.unknownPermission", { handle, handles: PARTNER_PERMISSIONS.join(", ") }, "R23"),
        [...field, String(i)],
      );
    }
  });
  return [...new Set(handles)].sort();
}

/** R23: nobody grants a partner permission they do not hold (owners hold them all); taking one away is no escalation. */
function refusePartnerPermissionEscalation(
  standing: PartnerStanding,
  permissions: string[],
  before: string[],
  field: string[],
) {
  const missing = permissions.filter(
    (h) => !before.includes(h) && standing.ability.cannot("grantPermission", partnerPermission(h)),
  );
  if (missing.length)
    throw new UserFailure("ESCALATION", msg("partnerMember.escalation", { handles: missing.join(", ") }, "R23"), field);
}

/** R24, R25: each store type's access, its actions and (SPECIFIC) its stores, which must be the organization's. */
async function checkStoreAccess(
  db: EntityManager,
  organization: PartnerOrganization,
  entries: StoreTypeAccessInput[],
  field: string[],
): Promise<StoreAccessMap> {
  const checked: StoreAccessMap = {};
  for (const [i, entry] of entries.entries()) {
    const at = [...field, String(i)];
    const { storeType, access } = entry;
    const invalid = (message: Message, ...path: string[]) =>
      new UserFailure("INVALID_STORE_ACCESS", message, [...at, ...path]);
    if (checked[storeType]) throw invalid(msg("partnerMember.accessGivenTwice", { storeType }, "R24"), "storeType");
    if (!storeTypeOffered(storeType, organization)) {
      throw new UserFailure("PLUS_ONLY", msg("partnerMember.plusAccessOnly", {}, "R24"), [...at, "storeType"]);
    }
    const actions = entry.actions ?? [];
    const storeIds = entry.storeIds ?? [];
    if (!actionsAllowedWith(access, actions))
      throw invalid(
        msg("partnerMember.actionsNeedAccess", { storeType: msg(`storeType.${storeType}`) }, "R25"),
        "actions",
      );
    actions.forEach((action, j) => {
      if (!isStoreTypeAction(storeType, action)) {
        throw invalid(
          msg(
            "partnerMember.notAnAction",
            { action, storeType: msg(`storeType.${storeType}`), actions: ACTIONS_BY_STORE_TYPE[storeType].join(", ") },
            "R25",
          ),
          "actions",
          String(j),
        );
      }
    });
    if (!storesAllowedWith(access, storeIds))
      throw invalid(msg("partnerMember.storesOnlyForSpecific", { access }, "R24"), "storeIds");
    if (storeIds.length) {
      const own = new Set((await partnerOrganizationStores(db, organization.id, storeType)).map((s) => s.id));
      storeIds.forEach((id, j) => {
        if (!own.has(id)) {
          throw new UserFailure(
            "STORE_NOT_IN_ORGANIZATION",
            msg("partnerMember.noStoreOfType", {
              organization: organization.name,
              storeType: msg(`storeType.${storeType}`),
            }),
            [...at, "storeIds", String(j)],
          );
        }
      });
    }
    checked[storeType] = {
      access,
      storeIds: access === "SPECIFIC" ? [...new Set(storeIds)] : [],
      actions: ACTIONS_BY_STORE_TYPE[storeType].filter((a) => actions.includes(a)),
    };
  }
  return checked;
}

/**
 * What a member of this type stores (R22-R25): owners nothing (they see and do everything);
 * staff their permissions and store access, checked, over what `current` (a staff member) held.
 */
async function memberSettings(
  db: EntityManager,
  standing: PartnerStanding,
  type: PartnerMemberType,
  input: MemberSettingsInput,
  current: PartnerMember | null,
): Promise<Pick<PartnerMember, "permissions" | "storeAccess">> {
  if (type === "OWNER") {
    const given = input.permissions?.length ? "permissions" : input.storeAccess?.length ? "storeAccess" : null;
    if (given) throw new UserFailure("INVALID", msg("partnerMember.ownersDoEverything", {}, "R22"), ["input", given]);
    return { permissions: [], storeAccess: {} };
  }
  const staff = current?.type === "STAFF" ? current : null;
  const before = staff?.permissions ?? [];
  const permissions = input.permissions ? checkPartnerPermissions(input.permissions, ["input", "permissions"]) : before;
  refusePartnerPermissionEscalation(standing, permissions, before, ["input", "permissions"]);
  const changed = input.storeAccess
    ? await checkStoreAccess(db, standing.organization, input.storeAccess, ["input", "storeAccess"])
    : {};
  return { permissions, storeAccess: { ...(staff?.storeAccess ?? {}), ...changed } };
}

// ---- audit and email ---------------------------------------------------------------------------

async function memberTarget(db: EntityManager, member: PartnerMember) {
  const user = member.userId ? await db.findOneBy(User, { id: member.userId }) : null;
  return { type: "PartnerMember", id: member.id, name: user?.name ?? member.invitedEmail ?? `member ${member.id}` };
}

/** What the audit log keeps of a member, before and after a change. */
const settingsOf = (m: PartnerMember) => ({
  status: m.status,
  type: m.type,
  permissions: m.permissions,
  storeAccess: m.storeAccess,
});

async function audit(
  tx: EntityManager,
  action: string,
  actor: User,
  member: PartnerMember,
  details: Record<string, unknown>,
) {
  await recordEvent(tx, {
    action,
    actor,
    target: await memberTarget(tx, member),
    partnerOrganizationId: member.partnerOrganizationId,
    details,
  });
}

const newInvitationToken = () => randomBytes(32).toString("base64url");

/** R27: the invitation email, with the token (its only copy) in the body. */
async function sendInvitation(
  tx: EntityManager,
  organization: PartnerOrganization,
  member: PartnerMember,
  actor: User,
  token: string,
) {
  // The invitee's language when they have an account; else the inviter's (their best guess).
  const invitee = await tx.findOne(User, {
    where: { email: member.invitedEmail! },
    select: { id: true, preferredLanguage: true },
  });
  const language = recipientLocale(invitee ?? actor);
  await notify(tx, {
    channel: "EMAIL",
    kind: "partner_invitation",
    recipient: member.invitedEmail!,
    userId: member.userId,
    language,
    subject: msg("mail.partnerInvitation.subject", { inviter: actor.name, organization: organization.name }),
    body: msg("mail.partnerInvitation.body", {
      inviter: actor.name,
      organization: organization.name,
      type: member.type,
      token,
      expiresAt: member.invitationExpiresAt!,
    }),
  });
}

// ---- the operations ----------------------------------------------------------------------------

/** R27: invites an email as owner or staff (with permissions and store access); the invitee accepts within 7 days. */
export async function inviteMember(actor: Actor, input: MemberInviteInput): Promise<PartnerMember> {
  const actingUser = actor.requireViewer().user;
  const standing = await organizationStanding(actor, input.partnerOrganizationId, ["input", "partnerOrganizationId"]);
  const { organization } = standing;
  await needTeamManager(actor, standing, input.type === "OWNER");
  const email = normalizeEmail(input.email);
  if (!isValidEmail(email))
    throw new UserFailure("INVALID_EMAIL", msg("partnerMember.invalidEmail", { email: JSON.stringify(input.email) }), [
      "input",
      "email",
    ]);
  const alreadyMember = () =>
    new UserFailure("ALREADY_MEMBER", msg("partnerMember.alreadyMember", { email, organization: organization.name }), [
      "input",
      "email",
    ]);
  const invitee = await actor.ds.manager.findOneBy(User, { email });
  const now = actor.now();
  const token = newInvitationToken();

  try {
    const member = await actor.transaction(async (tx) => {
      await lockOrganization(tx, organization.id);
      const taken = await tx.exists(PartnerMember, {
        where: [
          { partnerOrganizationId: organization.id, status: "INVITED", invitedEmail: email },
          ...(invitee ? [{ partnerOrganizationId: organization.id, userId: invitee.id }] : []),
        ],
      });
      if (taken) throw alreadyMember();
      const settings = await memberSettings(tx, standing, input.type, input, null);
      const member = await tx.save(
        tx.create(PartnerMember, {
          partnerOrganizationId: organization.id,
          userId: invitee?.id ?? null,
          status: "INVITED",
          type: input.type,
          ...settings,
          invitedEmail: email,
          invitedById: actingUser.id,
          invitationTokenHash: hashToken(token),
          invitationExpiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
          joinedAt: null,
          createdAt: now,
        }),
      );
      await sendInvitation(tx, organization, member, actingUser, token);
      await audit(tx, "partner_member.invited", actingUser, member, { email, before: null, after: settingsOf(member) });
      return member;
    });
    return member;
  } catch (error) {
    // An invitation of the same email (or a membership of the same user) landed first.
    if (isUniqueViolation(error)) throw alreadyMember();
    throw error;
  }
}

/** R22-R26: changes a member's type, permissions and store access (store access per store type given). */
export async function updateMember(actor: Actor, id: number, input: MemberSettingsInput): Promise<PartnerMember> {
  const actingUser = actor.requireViewer().user;
  const { member: seen, standing } = await memberStanding(actor, id);
  const touchesOwner = (m: PartnerMember) => m.type === "OWNER" || input.type === "OWNER";
  await needTeamManager(actor, standing, touchesOwner(seen));

  const updated = await actor.transaction(async (tx) => {
    await lockOrganization(tx, seen.partnerOrganizationId);
    const member = await currentMember(tx, id);
    await needTeamManager(actor, standing, touchesOwner(member));
    const type = input.type ?? member.type;
    const settings = await memberSettings(tx, standing, type, input, member);
    if (type === "STAFF") await refuseLastOwner(tx, member, "demoted");
    const after = Object.assign(new PartnerMember(), member, { type, ...settings });
    await tx.update(PartnerMember, { id }, { type, ...settings });
    await audit(
      tx,
      type !== member.type
        ? type === "OWNER"
          ? "partner_member.promoted"
          : "partner_member.demoted"
        : "partner_member.updated",
      actingUser,
      member,
      {
        before: settingsOf(member),
        after: settingsOf(after),
      },
    );
    return after;
  });
  actor.invalidateAccess();
  return updated;
}

/**
 * R24, R27: a member leaving the organization keeps no account on its own development and Plus
 * sandbox stores (the staff account made for a store's creator ends). Their access there was the
 * partner side's alone, which now says no, as it does to a member whose access is NONE.
 */
async function leaveOwnedStores(tx: EntityManager, member: PartnerMember, now: Date) {
  if (!member.userId) return;
  const owned = await tx.find(Store, {
    where: { partnerOrganizationId: member.partnerOrganizationId },
    select: { id: true },
  });
  if (!owned.length) return;
  await tx.update(
    StoreUser,
    { storeId: In(owned.map((s) => s.id)), userId: member.userId, userType: "STAFF", status: "ACTIVE" },
    { status: "REMOVED", endedAt: now },
  );
}

/** R27: removes a member (or a pending invitation); their collaborator accounts lose the partner side at once. */
export async function removeMember(actor: Actor, id: number): Promise<PartnerOrganization> {
  const actingUser = actor.requireViewer().user;
  const { member: seen, standing } = await memberStanding(actor, id);
  await needTeamManager(actor, standing, seen.type === "OWNER");
  await actor.transaction(async (tx) => {
    await lockOrganization(tx, seen.partnerOrganizationId);
    const member = await currentMember(tx, id);
    await needTeamManager(actor, standing, member.type === "OWNER");
    await refuseLastOwner(tx, member, "removed");
    await tx.delete(PartnerMember, { id });
    await leaveOwnedStores(tx, member, actor.now());
    await audit(tx, "partner_member.removed", actingUser, member, {
      email: member.invitedEmail,
      before: settingsOf(member),
      after: null,
    });
  });
  actor.invalidateAccess();
  return standing.organization;
}

/** A pending invitation the viewer manages (INVITATION_NOT_PENDING once accepted). */
async function pendingInvitation(actor: Actor, tx: EntityManager, standing: PartnerStanding, id: number) {
  const member = await currentMember(tx, id);
  await needTeamManager(actor, standing, member.type === "OWNER");
  if (member.status !== "INVITED")
    throw new UserFailure("INVITATION_NOT_PENDING", msg("partnerMember.alreadyAccepted", {}, "R27"), ["id"]);
  return member;
}

/** R27: a new token and 7 more days, in a new email; the old token stops working. */
export async function resendInvitation(actor: Actor, id: number): Promise<PartnerMember> {
  const actingUser = actor.requireViewer().user;
  const { member: seen, standing } = await memberStanding(actor, id);
  await needTeamManager(actor, standing, seen.type === "OWNER");
  const token = newInvitationToken();
  const expiresAt = new Date(actor.now().getTime() + INVITATION_TTL_MS);
  return actor.transaction(async (tx) => {
    await lockOrganization(tx, seen.partnerOrganizationId);
    const member = await pendingInvitation(actor, tx, standing, id);
    const before = member.invitationExpiresAt;
    await tx.update(PartnerMember, { id }, { invitationTokenHash: hashToken(token), invitationExpiresAt: expiresAt });
    const after = Object.assign(new PartnerMember(), member, {
      invitationTokenHash: hashToken(token),
      invitationExpiresAt: expiresAt,
    });
    await sendInvitation(tx, standing.organization, after, actingUser, token);
    await audit(tx, "partner_member.invitation_resent", actingUser, member, {
      email: member.invitedEmail,
      before: { invitationExpiresAt: before?.toISOString() ?? null },
      after: { invitationExpiresAt: expiresAt.toISOString() },
    });
    return after;
  });
}

/** R27: withdraws a pending invitation; its token stops working. */
export async function revokeInvitation(actor: Actor, id: number): Promise<PartnerOrganization> {
  const actingUser = actor.requireViewer().user;
  const { member: seen, standing } = await memberStanding(actor, id);
  await needTeamManager(actor, standing, seen.type === "OWNER");
  await actor.transaction(async (tx) => {
    await lockOrganization(tx, seen.partnerOrganizationId);
    const member = await pendingInvitation(actor, tx, standing, id);
    await tx.delete(PartnerMember, { id });
    await audit(tx, "partner_member.invitation_revoked", actingUser, member, {
      email: member.invitedEmail,
      before: settingsOf(member),
      after: null,
    });
  });
  return standing.organization;
}

/**
 * R27: the invitee joins. Signed in, the viewer's email must be the invited one; without a
 * session, an email with no account yet gets one (name and password), and an email with an
 * account must sign in first.
 */
export async function acceptInvitation(
  actor: Actor,
  input: { token: string; name?: string | null; password?: string | null },
): Promise<PartnerMember> {
  const invalid = () =>
    new UserFailure("INVALID_TOKEN", msg("partnerMember.invitationUnknown", {}, "R27"), ["input", "token"]);
  const hash = hashToken(input.token.trim());
  const invitation = await actor.ds.manager.findOneBy(PartnerMember, { invitationTokenHash: hash, status: "INVITED" });
  if (!invitation) throw invalid();
  const now = actor.now();
  if (invitation.invitationExpiresAt!.getTime() <= now.getTime()) {
    throw new UserFailure("INVITATION_EXPIRED", msg("partnerMember.invitationExpired", {}, "R27"), ["input", "token"]);
  }
  const email = invitation.invitedEmail!;
  const viewer = actor.viewer?.user ?? null;
  let account: { name: string; passwordHash: string } | null = null;
  if (viewer) {
    if (viewer.email !== email) throw accessDenied(msg("denied.otherInvitationEmail", {}, "R27"));
  } else {
    if (await actor.ds.manager.existsBy(User, { email })) throw unauthenticated();
    const name = input.name?.trim() ?? "";
    if (!name || name.length > 200) throw new UserFailure("INVALID", msg("partnerMember.giveName"), ["input", "name"]);
    const password = input.password ?? "";
    checkPasswordStrength(password, email, ["input", "password"]);
    account = { name, passwordHash: await hashPassword(password) };
  }

  try {
    const joined = await actor.transaction(async (tx) => {
      await lockOrganization(tx, invitation.partnerOrganizationId);
      const member = await tx.findOneBy(PartnerMember, {
        id: invitation.id,
        invitationTokenHash: hash,
        status: "INVITED",
      });
      if (!member) throw invalid();
      const user =
        viewer ??
        (await tx.save(
          tx.create(User, {
            email,
            ...account!,
            platformSupport: false,
            totpSecret: null,
            totpPendingSecret: null,
            totpEnabledAt: null,
            passwordChangedAt: null,
            createdAt: now,
          }),
        ));
      const changes = {
        status: "ACTIVE" as const,
        userId: user.id,
        invitationTokenHash: null,
        invitationExpiresAt: null,
        joinedAt: now,
      };
      await tx.update(PartnerMember, { id: member.id }, changes);
      if (!viewer) {
        await recordEvent(tx, {
          action: "user.created",
          actor: user,
          target: { type: "User", id: user.id, name: user.name },
          details: { via: "partner_invitation" },
        });
      }
      await recordEvent(tx, {
        action: "partner_member.joined",
        actor: user,
        target: { type: "PartnerMember", id: member.id, name: user.name },
        partnerOrganizationId: member.partnerOrganizationId,
        details: { email, newUser: !viewer, before: { status: "INVITED" }, after: { status: "ACTIVE" } },
      });
      return Object.assign(new PartnerMember(), member, changes);
    });
    actor.invalidateAccess();
    return joined;
  } catch (error) {
    // The email got an account, or the user a membership, between the checks and the writes.
    if (isUniqueViolation(error)) throw invalid();
    throw error;
  }
}

/** R24: the members (active and invited) whose store access covers this store of the organization. */
export async function storeTeam(db: EntityManager, organizationId: number, store: Store): Promise<PartnerMember[]> {
  const members = await db.find(PartnerMember, {
    where: { partnerOrganizationId: organizationId },
    order: { id: "ASC" },
  });
  return members.filter((m) => partnerStoreAccess(m, store.storeType, store.id).allowed);
}

/** One of the organization's stores (R24), or null. */
export async function organizationStore(
  db: EntityManager,
  organizationId: number,
  storeId: number,
): Promise<Store | null> {
  return partnerOrganizationStore(db, organizationId, storeId);
}

/**
 * R26: the store's team page. Adds the store to (or takes it from) the SPECIFIC list of staff
 * members for the store's type; a member with ALL or NONE access, or an owner, has no list.
 */
export async function updateStoreTeam(
  actor: Actor,
  input: { partnerOrganizationId: number; storeId: number; addMemberIds: number[]; removeMemberIds: number[] },
): Promise<{ store: Store; team: PartnerMember[] }> {
  const actingUser = actor.requireViewer().user;
  const standing = await organizationStanding(actor, input.partnerOrganizationId, ["input", "partnerOrganizationId"]);
  const { organization } = standing;
  await needTeamManager(actor, standing, false);
  input.removeMemberIds.forEach((id, i) => {
    if (input.addMemberIds.includes(id))
      throw new UserFailure("INVALID", msg("partnerMember.addOrRemove"), ["input", "removeMemberIds", String(i)]);
  });

  const result = await actor.transaction(async (tx) => {
    await lockOrganization(tx, organization.id);
    const store = await organizationStore(tx, organization.id, input.storeId);
    if (!store)
      throw new UserFailure(
        "STORE_NOT_IN_ORGANIZATION",
        msg("partnerMember.noStore", { organization: organization.name }),
        ["input", "storeId"],
      );
    const ids = [...input.addMemberIds, ...input.removeMemberIds];
    const rows = ids.length
      ? await tx.findBy(PartnerMember, { id: In(ids), partnerOrganizationId: organization.id })
      : [];
    const users = new Map(
      (await tx.findBy(User, { id: In(rows.map((r) => r.userId).filter((u): u is number => u !== null)) })).map((u) => [
        u.id,
        u,
      ]),
    );
    const nameOf = (m: PartnerMember) =>
      (m.userId ? users.get(m.userId)?.name : null) ?? m.invitedEmail ?? `member ${m.id}`;

    const changes: { member: PartnerMember; storeIds: number[] }[] = [];
    for (const [list, field, add] of [
      [input.addMemberIds, "addMemberIds", true],
      [input.removeMemberIds, "removeMemberIds", false],
    ] as const) {
      list.forEach((id, i) => {
        const at = ["input", field, String(i)];
        const member = rows.find((r) => r.id === id);
        if (!member)
          throw new UserFailure("NOT_FOUND", msg("partnerMember.noMember", { organization: organization.name }), at);
        if (member.type === "OWNER")
          throw new UserFailure(
            "INVALID_STORE_ACCESS",
            msg("partnerMember.ownerReachesEveryStore", { member: nameOf(member) }, "R22"),
            at,
          );
        const setting = member.storeAccess?.[store.storeType];
        if (setting?.access !== "SPECIFIC") {
          throw new UserFailure(
            "INVALID_STORE_ACCESS",
            msg(
              "partnerMember.onlySpecificListsStores",
              {
                member: nameOf(member),
                access: setting?.access ?? "NONE",
                storeType: msg(`storeType.${store.storeType}`),
              },
              "R24",
            ),
            at,
          );
        }
        if (changes.some((c) => c.member.id === member.id)) return; // named twice
        const has = setting.storeIds.includes(store.id);
        if (add && !has) changes.push({ member, storeIds: [...setting.storeIds, store.id] });
        if (!add && has) changes.push({ member, storeIds: setting.storeIds.filter((s) => s !== store.id) });
      });
    }
    for (const { member, storeIds } of changes) {
      const before = settingsOf(member);
      const storeAccess: StoreAccessMap = {
        ...member.storeAccess,
        [store.storeType]: { ...member.storeAccess[store.storeType]!, storeIds },
      };
      await tx.update(PartnerMember, { id: member.id }, { storeAccess });
      await audit(tx, "partner_member.updated", actingUser, member, {
        store: { id: store.id, name: store.name, storeType: store.storeType, added: storeIds.includes(store.id) },
        before,
        after: settingsOf(Object.assign(new PartnerMember(), member, { storeAccess })),
      });
    }
    return { store, team: await storeTeam(tx, organization.id, store) };
  });
  actor.invalidateAccess();
  return result;
}

/** The organization's stores (R24): all of them for those who manage members (R26), else those the viewer reaches. */
export async function organizationStoreIds(
  actor: Actor,
  organization: PartnerOrganization,
  storeType?: StoreType | null,
): Promise<number[]> {
  const { ability } = await actor.partnerStanding(organization);
  if (ability.can("manageMembers", "PartnerOrganization")) {
    return (await partnerOrganizationStores(actor.ds.manager, organization.id, storeType ?? undefined)).map(
      (s) => s.id,
    );
  }
  return (await reachablePartnerStoreIds(actor, organization.id, storeType)) ?? [];
}
