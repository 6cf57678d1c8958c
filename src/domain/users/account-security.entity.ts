import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";

/** A single-use code to sign in when the authenticator is lost (R27); only its SHA-256 is kept. */
@Entity("recovery_codes")
export class RecoveryCode {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column({ type: "integer" }) userId: number;
  @Column({ type: "varchar", length: 64 }) codeHash: string;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn({ nullable: true }) usedAt: Date | null;
}

/** A device a user has signed in from; a sign-in from a new one is notified (R27). */
@Entity("known_devices")
@Index(["userId", "fingerprint"], { unique: true })
export class KnownDevice {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) userId: number;
  /** SHA-256 of the client kind and the User-Agent. */
  @Column({ type: "varchar", length: 64 }) fingerprint: string;
  @Column({ type: "varchar", length: 400 }) label: string;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn() lastSeenAt: Date;
}

/** A password reset by emailed single-use token; only its SHA-256 is kept. */
@Entity("password_reset_tokens")
export class PasswordResetToken {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column({ type: "integer" }) userId: number;
  @Index({ unique: true }) @Column({ type: "varchar", length: 64 }) tokenHash: string;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn() expiresAt: Date;
  @TimestampColumn({ nullable: true }) usedAt: Date | null;
}
