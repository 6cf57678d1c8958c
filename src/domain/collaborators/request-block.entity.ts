import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";
import { Store } from "../stores/store.entity";
import { PartnerOrganization } from "../partners/partner-organization.entity";
import { StoreUser } from "./store-user.entity";
import { User } from "../users/user.entity";

/** R18: after a rejection, the partner organization may not request this store until support lifts it. */
@Entity("request_blocks")
@Index("UQ_request_blocks_active", ["storeId", "partnerOrganizationId"], { unique: true, where: `"liftedAt" IS NULL` })
export class RequestBlock {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => Store, { onDelete: "CASCADE" })
  @Column({ type: "integer" })
  storeId: number;
  @ForeignKey(() => PartnerOrganization, { onDelete: "CASCADE" })
  @Column({ type: "integer" })
  partnerOrganizationId: number;
  @ForeignKey(() => StoreUser, { onDelete: "SET NULL" })
  @Column({ type: "integer", nullable: true })
  rejectedStoreUserId: number | null;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn({ nullable: true }) liftedAt: Date | null;
  @ForeignKey(() => User, { onDelete: "SET NULL" })
  @Column({ type: "integer", nullable: true })
  liftedById: number | null;
}
