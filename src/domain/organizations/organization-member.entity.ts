import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../../db/columns";
import { Organization } from "./organization.entity";
import { User } from "../users/user.entity";

/** A merchant user's place in an organization; its organization roles are in OrganizationMemberRole. */
@Entity("organization_members")
@Index(["organizationId", "userId"], { unique: true })
export class OrganizationMember {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => Organization, { onDelete: "CASCADE" })
  @Column({ type: "integer" })
  organizationId: number;
  @ForeignKey(() => User, { onDelete: "CASCADE" })
  @Index()
  @Column({ type: "integer" })
  userId: number;
  @CreatedAtColumn() createdAt: Date;
}
