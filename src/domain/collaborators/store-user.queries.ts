// Reading store users and collaborators with statuses as the clock sees them (R7, R17, R28).
import { Brackets, EntityManager, SelectQueryBuilder } from "typeorm";
import { cutoffs } from "./lifecycle-time";
import { CollaboratorStatus, StoreUser, UserType } from "./store-user.entity";

/** Restricts `su` to rows whose effective status is `status` (the SQL twin of effectiveStatus). */
export function whereEffectiveStatus(qb: SelectQueryBuilder<StoreUser>, status: CollaboratorStatus, now: Date) {
  const { requestedBefore, activeBefore } = cutoffs(now);
  const params = { requestedBefore, activeBefore };
  const lastSeen = `COALESCE(su.lastLoginAt, su.acceptedAt, su.createdAt)`;
  const expiredRequest = `(su.status = 'REQUESTED' AND su.userType = 'COLLABORATOR' AND su.createdAt <= :requestedBefore)`;
  const expiredAccount = `(su.status = 'ACTIVE' AND su.userType = 'COLLABORATOR' AND ${lastSeen} <= :activeBefore)`;
  if (status === "EXPIRED")
    return qb.andWhere(
      new Brackets((w) => w.where(`su.status = 'EXPIRED'`).orWhere(expiredRequest).orWhere(expiredAccount)),
      params,
    );
  if (status === "REQUESTED") return qb.andWhere(`su.status = 'REQUESTED' AND NOT ${expiredRequest}`, params);
  if (status === "ACTIVE") return qb.andWhere(`su.status = 'ACTIVE' AND NOT ${expiredAccount}`, params);
  return qb.andWhere("su.status = :status", { status });
}

export function storeUsersQuery(
  db: EntityManager,
  storeId: number,
  filter: { userType?: UserType | null; status?: CollaboratorStatus | null; indexOnly?: boolean },
  now: Date,
) {
  const qb = db.createQueryBuilder(StoreUser, "su").where("su.storeId = :storeId", { storeId });
  if (filter.userType) qb.andWhere("su.userType = :userType", { userType: filter.userType });
  // R28: the users index lists ACTIVE, REQUESTED, EXPIRED and REMOVED rows.
  if (filter.indexOnly) qb.andWhere("su.status IN ('ACTIVE', 'REQUESTED', 'EXPIRED', 'REMOVED')");
  if (filter.status) whereEffectiveStatus(qb, filter.status, now);
  return qb;
}
