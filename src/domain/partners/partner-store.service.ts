// A partner organization's own stores (R24, R25): development and Plus sandbox stores are created,
// archived and unarchived by members whose store access allows it; a development store is
// transferred to a merchant, who becomes its owner.
import { randomInt } from "node:crypto";
import { EntityManager, In, IsNull, Not } from "typeorm";
import * as gate from "../../authz/gate";
import { partnerStoreAccess } from "../../authz/partner-access";
import type { Actor } from "../../authz/actor";
import { isUniqueViolation } from "../../db/transaction";
import { recordEvent } from "../audit/audit.service";
import { newStoreUser, StoreUser } from "../collaborators/store-user.entity";
import { UserFailure } from "../errors";
import { notify } from "../notifications/outbox";
import { Store, StoreType } from "../stores/store.entity";
import { User } from "../users/user.entity";
import { partnerOrganizationStores } from "./partner-organization-stores";
import { PartnerMember } from "./partner-member.entity";
import { isPartnerOwnedStoreType, storeTypeOffered } from "./partner-permissions";
import { msg } from "../../i18n";
import { recipientLocale } from "../../i18n";

/** A host name: labels of letters, digits and hyphens, and a top-level domain of letters. */
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** A store's domain (trimmed and lower-cased): a host name of at most 253 characters. */
export const isValidStoreDomain = (domain: string) => HOSTNAME.test(domain);

const storeTarget = (store: Store) => ({ type: "Store", id: store.id, name: store.name });

/**
 * A development or Plus sandbox store for a partner action (R24, R25), through the gate: a store
 * one may not see reads as missing (a userError on `id`); a managed store is not one of these
 * (STORE_TYPE_MISMATCH); one seen but whose action the partner side refuses, ACCESS_DENIED with
 * the partner setting's reason.
 */
async function partnerStoreFor(
  actor: Actor,
  id: number,
  action: "ADD_ARCHIVE_UNARCHIVE" | "TRANSFER",
  allowed: readonly StoreType[],
) {
  const store = await gate.need(actor, "Store", id, "read", { field: ["id"] });
  if (!store.partnerOrganizationId || !allowed.includes(store.storeType)) {
    const [first, second] = allowed.map((t) => msg(`storeType.${t}`));
    const which = second ? msg("partnerStore.and", { first, second }) : first;
    throw new UserFailure("STORE_TYPE_MISMATCH", msg("partnerStore.wrongType", { storeTypes: which, action }, "R25"), [
      "id",
    ]);
  }
  await gate.needOn(actor, "Store", store, action);
  const organization = (await actor.lookups.partnerOrganization.load(store.partnerOrganizationId))!;
  return { store, organization };
}

/** R25: a staff member with SPECIFIC access to a store type gains the stores of that type they create. */
async function grantSpecificAccess(tx: EntityManager, memberId: number, storeType: StoreType, storeId: number) {
  const member = await tx.findOneByOrFail(PartnerMember, { id: memberId });
  const setting = member.storeAccess?.[storeType];
  if (member.type !== "STAFF" || setting?.access !== "SPECIFIC" || setting.storeIds.includes(storeId)) return;
  setting.storeIds = [...setting.storeIds, storeId];
  await tx.update(PartnerMember, { id: member.id }, { storeAccess: member.storeAccess });
}

export interface PartnerStoreCreateInput {
  partnerOrganizationId: number;
  storeType: StoreType;
  name: string;
  domain: string;
}

