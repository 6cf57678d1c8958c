import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, JsonColumn } from "../../db/columns";

export type PartnerMemberType = "OWNER" | "STAFF";
export const STORE_TYPES = ["DEVELOPMENT", "MANAGED", "PLUS_SANDBOX"] as const;
export type StoreType = (typeof STORE_TYPES)[number];
export type AccessLevel = "NONE" | "ALL" | "SPECIFIC";
export type StoreAction = "ADD_ARCHIVE_UNARCHIVE" | "TRANSFER" | "ADD_REMOVE";
export interface StoreTypeAccess {
  access: AccessLevel;
  storeIds: number[];
  actions: StoreAction[];
}
export type StoreAccessMap = Partial<Record<StoreType, StoreTypeAccess>>;

@Entity("partner_organizations")
export class PartnerOrganization {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "varchar", length: 200 }) name: string;
  @Column({ type: "boolean", default: false }) plus: boolean;
  @CreatedAtColumn() createdAt: Date;
}

/** A partner user's place in a partner organization (R22-R25). */
@Entity("partner_members")
@Index(["partnerOrganizationId", "userId"], { unique: true })
export class PartnerMember {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) partnerOrganizationId: number;
  @Index() @Column({ type: "integer" }) userId: number;
  @Column({ type: "varchar", length: 16 }) type: PartnerMemberType;
  /** R23 sensitive permissions, as granted (implied ones are derived). */
  @JsonColumn() permissions: string[];
  /** R24 access per store type; owners have ALL everywhere whatever this says. */
  @JsonColumn() storeAccess: StoreAccessMap;
  @CreatedAtColumn() createdAt: Date;
}
