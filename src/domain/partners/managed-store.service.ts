// R25, managed stores: "add and remove" — a partner organization requests access to client stores
// (collaborator.service) and removes its own access to one: every collaborator account and pending
// request of its members on that store ends, and the store leaves its members' SPECIFIC lists.
import { In } from "typeorm";
import * as gate from "../../authz/gate";
import type { Actor } from "../../authz/actor";
import { recordEvent } from "../audit/audit.service";
import { closeRequest } from "../collaborators/collaborator.service";
import { StoreUser } from "../collaborators/store-user.entity";
import { UserFailure } from "../errors";
import { notify } from "../notifications/outbox";
import { PartnerMember } from "./partner-member.entity";
import { partnerOrganizationStore } from "./partner-organization-stores";
import { msg } from "../../i18n";
import { storeLanguage } from "../notifications/languages";

export async function removeManagedStoreAccess(actor: Actor, partnerOrganizationId: number, storeId: number) {
  // R25: a member whose MANAGED setting has ADD_REMOVE and reaches this store (the gate), before
  // anything is said of the organization's stores: others who see the organization get ACCESS_DENIED.
  const partner = await gate.need(actor, "PartnerOrganization", partnerOrganizationId, `removeStore:${storeId}`, {
    field: ["partnerOrganizationId"],
  });
  const actingUser = actor.requireViewer().user;
  const store = await partnerOrganizationStore(actor.ds.manager, partner.id, storeId, "MANAGED");
  if (!store) throw new UserFailure("STORE_NOT_IN_ORGANIZATION", msg("partnerStore.noAccess"), ["storeId"]);
  const now = actor.now();
  return actor.transaction(async (tx) => {
    const rows = await tx.findBy(StoreUser, {
      storeId: store.id,
      partnerOrganizationId: partner.id,
      userType: "COLLABORATOR",
      status: In(["REQUESTED", "ACTIVE", "EXPIRED"]),
    });
    for (const row of rows) {
      if (row.status === "REQUESTED") await closeRequest(tx, row, "WITHDRAWN", now);
      else await tx.update(StoreUser, { id: row.id, status: row.status }, { status: "REMOVED", endedAt: now });
    }
    const members = await tx.findBy(PartnerMember, { partnerOrganizationId: partner.id, status: "ACTIVE" });
    for (const m of members) {
      const access = m.storeAccess?.MANAGED;
      if (access?.access === "SPECIFIC" && access.storeIds.includes(store.id)) {
        access.storeIds = access.storeIds.filter((id) => id !== store.id);
        await tx.update(PartnerMember, { id: m.id }, { storeAccess: m.storeAccess });
      }
    }
    await notify(tx, {
      channel: "HOME",
      kind: "partner_access_removed",
      recipient: `store:${store.domain}`,
      storeId: store.id,
      language: await storeLanguage(tx, store),
      subject: msg("mail.partnerLeft.subject", { partner: partner.name }),
      body: msg("mail.partnerLeft.body", {
        user: actingUser.name,
        partner: partner.name,
        count: rows.length,
        store: store.name,
      }),
    });
    await recordEvent(tx, {
      action: "partner_organization.store_access_removed",
      actor: actingUser,
      target: { type: "Store", id: store.id, name: store.name },
      storeId: store.id,
      organizationId: store.organizationId,
      partnerOrganizationId: partner.id,
      details: { partnerOrganization: partner.name, endedAccounts: rows.map((r) => ({ id: r.id, was: r.status })) },
    });
    actor.invalidateAccess();
    return { storeId: store.id, endedCount: rows.length };
  });
}