/** R24, R25: a member creates a development or Plus sandbox store of their partner organization. */
export async function createPartnerStore(actor: Actor, input: PartnerStoreCreateInput): Promise<Store> {
  const user = actor.requireViewer().user;
  const organization = await gate.need(actor, "PartnerOrganization", input.partnerOrganizationId, "read", {
    field: ["input", "partnerOrganizationId"],
  });
  if (!isPartnerOwnedStoreType(input.storeType)) {
    throw new UserFailure("STORE_TYPE_MISMATCH", msg("partnerStore.createsOwnTypesOnly", {}, "R25"), [
      "input",
      "storeType",
    ]);
  }
  if (!storeTypeOffered(input.storeType, organization)) {
    throw new UserFailure("PLUS_ONLY", msg("partnerStore.plusOnly", {}, "R24"), ["input", "storeType"]);
  }
  await gate.needOn(actor, "PartnerOrganization", organization, `addStore:${input.storeType}`);
  const member = (await actor.partnerStanding(organization)).member!;
  const name = input.name.trim();
  if (!name || name.length > 200) throw new UserFailure("INVALID", msg("partnerStore.nameLength"), ["input", "name"]);
  const domain = input.domain.trim().toLowerCase();
  if (!isValidStoreDomain(domain))
    throw new UserFailure("INVALID", msg("partnerStore.invalidDomain", { domain: JSON.stringify(input.domain) }), [
      "input",
      "domain",
    ]);
  const taken = () => new UserFailure("TAKEN", msg("partnerStore.domainTaken"), ["input", "domain"]);
  const now = actor.now();

  try {
    const store = await actor.transaction(async (tx) => {
      if (await tx.existsBy(Store, { domain })) throw taken();
      const store = await tx.save(
        tx.create(Store, {
          name,
          domain,
          email: user.email,
          organizationId: null,
          ownerId: user.id,
          requestCode: String(randomInt(0, 10_000)).padStart(4, "0"),
          requireRequestCode: true,
          staffLimit: null,
          storeType: input.storeType,
          partnerOrganizationId: organization.id,
          archivedAt: null,
          createdAt: now,
        }),
      );
      await tx.save(
        newStoreUser({
          storeId: store.id,
          userId: user.id,
          userType: "STAFF",
          status: "ACTIVE",
          createdAt: now,
        }),
      );
      await grantSpecificAccess(tx, member.id, input.storeType, store.id);
      await recordEvent(tx, {
        action: "partner_store.created",
        actor: user,
        target: storeTarget(store),
        storeId: store.id,
        partnerOrganizationId: organization.id,
        details: { storeType: store.storeType, domain: store.domain, partnerOrganization: organization.name },
      });
      return store;
    });
    actor.invalidateAccess();
    return store;
  } catch (error) {
    // Another store took the domain between the check and the insert.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/** R25: archives (or unarchives) a development or Plus sandbox store. */
export async function setPartnerStoreArchived(actor: Actor, id: number, archived: boolean): Promise<Store> {
  const user = actor.requireViewer().user;
  const { store, organization } = await partnerStoreFor(actor, id, "ADD_ARCHIVE_UNARCHIVE", [
    "DEVELOPMENT",
    "PLUS_SANDBOX",
  ]);
  const now = actor.now();
  const updated = await actor.transaction(async (tx) => {
    // Conditional, so that of two concurrent archivings exactly one succeeds.
    const result = await tx.update(
      Store,
      { id: store.id, partnerOrganizationId: organization.id, archivedAt: archived ? IsNull() : Not(IsNull()) },
      { archivedAt: archived ? now : null },
    );
    if (result.affected !== 1) {
      throw archived
        ? new UserFailure("ARCHIVED", msg("partnerStore.alreadyArchived"), ["id"])
        : new UserFailure("NOT_ARCHIVED", msg("partnerStore.notArchived"), ["id"]);
    }
    await recordEvent(tx, {
      action: archived ? "partner_store.archived" : "partner_store.unarchived",
      actor: user,
      target: storeTarget(store),
      storeId: store.id,
      partnerOrganizationId: organization.id,
      details: {
        storeType: store.storeType,
        before: { archivedAt: store.archivedAt?.toISOString() ?? null },
        after: { archivedAt: archived ? now.toISOString() : null },
      },
    });
    return tx.findOneByOrFail(Store, { id: store.id });
  });
  actor.lookups.store.clear(store.id);
  actor.invalidateAccess();
  return updated;
}

/**
 * R25: a development store goes to a merchant, who becomes its owner. It becomes a managed store;
 * the partner organization keeps no access (it may request collaborator access like anyone else).
 */
export async function transferPartnerStore(actor: Actor, id: number, merchantEmail: string): Promise<Store> {
  const actingUser = actor.requireViewer().user;
  const { store, organization } = await partnerStoreFor(actor, id, "TRANSFER", ["DEVELOPMENT"]);
  if (store.archivedAt) throw new UserFailure("ARCHIVED", msg("partnerStore.archivedNoTransfer"), ["id"]);
  const noMerchant = () => new UserFailure("NOT_FOUND", msg("partnerStore.noMerchant"), ["merchantEmail"]);
  const merchant = await actor.ds.manager.findOneBy(User, { email: merchantEmail.trim().toLowerCase() });
  if (!merchant) throw noMerchant();
  const now = actor.now();

  const updated = await actor.transaction(async (tx) => {
    const members = await tx.findBy(PartnerMember, { partnerOrganizationId: organization.id });
    if (members.some((m) => m.userId === merchant.id)) throw noMerchant();
    const live = await tx.findOneBy(StoreUser, {
      storeId: store.id,
      userId: merchant.id,
      status: In(["ACTIVE", "REQUESTED"]),
    });
    if (live?.userType === "COLLABORATOR") {
      throw new UserFailure("OWNERSHIP_TO_COLLABORATOR", msg("partnerStore.ownershipToCollaborator", {}, "R13"), [
        "merchantEmail",
      ]);
    }
    const result = await tx.update(
      Store,
      { id: store.id, storeType: "DEVELOPMENT", partnerOrganizationId: organization.id, archivedAt: IsNull() },
      { storeType: "MANAGED", partnerOrganizationId: null, ownerId: merchant.id, email: merchant.email },
    );
    if (result.affected !== 1) throw new UserFailure("NOT_FOUND", msg("partnerStore.noStore"), ["id"]);
    const previousOwner = await tx.findOneByOrFail(User, { id: store.ownerId });

    // The partner side leaves: the staff accounts of the previous owner and of the organization's members end.
    const partnerUserIds = [
      ...new Set([store.ownerId, ...members.map((m) => m.userId).filter((u): u is number => u !== null)]),
    ].filter((u) => u !== merchant.id);
    if (partnerUserIds.length) {
      await tx.update(
        StoreUser,
        { storeId: store.id, userType: "STAFF", status: "ACTIVE", userId: In(partnerUserIds) },
        { status: "REMOVED", endedAt: now },
      );
    }
    if (!live) {
      await tx.save(
        newStoreUser({
          storeId: store.id,
          userId: merchant.id,
          userType: "STAFF",
          status: "ACTIVE",
          createdAt: now,
        }),
      );
    }
    // SPECIFIC development access no longer names a store the organization does not own.
    for (const m of members) {
      const setting = m.storeAccess?.DEVELOPMENT;
      if (!setting?.storeIds.includes(store.id)) continue;
      setting.storeIds = setting.storeIds.filter((s) => s !== store.id);
      await tx.update(PartnerMember, { id: m.id }, { storeAccess: m.storeAccess });
    }
    await notify(tx, {
      channel: "EMAIL",
      kind: "store_transferred",
      recipient: merchant.email,
      userId: merchant.id,
      storeId: store.id,
      language: recipientLocale(merchant),
      subject: msg("mail.storeTransferred.subject", { organization: organization.name, store: store.name }),
      body: msg("mail.storeTransferred.body", {
        user: actingUser.name,
        organization: organization.name,
        store: store.name,
        domain: store.domain,
      }),
    });
    await recordEvent(tx, {
      action: "partner_store.transferred",
      actor: actingUser,
      target: storeTarget(store),
      storeId: store.id,
      partnerOrganizationId: organization.id,
      details: {
        partnerOrganization: organization.name,
        from: previousOwner.name,
        to: merchant.name,
        before: { storeType: "DEVELOPMENT", owner: previousOwner.name },
        after: { storeType: "MANAGED", owner: merchant.name },
      },
    });
    return tx.findOneByOrFail(Store, { id: store.id });
  });
  actor.lookups.store.clear(store.id);
  actor.invalidateAccess();
  return updated;
}

/**
 * The stores of a partner organization that the viewer reaches through the partner side (R24):
 * null when the viewer is not a member (the organization reads as missing).
 */
export async function reachablePartnerStoreIds(
  actor: Actor,
  partnerOrganizationId: number,
  storeType?: StoreType | null,
): Promise<number[] | null> {
  const organization = await actor.lookups.partnerOrganization.load(partnerOrganizationId);
  const member = organization ? (await actor.partnerStanding(organization)).member : null;
  if (!organization || !member) return null;
  const stores = await partnerOrganizationStores(actor.ds.manager, organization.id, storeType ?? undefined);
  return stores.filter((s) => partnerStoreAccess(member, s.storeType, s.id).allowed).map((s) => s.id);
}
