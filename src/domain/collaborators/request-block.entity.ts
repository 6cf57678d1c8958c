import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";

/** R18: after a rejection, the partner organization may not request this store until support lifts it. */
@Entity("request_blocks")
@Index("UQ_request_blocks_active", ["storeId", "partnerOrganizationId"], { unique: true, where: `"liftedAt" IS NULL` })
export class RequestBlock {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) storeId: number;
  @Column({ type: "integer" }) partnerOrganizationId: number;
  @Column({ type: "integer", nullable: true }) rejectedStoreUserId: number | null;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn({ nullable: true }) liftedAt: Date | null;
  @Column({ type: "integer", nullable: true }) liftedById: number | null;
}
