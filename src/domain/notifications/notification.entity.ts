import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { TimestampColumn } from "../../db/columns";
import { Store } from "../stores/store.entity";
import { User } from "../users/user.entity";

export type NotificationChannel = "EMAIL" | "HOME";

/** The outbox (R5): every email and store-home notice is recorded here, whatever delivers it. */
@Entity("notifications")
@Index(["storeId", "id"])
export class Notification {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => Store, { onDelete: "SET NULL" })
  @Column({ type: "integer", nullable: true })
  storeId: number | null;
  @ForeignKey(() => User, { onDelete: "SET NULL" })
  @Column({ type: "integer", nullable: true })
  userId: number | null;
  @Column({ type: "varchar", length: 16 }) channel: NotificationChannel;
  @Column({ type: "varchar", length: 64 }) kind: string;
  /** An email address, or the store's home. */
  @Column({ type: "varchar", length: 320 }) recipient: string;
  @Column({ type: "varchar", length: 400 }) subject: string;
  @Column({ type: "text" }) body: string;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn({ nullable: true }) deliveredAt: Date | null;
  // Delivery of EMAIL entries over SMTP (src/domain/notifications/delivery.ts).
  /** Failed sending attempts so far. */
  @Column({ type: "integer", default: 0 }) attempts: number;
  /** After a failed attempt: not before this time. */
  @TimestampColumn({ nullable: true }) nextAttemptAt: Date | null;
  /** A delivery worker took it at this time (a lease), with this token. */
  @TimestampColumn({ nullable: true }) claimedAt: Date | null;
  @Column({ type: "varchar", length: 64, nullable: true }) claimToken: string | null;
  /** Gave up after the last attempt. */
  @TimestampColumn({ nullable: true }) failedAt: Date | null;
  @Column({ type: "text", nullable: true }) lastError: string | null;
}
