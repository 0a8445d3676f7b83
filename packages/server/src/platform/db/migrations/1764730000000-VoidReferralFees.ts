import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referral fees can be voided (the won job was cancelled or refunded, the referral was a duplicate): status `VOID`
 * from `ACCRUED` or `APPROVED`, with when, by whom and why. A void fee keeps its approval (if it had one) and is
 * never paid: `paid_at` stays null (the existing `(status = 'PAID') = (paid_at IS NOT NULL)` check).
 *
 * The status and approval checks were created unnamed in `1764450000000-ReferralFees` (PostgreSQL named them
 * `referral_fees_status_check` and `referral_fees_check`); they are replaced by named ones.
 */
export class VoidReferralFees1764730000000 implements MigrationInterface {
  name = 'VoidReferralFees1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE referral_fees
        ADD COLUMN voided_at timestamptz(3),
        ADD COLUMN voided_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN void_reason varchar(500),
        DROP CONSTRAINT referral_fees_status_check,
        DROP CONSTRAINT referral_fees_check,
        ADD CONSTRAINT referral_fees_status_check CHECK (status IN ('ACCRUED', 'APPROVED', 'PAID', 'VOID')),
        ADD CONSTRAINT referral_fees_approved_check CHECK (status = 'VOID' OR (status = 'ACCRUED') = (approved_at IS NULL)),
        ADD CONSTRAINT referral_fees_void_check CHECK ((status = 'VOID') = (voided_at IS NOT NULL) AND (status = 'VOID') = (void_reason IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = (await q.query(`SELECT count(*)::int AS n FROM referral_fees WHERE status = 'VOID'`)) as [{ n: number }];
    if (n) throw new Error(`${n} referral fees are VOID; the schema before voiding cannot hold them. Delete or restore them before reverting.`);
    await q.query(`
      ALTER TABLE referral_fees
        DROP CONSTRAINT referral_fees_void_check,
        DROP CONSTRAINT referral_fees_approved_check,
        DROP CONSTRAINT referral_fees_status_check,
        ADD CONSTRAINT referral_fees_status_check CHECK (status IN ('ACCRUED', 'APPROVED', 'PAID')),
        ADD CONSTRAINT referral_fees_check CHECK ((status = 'ACCRUED') = (approved_at IS NULL)),
        DROP COLUMN void_reason,
        DROP COLUMN voided_by_id,
        DROP COLUMN voided_at`);
  }
}
