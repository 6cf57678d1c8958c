import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../../db/columns";

@Entity("users")
export class User {
  @PrimaryGeneratedColumn() id: number;
  /** Stored lower-cased; unique. */
  @Index({ unique: true }) @Column({ type: "varchar", length: 320 }) email: string;
  @Column({ type: "varchar", length: 200 }) name: string;
  @Column({ type: "varchar", length: 200 }) passwordHash: string;
  /** The operator's support staff (R18, R30). */
  @Column({ type: "boolean", default: false }) platformSupport: boolean;
  @CreatedAtColumn() createdAt: Date;
}
