import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { JsonColumn, TimestampColumn } from "../../db/columns";
import { Store } from "../stores/store.entity";
import { Organization } from "../organizations/organization.entity";
import { PartnerOrganization } from "../partners/partner-organization.entity";
import { User } from "../users/user.entity";

/** An append-only record of a change. Names are copied in, so they stay as they were (R16). */
@Entity("audit_events")
@Index(["storeId", "id"])
@Index(["organizationId", "id"])
export class AuditEvent {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => Store, { onDelete: "RESTRICT" })
  @Column({ type: "integer", nullable: true })
  storeId: number | null;
  @ForeignKey(() => Organization, { onDelete: "RESTRICT" })
  @Column({ type: "integer", nullable: true })
  organizationId: number | null;
  @ForeignKey(() => PartnerOrganization, { onDelete: "RESTRICT" })
  @Column({ type: "integer", nullable: true })
  partnerOrganizationId: number | null;
  @Column({ type: "varchar", length: 64 }) action: string;
  @ForeignKey(() => User, { onDelete: "RESTRICT" })
  @Column({ type: "integer", nullable: true })
  actorId: number | null;
  @Column({ type: "varchar", length: 200 }) actorName: string;
  @Column({ type: "varchar", length: 32, nullable: true }) targetType: string | null;
  @Column({ type: "integer", nullable: true }) targetId: number | null;
  @Column({ type: "varchar", length: 400, nullable: true }) targetName: string | null;
  @JsonColumn() details: Record<string, unknown>;
  @TimestampColumn() createdAt: Date;
  /** The hash chain: this event's SHA-256 over its content and the previous event's hash. */
  @Column({ type: "varchar", length: 64 }) prevHash: string;
  @Column({ type: "varchar", length: 64 }) hash: string;
}
