import { Column, Entity, PrimaryColumn } from "typeorm";

/** The end of the hash chain, kept apart so that deleting the newest events is detected too. */
@Entity("audit_chain_head")
export class AuditChainHead {
  @PrimaryColumn({ type: "integer" }) id: number;
  @Column({ type: "integer" }) lastEventId: number;
  @Column({ type: "varchar", length: 64 }) hash: string;
}
