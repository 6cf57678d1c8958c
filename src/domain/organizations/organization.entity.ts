import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../../db/columns";

@Entity("organizations")
export class Organization {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "varchar", length: 200 }) name: string;
  /** Plus organizations may put users in groups (R11) and have Plus sandboxes (R24). */
  @Column({ type: "boolean", default: false }) plus: boolean;
  @Index() @Column({ type: "integer" }) ownerId: number;
  @CreatedAtColumn() createdAt: Date;
}

/** A merchant user's place in an organization; its organization roles are in OrganizationMemberRole. */
@Entity("organization_members")
@Index(["organizationId", "userId"], { unique: true })
export class OrganizationMember {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) organizationId: number;
  @Index() @Column({ type: "integer" }) userId: number;
  @CreatedAtColumn() createdAt: Date;
}

@Entity("organization_member_roles")
export class OrganizationMemberRole {
  @PrimaryColumn({ type: "integer" }) memberId: number;
  @PrimaryColumn({ type: "integer" }) roleId: number;
}

/** The stores a Store user administrator is assigned to (R9, R10). */
@Entity("organization_member_stores")
export class OrganizationMemberStore {
  @PrimaryColumn({ type: "integer" }) memberId: number;
  @Index() @PrimaryColumn({ type: "integer" }) storeId: number;
}
