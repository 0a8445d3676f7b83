import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AddressedEntity } from '../../platform/db/addressed.entity';
import type { LeadPriority, LeadSource, LeadStatus, ProjectType } from '../../generated/graphql';

@Entity('leads')
export class LeadEntity extends AddressedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 20 })
  source: LeadSource;

  @Column({ type: 'varchar', length: 30 })
  status: LeadStatus;

  @Column({ name: 'lost_reason', type: 'varchar', length: 500, nullable: true })
  lostReason: string | null;

  @Column({ type: 'smallint' })
  score: number;

  /** Why the lead has its score (see LeadScoringService). */
  @Column({ name: 'score_factors', type: 'jsonb', default: () => "'[]'" })
  scoreFactors: Array<{ factor: string; points: number; explanation: string }>;

  @Column({ name: 'scored_at', type: 'timestamptz', precision: 3, nullable: true })
  scoredAt: Date | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  /** The partner who referred the lead (`LeadSource.PARTNER`). */
  @Column({ name: 'referred_partner_id', type: 'uuid', nullable: true })
  referredPartnerId: string | null;

  /** The customer who referred the lead from the review rating page (`LeadSource.REFERRAL`). */
  @Column({ name: 'referred_customer_id', type: 'uuid', nullable: true })
  referredCustomerId: string | null;

  /** The contact person at that partner, when known. */
  @Column({ name: 'referred_contact_id', type: 'uuid', nullable: true })
  referredContactId: string | null;

  /** The referring partner's own reference for the referral (unique per partner: a resent referral is found again). */
  @Column({ name: 'partner_reference', type: 'varchar', length: 100, nullable: true })
  partnerReference: string | null;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ name: 'project_type', type: 'varchar', length: 30, nullable: true })
  projectType: ProjectType | null;

  /** Decimal string. */
  @Column({ name: 'estimated_value', type: 'numeric', precision: 12, scale: 2, nullable: true })
  estimatedValue: string | null;

  @Column({ type: 'varchar', length: 10 })
  priority: LeadPriority;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'next_follow_up_at', type: 'timestamptz', precision: 3, nullable: true })
  nextFollowUpAt: Date | null;

  @Column({ name: 'converted_project_id', type: 'uuid', nullable: true })
  convertedProjectId: string | null;

  @Column({ name: 'converted_at', type: 'timestamptz', precision: 3, nullable: true })
  convertedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;
}
