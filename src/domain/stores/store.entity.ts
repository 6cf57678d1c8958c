import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";
import { Organization } from "../organizations/organization.entity";
import { User } from "../users/user.entity";
import { PartnerOrganization } from "../partners/partner-organization.entity";

/** The kinds of store (see `Store.storeType`). */
export const STORE_TYPES = ["DEVELOPMENT", "MANAGED", "PLUS_SANDBOX"] as const;
export type StoreType = (typeof STORE_TYPES)[number];

@Entity("stores")
export class Store {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "varchar", length: 200 }) name: string;
  /** Lower-cased; what partners give to request access. */
  @Index({ unique: true }) @Column({ type: "varchar", length: 253 }) domain: string;
  /** The account email: where request emails go (R5). */
  @Column({ type: "varchar", length: 320 }) email: string;
  @ForeignKey(() => Organization, { onDelete: "SET NULL" })
  @Index()
  @Column({ type: "integer", nullable: true })
  organizationId: number | null;
  @ForeignKey(() => User, { onDelete: "RESTRICT" })
  @Index()
  @Column({ type: "integer" })
  ownerId: number;
  /** The four-digit collaborator request code (R1). */
  @Column({ type: "varchar", length: 4 }) requestCode: string;
  /** R2: only a partner who gives the code may request; false = anyone may. */
  @Column({ type: "boolean", default: true }) requireRequestCode: boolean;
  /** Staff accounts allowed by the plan; collaborators do not count (R21). */
  @Column({ type: "integer", nullable: true }) staffLimit: number | null;
  /** MANAGED: a merchant's store; DEVELOPMENT and PLUS_SANDBOX: owned by a partner organization (R24, R25). */
  @Column({ type: "varchar", length: 16, default: "MANAGED" }) storeType: StoreType;
  /** The partner organization that owns a development or Plus sandbox store. */
  @ForeignKey(() => PartnerOrganization, { onDelete: "RESTRICT" })
  @Index()
  @Column({ type: "integer", nullable: true })
  partnerOrganizationId: number | null;
  @TimestampColumn({ nullable: true }) archivedAt: Date | null;
  @CreatedAtColumn() createdAt: Date;
}
