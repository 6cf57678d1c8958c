import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../../db/columns";

/** A merchant user's place in an organization; its organization roles are in OrganizationMemberRole. */
@Entity("organization_members")
@Index(["organizationId", "userId"], { unique: true })
export class OrganizationMember {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) organizationId: number;
  @Index() @Column({ type: "integer" }) userId: number;
  @CreatedAtColumn() createdAt: Date;
}
