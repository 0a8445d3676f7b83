import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CauseOfLoss, ClaimStatus } from '../../generated/graphql';
import { SoftDeletableEntity } from '../../platform/db/soft-deletable.entity';

/**
 * An insurance claim on a lead or a project (at least one; a claim on a lead follows it into its project). Its team is
 * its project's, else its lead's (kept by triggers, migration InsuranceClaims). Amounts are decimal strings.
 */
@Entity('insurance_claims')
export class ClaimEntity extends SoftDeletableEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId: string | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  /** The staff member responsible (told of the depreciation deadline). */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ type: 'varchar', length: 200 })
  carrier: string;

  @Column({ name: 'claim_number', type: 'varchar', length: 100, nullable: true })
  claimNumber: string | null;

  @Column({ name: 'policy_number', type: 'varchar', length: 100, nullable: true })
  policyNumber: string | null;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'date_of_loss', type: 'date' })
  dateOfLoss: string;

  @Column({ name: 'cause_of_loss', type: 'varchar', length: 10 })
  causeOfLoss: CauseOfLoss;

  @Column({ type: 'varchar', length: 30 })
  status: ClaimStatus;

  @Column({ name: 'inspection_at', type: 'timestamptz', precision: 3, nullable: true })
  inspectionAt: Date | null;

  /** An adjuster partner (kind INSURANCE_ADJUSTER); exclusive with `adjusterName`. */
  @Column({ name: 'adjuster_partner_id', type: 'uuid', nullable: true })
  adjusterPartnerId: string | null;

  @Column({ name: 'adjuster_contact_id', type: 'uuid', nullable: true })
  adjusterContactId: string | null;

  @Column({ name: 'adjuster_name', type: 'varchar', length: 200, nullable: true })
  adjusterName: string | null;

  /** E.164. */
  @Column({ name: 'adjuster_phone', type: 'varchar', length: 20, nullable: true })
  adjusterPhone: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  rcv: string | null;

  @Column({ name: 'recoverable_depreciation', type: 'numeric', precision: 12, scale: 2 })
  recoverableDepreciation: string;

  @Column({ name: 'non_recoverable_depreciation', type: 'numeric', precision: 12, scale: 2 })
  nonRecoverableDepreciation: string;

  @Column({ name: 'overhead_and_profit', type: 'numeric', precision: 12, scale: 2, nullable: true })
  overheadAndProfit: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2 })
  deductible: string;

  @Column({ name: 'approved_total', type: 'numeric', precision: 12, scale: 2, nullable: true })
  approvedTotal: string | null;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'depreciation_deadline', type: 'date', nullable: true })
  depreciationDeadline: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;
}
