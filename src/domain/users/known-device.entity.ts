import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";
import { User } from "./user.entity";

/** A device a user has signed in from; a sign-in from a new one is notified (R27). */
@Entity("known_devices")
@Index(["userId", "fingerprint"], { unique: true })
export class KnownDevice {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => User, { onDelete: "CASCADE" })
  @Column({ type: "integer" })
  userId: number;
  /** SHA-256 of the client kind and the User-Agent. */
  @Column({ type: "varchar", length: 64 }) fingerprint: string;
  @Column({ type: "varchar", length: 400 }) label: string;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn() lastSeenAt: Date;
}
