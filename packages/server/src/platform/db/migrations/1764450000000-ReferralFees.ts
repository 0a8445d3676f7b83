import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referral fees (issue 13): what a partner is owed for one won job, accrued when a lead it referred is converted into
 * a project (at most once per project: `project_id` is unique, and accrual inserts with ON CONFLICT DO NOTHING), then
 * approved and paid. The referred leads of a partner, newest first, for `Partner.referrals` and partner performance.
 */
export class ReferralFees1764450000000 implements MigrationInterface {
  name = 'ReferralFees1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral_fees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        amount numeric(12, 2) NOT NULL CHECK (amount >= 0),
        status varchar(10) NOT NULL DEFAULT 'ACCRUED' CHECK (status IN ('ACCRUED', 'APPROVED', 'PAID')),
        accrued_at timestamptz(3) NOT NULL DEFAULT now(),
        approved_at timestamptz(3),
        approved_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        paid_at timestamptz(3),
        paid_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT referral_fees_project_key UNIQUE (project_id),
        CHECK ((status = 'ACCRUED') = (approved_at IS NULL)),
        CHECK ((status = 'PAID') = (paid_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX referral_fees_accrued_idx ON referral_fees (accrued_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referral_fees_partner_idx ON referral_fees (partner_id, accrued_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referral_fees_team_idx ON referral_fees (team_id)`);
    await q.query(`CREATE INDEX referral_fees_lead_idx ON referral_fees (lead_id)`);
    // A partner's referrals newest first (keyset by created_at, id), replacing the index by partner and creation time.
    await q.query(`DROP INDEX leads_referred_partner_idx`);
    await q.query(`CREATE INDEX leads_referred_partner_idx ON leads (referred_partner_id, created_at DESC, id DESC) WHERE referred_partner_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX leads_referred_partner_idx`);
    await q.query(`CREATE INDEX leads_referred_partner_idx ON leads (referred_partner_id, created_at) WHERE referred_partner_id IS NOT NULL`);
    await q.query('DROP TABLE referral_fees');
  }
}
