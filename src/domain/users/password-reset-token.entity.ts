import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";
import { User } from "./user.entity";

/** A password reset by emailed single-use token; only its SHA-256 is kept. */
@Entity("password_reset_tokens")
export class PasswordResetToken {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => User, { onDelete: "CASCADE" })
  @Index()
  @Column({ type: "integer" })
  userId: number;
  @Index({ unique: true }) @Column({ type: "varchar", length: 64 }) tokenHash: string;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn() expiresAt: Date;
  @TimestampColumn({ nullable: true }) usedAt: Date | null;
}
