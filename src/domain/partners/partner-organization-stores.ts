// The stores a partner organization has: its own development and Plus sandbox stores, and the
// managed (client) stores where it has a collaborator request or account.
import { EntityManager, In } from "typeorm";
import { StoreUser } from "../collaborators/store-user.entity";
import { Store, type StoreType } from "../stores/store.entity";

/** A managed store is the partner organization's while one of its collaborator rows there is in these statuses. */
const LINKING_STATUSES = ["REQUESTED", "ACTIVE", "EXPIRED"] as const;

export async function partnerOrganizationStores(
  db: EntityManager,
  partnerOrganizationId: number,
  storeType?: StoreType,
): Promise<Store[]> {
  const owned =
    storeType === "MANAGED"
      ? []
      : await db.find(Store, {
          where: { partnerOrganizationId, ...(storeType ? { storeType } : {}) },
          order: { id: "ASC" },
        });
  if (storeType && storeType !== "MANAGED") return owned;
  const rows = await db.find(StoreUser, {
    where: { partnerOrganizationId, userType: "COLLABORATOR", status: In([...LINKING_STATUSES]) },
    select: { storeId: true },
  });
  const managedIds = [...new Set(rows.map((r) => r.storeId))];
  const managed = managedIds.length
    ? await db.find(Store, { where: { id: In(managedIds), storeType: "MANAGED" }, order: { id: "ASC" } })
    : [];
  return [...owned, ...managed];
}

/** One store, if it is among `partnerOrganizationStores(db, partnerOrganizationId, storeType)`: one lookup, not the list. */
export async function partnerOrganizationStore(
  db: EntityManager,
  partnerOrganizationId: number,
  storeId: number,
  storeType?: StoreType,
): Promise<Store | null> {
  const store = await db.findOneBy(Store, { id: storeId });
  if (!store || (storeType && store.storeType !== storeType)) return null;
  if (storeType !== "MANAGED" && store.partnerOrganizationId === partnerOrganizationId) return store;
  if (store.storeType !== "MANAGED") return null;
  const linked = await db.existsBy(StoreUser, {
    storeId,
    partnerOrganizationId,
    userType: "COLLABORATOR",
    status: In([...LINKING_STATUSES]),
  });
  return linked ? store : null;
}
