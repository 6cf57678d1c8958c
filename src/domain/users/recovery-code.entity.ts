import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";
import { User } from "./user.entity";

/** A single-use code to sign in when the authenticator is lost (R27); only its SHA-256 is kept. */
@Entity("recovery_codes")
export class RecoveryCode {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => User, { onDelete: "CASCADE" })
  @Index()
  @Column({ type: "integer" })
  userId: number;
  @Column({ type: "varchar", length: 64 }) codeHash: string;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn({ nullable: true }) usedAt: Date | null;
}
