import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";
import { User } from "./user.entity";

export const CLIENT_KINDS = ["PARTNER_DASHBOARD", "ADMIN", "MOBILE_APP"] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

/** A sign-in: an opaque token, of which only the SHA-256 is stored. */
@Entity("sessions")
export class Session {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => User, { onDelete: "CASCADE" })
  @Index()
  @Column({ type: "integer" })
  userId: number;
  @Index({ unique: true }) @Column({ type: "varchar", length: 64 }) tokenHash: string;
  /** The client signed in through (R19). */
  @Column({ type: "varchar", length: 32 }) client: ClientKind;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn() expiresAt: Date;
  @TimestampColumn({ nullable: true }) revokedAt: Date | null;
}
