import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";

@Entity("users")
export class User {
  @PrimaryGeneratedColumn() id: number;
  /** Stored lower-cased; unique. */
  @Index({ unique: true }) @Column({ type: "varchar", length: 320 }) email: string;
  @Column({ type: "varchar", length: 200 }) name: string;
  @Column({ type: "varchar", length: 200 }) passwordHash: string;
  /** The operator's support staff (R18, R30). */
  @Column({ type: "boolean", default: false }) platformSupport: boolean;
  /** A BCP 47 language tag for what the user reads (emails, messages). */
  @Column({ type: "varchar", length: 16, default: "en" }) preferredLanguage: string;
  /** Two-step sign-in (R27): the authenticator secret once confirmed, and one awaiting confirmation. */
  @Column({ type: "varchar", length: 64, nullable: true }) totpSecret: string | null;
  @Column({ type: "varchar", length: 64, nullable: true }) totpPendingSecret: string | null;
  @TimestampColumn({ nullable: true }) totpEnabledAt: Date | null;
  /** The last TOTP time step (30 s) a sign-in was accepted with: a code of it or an earlier one is refused (no replay). */
  @Column({ type: "integer", nullable: true }) totpLastStep: number | null;
  @TimestampColumn({ nullable: true }) passwordChangedAt: Date | null;
  @CreatedAtColumn() createdAt: Date;
}
