// Store-level rules: who sees a store, its request code and settings (R1, R2), lifting blocks
// (R18) and ownership (R13).
import { randomInt } from "node:crypto";
import { IsNull } from "typeorm";
import * as gate from "../../authz/gate";
import type { Actor } from "../../authz/actor";
import { recordEvent } from "../audit/audit.service";
import { RequestBlock } from "../collaborators/request-block.entity";
import { StoreUser } from "../collaborators/store-user.entity";
import { UserFailure } from "../errors";
import { User } from "../users/user.entity";
import { Store } from "./store.entity";
import { msg } from "../../i18n";

/** The store with this domain, read as `store(id:)` reads it (the gate's `find`). */
export async function storeByDomain(actor: Actor, domain: string) {
  actor.requireViewer();
  const store = await actor.ds.manager.findOneBy(Store, { domain: domain.trim().toLowerCase() });
  return store ? gate.find(actor, "Store", store.id) : null;
}

/** A store whose collaborators the viewer manages (R9): the gate's `need`. */
export async function managedStore(actor: Actor, id: number, field = ["storeId"]) {
  const store = await gate.need(actor, "Store", id, "manageCollaborators", { field });
  return { store, ability: await actor.ability(store) };
}

/** R1: a fresh four-digit code; every older one stops working at once. */
export async function regenerateRequestCode(actor: Actor, storeId: number) {
  const { store } = await managedStore(actor, storeId);
  const actingUser = actor.requireViewer().user;
  let code = store.requestCode;
  while (code === store.requestCode) code = String(randomInt(0, 10_000)).padStart(4, "0");
  await actor.transaction(async (tx) => {
    await tx.update(Store, { id: store.id }, { requestCode: code });
    await recordEvent(tx, {
      action: "store.request_code_regenerated",
      actor: actingUser,
      target: { type: "Store", id: store.id, name: store.name },
      storeId: store.id,
      organizationId: store.organizationId,
    });
  });
  store.requestCode = code;
  return { store, code };
}

/** R2: require the code, or let anyone send a request. */
export async function updateCollaboratorSettings(actor: Actor, storeId: number, requireRequestCode: boolean) {
  const { store } = await managedStore(actor, storeId);
  const actingUser = actor.requireViewer().user;
  const before = store.requireRequestCode;
  await actor.transaction(async (tx) => {
    await tx.update(Store, { id: store.id }, { requireRequestCode });
    await recordEvent(tx, {
      action: "store.collaborator_settings_updated",
      actor: actingUser,
      target: { type: "Store", id: store.id, name: store.name },
      storeId: store.id,
      organizationId: store.organizationId,
      details: { before: { requireRequestCode: before }, after: { requireRequestCode } },
    });
  });
  store.requireRequestCode = requireRequestCode;
  return store;
}

/** R18: only platform support lifts a rejection block. */
export async function liftRequestBlock(actor: Actor, storeId: number, partnerOrganizationId: number) {
  const actingUser = actor.requireViewer().user;
  const store = await gate.need(actor, "Store", storeId, "liftBlock", { field: ["storeId"] });
  const partner = await actor.lookups.partnerOrganization.load(partnerOrganizationId);
  if (!partner) throw new UserFailure("NOT_FOUND", msg("store.noPartnerOrganization"), ["partnerOrganizationId"]);
  return actor.transaction(async (tx) => {
    const result = await tx.update(
      RequestBlock,
      { storeId, partnerOrganizationId, liftedAt: IsNull() },
      { liftedAt: actor.now(), liftedById: actingUser.id },
    );
    if (!result.affected) throw new UserFailure("NOT_BLOCKED", msg("store.notBlocked"), ["partnerOrganizationId"]);
    await recordEvent(tx, {
      action: "store.request_block_lifted",
      actor: actingUser,
      target: { type: "PartnerOrganization", id: partner.id, name: partner.name },
      storeId: store.id,
      organizationId: store.organizationId,
      partnerOrganizationId: partner.id,
    });
    return { store, partnerOrganization: partner };
  });
}

/** Owner only; R13: never to a collaborator; the new owner must be active staff of the store. */
export async function transferOwnership(actor: Actor, storeId: number, userId: number) {
  const actingUser = actor.requireViewer().user;
  const store = await gate.need(actor, "Store", storeId, "transferOwnership", { field: ["storeId"] });
  if (userId === store.ownerId) throw new UserFailure("ALREADY_OWNER", msg("store.alreadyOwner"), ["userId"]);
  return actor.transaction(async (tx) => {
    // The new owner is found through their account on this store: a user id with no account here
    // reads NOT_STAFF whether or not such a user exists (no existence oracle for user ids).
    const account = await tx.findOneBy(StoreUser, { storeId: store.id, userId, status: "ACTIVE" });
    if (account?.userType === "COLLABORATOR")
      throw new UserFailure("OWNERSHIP_TO_COLLABORATOR", msg("store.ownershipToCollaborator", {}, "R13"), ["userId"]);
    if (!account) throw new UserFailure("NOT_STAFF", msg("store.ownershipToStaffOnly"), ["userId"]);
    const target = (await tx.findOneBy(User, { id: userId }))!;
    const previous = (await tx.findOneBy(User, { id: store.ownerId }))!;
    await tx.update(Store, { id: store.id }, { ownerId: target.id });
    await recordEvent(tx, {
      action: "store.ownership_transferred",
      actor: actingUser,
      target: { type: "User", id: target.id, name: target.name },
      storeId: store.id,
      organizationId: store.organizationId,
      details: { from: previous.name, to: target.name },
    });
    actor.lookups.store.clear(store.id);
    actor.invalidateAccess();
    return (await tx.findOneBy(Store, { id: store.id }))!;
  });
}
