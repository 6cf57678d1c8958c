import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, JsonColumn, TimestampColumn } from "../../db/columns";
import type { StoreType } from "../stores/store.entity";
import { PartnerOrganization } from "./partner-organization.entity";
import { User } from "../users/user.entity";

export type PartnerMemberType = "OWNER" | "STAFF";
/** INVITED until the invitee accepts (R27); invitations expire after 7 days. */
export type PartnerMemberStatus = "INVITED" | "ACTIVE";
export type AccessLevel = "NONE" | "ALL" | "SPECIFIC";
export type PartnerStoreAction = "ADD_ARCHIVE_UNARCHIVE" | "TRANSFER" | "ADD_REMOVE";
export interface StoreTypeAccess {
  access: AccessLevel;
  storeIds: number[];
  actions: PartnerStoreAction[];
}
export type StoreAccessMap = Partial<Record<StoreType, StoreTypeAccess>>;

/**
 * A partner user's place in a partner organization (R22-R25), from the invitation on (R27). An
 * invitation names an email; its user is known once someone with that email accepts.
 */
@Entity("partner_members")
@Index(["partnerOrganizationId", "userId"], { unique: true })
@Index("UQ_partner_members_invited_email", ["partnerOrganizationId", "invitedEmail"], {
  unique: true,
  where: `"status" = 'INVITED'`,
})
export class PartnerMember {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => PartnerOrganization, { onDelete: "CASCADE" })
  @Column({ type: "integer" })
  partnerOrganizationId: number;
  @ForeignKey(() => User, { onDelete: "CASCADE" })
  @Index()
  @Column({ type: "integer", nullable: true })
  userId: number | null;
  @Column({ type: "varchar", length: 16, default: "ACTIVE" }) status: PartnerMemberStatus;
  @Column({ type: "varchar", length: 16 }) type: PartnerMemberType;
  /** R23 sensitive permissions, as granted (implied ones are derived). */
  @JsonColumn() permissions: string[];
  /** R24 access per store type; owners have ALL everywhere whatever this says. */
  @JsonColumn() storeAccess: StoreAccessMap;
  /** The invitation (R27): to whom, by whom, its token's SHA-256 and its end. */
  @Column({ type: "varchar", length: 320, nullable: true }) invitedEmail: string | null;
  @ForeignKey(() => User, { onDelete: "SET NULL" })
  @Column({ type: "integer", nullable: true })
  invitedById: number | null;
  @Index({ unique: true }) @Column({ type: "varchar", length: 64, nullable: true }) invitationTokenHash: string | null;
  @TimestampColumn({ nullable: true }) invitationExpiresAt: Date | null;
  @TimestampColumn({ nullable: true }) joinedAt: Date | null;
  @CreatedAtColumn() createdAt: Date;
}
