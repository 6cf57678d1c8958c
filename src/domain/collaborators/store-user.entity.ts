import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, JsonColumn, TimestampColumn } from "../../db/columns";
import { Store } from "../stores/store.entity";
import { User } from "../users/user.entity";
import { PartnerOrganization } from "../partners/partner-organization.entity";
import { Role } from "../roles/role.entity";

export type UserType = "STAFF" | "COLLABORATOR";
export const COLLABORATOR_STATUSES = ["REQUESTED", "ACTIVE", "REJECTED", "WITHDRAWN", "EXPIRED", "REMOVED"] as const;
export type CollaboratorStatus = (typeof COLLABORATOR_STATUSES)[number];
/** R29: the live statuses, at most one row of them per user and store. */
export const LIVE_STATUSES: readonly CollaboratorStatus[] = ["REQUESTED", "ACTIVE"];
export const isLive = (status: CollaboratorStatus) => LIVE_STATUSES.includes(status);
/** The live statuses as SQL, exactly as the partial unique index says them: a query written with it can use the index. */
export const LIVE_STATUS_SQL = LIVE_STATUSES.map((st) => `'${st}'`).join(", ");

/**
 * A user's account on one store: staff, or a collaborator account (R14: one store each), from its
 * request (REQUESTED) to its end. R29: at most one live (REQUESTED or ACTIVE) row per user and store,
 * enforced by a partial unique index, so concurrent requests cannot both land.
 */
@Entity("store_users")
@Index("UQ_store_users_live", ["storeId", "userId"], { unique: true, where: `"status" IN (${LIVE_STATUS_SQL})` })
@Index(["storeId", "userType", "status"])
@Index(["storeId", "userType", "id"])
export class StoreUser {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => Store, { onDelete: "CASCADE" })
  @Column({ type: "integer" })
  storeId: number;
  @ForeignKey(() => User, { onDelete: "CASCADE" })
  @Index()
  @Column({ type: "integer" })
  userId: number;
  @Column({ type: "varchar", length: 16 }) userType: UserType;
  /** As last written; `effectiveStatus` applies the time rules (R7, R17). */
  @Column({ type: "varchar", length: 16 }) status: CollaboratorStatus;
  @ForeignKey(() => PartnerOrganization, { onDelete: "SET NULL" })
  @Index()
  @Column({ type: "integer", nullable: true })
  partnerOrganizationId: number | null;
  @JsonColumn({ nullable: true }) requestedPermissions: string[] | null;
  @Column({ type: "text", nullable: true }) message: string | null;
  @ForeignKey(() => Role, { onDelete: "SET NULL" })
  @Index()
  @Column({ type: "integer", nullable: true })
  autoRoleId: number | null;
  /** When the request was sent (collaborators) or the staff account made. */
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn({ nullable: true }) acceptedAt: Date | null;
  /** When it stopped being pending or active: rejected, withdrawn, removed. */
  @TimestampColumn({ nullable: true }) endedAt: Date | null;
  /** Last read of the store by the collaborator (R17). */
  @TimestampColumn({ nullable: true }) lastLoginAt: Date | null;
  /** First login through the partner dashboard; the mobile app needs one (R19). */
  @TimestampColumn({ nullable: true }) dashboardLoginAt: Date | null;
}

/** The columns a new account must be given; every other one starts null unless given too. */
export type NewStoreUser = Pick<StoreUser, "storeId" | "userId" | "userType" | "status" | "createdAt"> &
  Partial<Omit<StoreUser, "id">>;

/** A new account (staff or collaborator request), not yet saved: `tx.save(newStoreUser({ ... }))`. */
export function newStoreUser(fields: NewStoreUser): StoreUser {
  return Object.assign(new StoreUser(), {
    partnerOrganizationId: null,
    requestedPermissions: null,
    message: null,
    autoRoleId: null,
    acceptedAt: null,
    endedAt: null,
    lastLoginAt: null,
    dashboardLoginAt: null,
    ...fields,
  });
}
