// Store-level rules: who sees a store, its request code and settings (R1, R2), lifting blocks
// (R18) and ownership (R13).
import { randomInt } from "node:crypto";
import { IsNull } from "typeorm";
import * as gate from "../../authz/gate";
import type { RequestContext } from "../../context";
import { inTransaction } from "../../db/transaction";
import { recordEvent } from "../audit/audit.service";
import { RequestBlock } from "../collaborators/request-block.entity";
import { StoreUser } from "../collaborators/store-user.entity";
import { UserFailure } from "../errors";
import { User } from "../users/user.entity";
import { Store } from "./store.entity";

/**
 * The store if the viewer may see it, else null: a store one may not see reads like a missing one.
 * With `asLogin`, a collaborator's read counts as a login to the store (R17, R19): the gate's `find`.
 */
export async function visibleStore(
  ctx: RequestContext,
  id: number,
  options: { asLogin?: boolean } = {},
): Promise<Store | null> {
  if (options.asLogin) return gate.find(ctx, "Store", id);
  return gate.one(ctx, "Store", await ctx.loaders.store.load(id));
}

/** The store with this domain, read as `store(id:)` reads it (the gate's `find`). */
export async function storeByDomain(ctx: RequestContext, domain: string) {
  ctx.requireViewer();
  const store = await ctx.ds.manager.findOneBy(Store, { domain: domain.trim().toLowerCase() });
  return store ? gate.find(ctx, "Store", store.id) : null;
}

/** A store whose collaborators the viewer manages (R9): the gate's `need`. */
export async function managedStore(ctx: RequestContext, id: number, field = ["storeId"]) {
  const store = await gate.need(ctx, "Store", id, "manageCollaborators", { field });
  return { store, ability: await ctx.ability(store) };
}

/** R1: a fresh four-digit code; every older one stops working at once. */
export async function regenerateRequestCode(ctx: RequestContext, storeId: number) {
  const { store } = await managedStore(ctx, storeId);
  const actor = ctx.requireViewer().user;
  let code = store.requestCode;
  while (code === store.requestCode) code = String(randomInt(0, 10_000)).padStart(4, "0");
  await inTransaction(ctx.ds, async (tx) => {
    await tx.update(Store, { id: store.id }, { requestCode: code });
    await recordEvent(tx, {
      action: "store.request_code_regenerated",
      actor,
      target: { type: "Store", id: store.id, name: store.name },
      storeId: store.id,
      organizationId: store.organizationId,
    });
  });
  store.requestCode = code;
  return { store, code };
}

/** R2: require the code, or let anyone send a request. */
export async function updateCollaboratorSettings(ctx: RequestContext, storeId: number, requireRequestCode: boolean) {
  const { store } = await managedStore(ctx, storeId);
  const actor = ctx.requireViewer().user;
  const before = store.requireRequestCode;
  await inTransaction(ctx.ds, async (tx) => {
    await tx.update(Store, { id: store.id }, { requireRequestCode });
    await recordEvent(tx, {
      action: "store.collaborator_settings_updated",
      actor,
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
export async function liftRequestBlock(ctx: RequestContext, storeId: number, partnerOrganizationId: number) {
  const actor = ctx.requireViewer().user;
  const store = await gate.need(ctx, "Store", storeId, "liftBlock", { field: ["storeId"] });
  const partner = await ctx.loaders.partnerOrganization.load(partnerOrganizationId);
  if (!partner) throw new UserFailure("NOT_FOUND", "No partner organization with that id.", ["partnerOrganizationId"]);
  return inTransaction(ctx.ds, async (tx) => {
    const result = await tx.update(
      RequestBlock,
      { storeId, partnerOrganizationId, liftedAt: IsNull() },
      { liftedAt: ctx.now(), liftedById: actor.id },
    );
    if (!result.affected)
      throw new UserFailure("NOT_BLOCKED", "This partner organization is not blocked from this store.", [
        "partnerOrganizationId",
      ]);
    await recordEvent(tx, {
      action: "store.request_block_lifted",
      actor,
      target: { type: "PartnerOrganization", id: partner.id, name: partner.name },
      storeId: store.id,
      organizationId: store.organizationId,
      partnerOrganizationId: partner.id,
    });
    return { store, partnerOrganization: partner };
  });
}

/** Owner only; R13: never to a collaborator; the new owner must be active staff of the store. */
export async function transferOwnership(ctx: RequestContext, storeId: number, userId: number) {
  const actor = ctx.requireViewer().user;
  const store = await gate.need(ctx, "Store", storeId, "transferOwnership", { field: ["storeId"] });
  const target = await ctx.loaders.user.load(userId);
  if (!target) throw new UserFailure("NOT_FOUND", "No user with that id.", ["userId"]);
  if (target.id === store.ownerId)
    throw new UserFailure("ALREADY_OWNER", "This user already owns the store.", ["userId"]);
  return inTransaction(ctx.ds, async (tx) => {
    const account = await tx.findOneBy(StoreUser, { storeId: store.id, userId: target.id, status: "ACTIVE" });
    if (account?.userType === "COLLABORATOR")
      throw new UserFailure("OWNERSHIP_TO_COLLABORATOR", "R13: ownership can never be transferred to a collaborator.", [
        "userId",
      ]);
    if (!account)
      throw new UserFailure("NOT_STAFF", "Ownership goes to an active staff member of the store.", ["userId"]);
    const previous = (await tx.findOneBy(User, { id: store.ownerId }))!;
    await tx.update(Store, { id: store.id }, { ownerId: target.id });
    await recordEvent(tx, {
      action: "store.ownership_transferred",
      actor,
      target: { type: "User", id: target.id, name: target.name },
      storeId: store.id,
      organizationId: store.organizationId,
      details: { from: previous.name, to: target.name },
    });
    ctx.loaders.store.clear(store.id);
    ctx.invalidateAccess();
    return (await tx.findOneBy(Store, { id: store.id }))!;
  });
}
