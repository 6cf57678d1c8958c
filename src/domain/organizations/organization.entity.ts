import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../../db/columns";
import { User } from "../users/user.entity";

@Entity("organizations")
export class Organization {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "varchar", length: 200 }) name: string;
  /** Plus organizations may put users in groups (R11) and have Plus sandboxes (R24). */
  @Column({ type: "boolean", default: false }) plus: boolean;
  @ForeignKey(() => User, { onDelete: "RESTRICT" })
  @Index()
  @Column({ type: "integer" })
  ownerId: number;
  @CreatedAtColumn() createdAt: Date;
}
