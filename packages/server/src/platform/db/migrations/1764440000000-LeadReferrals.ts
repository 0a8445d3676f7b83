import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who referred a lead: a partner and, when known, the contact person there (issue 13). */
export class LeadReferrals1764440000000 implements MigrationInterface {
  name = 'LeadReferrals1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads ADD COLUMN referred_partner_id uuid REFERENCES partners(id) ON DELETE SET NULL,
                                      ADD COLUMN referred_contact_id uuid REFERENCES partner_contacts(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX leads_referred_partner_idx ON leads (referred_partner_id, created_at) WHERE referred_partner_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE leads DROP COLUMN referred_contact_id, DROP COLUMN referred_partner_id');
  }
}
