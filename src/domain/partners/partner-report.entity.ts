import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";

/** R30: a merchant's report of a partner organization to platform support. */
@Entity("partner_reports")
@Index(["closedAt", "id"])
export class PartnerReport {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column({ type: "integer" }) partnerOrganizationId: number;
  @Column({ type: "integer" }) storeId: number;
  @Column({ type: "integer" }) reporterId: number;
  @Column({ type: "text" }) reason: string;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn({ nullable: true }) closedAt: Date | null;
  @Column({ type: "integer", nullable: true }) closedById: number | null;
  @Column({ type: "text", nullable: true }) resolution: string | null;
}
