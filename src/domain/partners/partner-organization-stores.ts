// The stores a partner organization has: its own development and Plus sandbox stores, and the
// managed (client) stores where it has a collaborator request or account.
import { EntityManager, In } from "typeorm";
import { StoreUser } from "../collaborators/store-user.entity";
import { Store, type StoreType } from "../stores/store.entity";

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
    where: { partnerOrganizationId, userType: "COLLABORATOR", status: In(["REQUESTED", "ACTIVE", "EXPIRED"]) },
    select: { storeId: true },
  });
  const managedIds = [...new Set(rows.map((r) => r.storeId))];
  const managed = managedIds.length
    ? await db.find(Store, { where: { id: In(managedIds), storeType: "MANAGED" }, order: { id: "ASC" } })
    : [];
  return [...owned, ...managed];
}
