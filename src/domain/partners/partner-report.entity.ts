import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";
import { PartnerOrganization } from "./partner-organization.entity";
import { Store } from "../stores/store.entity";
import { User } from "../users/user.entity";

/** R30: a merchant's report of a partner organization to platform support. */
@Entity("partner_reports")
@Index(["closedAt", "id"])
export class PartnerReport {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => PartnerOrganization, { onDelete: "RESTRICT" })
  @Index()
  @Column({ type: "integer" })
  partnerOrganizationId: number;
  @ForeignKey(() => Store, { onDelete: "RESTRICT" })
  @Column({ type: "integer" })
  storeId: number;
  @ForeignKey(() => User, { onDelete: "RESTRICT" })
  @Column({ type: "integer" })
  reporterId: number;
  @Column({ type: "text" }) reason: string;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn({ nullable: true }) closedAt: Date | null;
  @ForeignKey(() => User, { onDelete: "RESTRICT" })
  @Column({ type: "integer", nullable: true })
  closedById: number | null;
  @Column({ type: "text", nullable: true }) resolution: string | null;
}
