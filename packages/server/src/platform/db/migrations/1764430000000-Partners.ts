import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Referral partners and their contact people (issue 13). */
export class Partners1764430000000 implements MigrationInterface {
  name = 'Partners1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        kind varchar(30) NOT NULL CHECK (kind IN ('REALTOR', 'INSURANCE_AGENT', 'INSURANCE_ADJUSTER', 'HOME_INSPECTOR', 'PROPERTY_MANAGER', 'SUPPLIER', 'OTHER')),
        status varchar(10) NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'ENDED')),
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        notes text,
        fee_kind varchar(10) NOT NULL DEFAULT 'NONE' CHECK (fee_kind IN ('NONE', 'PERCENT', 'FLAT')),
        fee_percent numeric(5, 2) CHECK (fee_percent > 0 AND fee_percent <= 100),
        fee_flat numeric(12, 2) CHECK (fee_flat > 0),
        fee_cap numeric(12, 2) CHECK (fee_cap > 0),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        CHECK ((fee_kind = 'PERCENT') = (fee_percent IS NOT NULL) AND (fee_kind = 'FLAT') = (fee_flat IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX partners_name_idx ON partners (name, id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX partners_created_idx ON partners (created_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX partners_updated_idx ON partners (updated_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX partners_team_idx ON partners (team_id)`);
    await q.query(`CREATE INDEX partners_trash_idx ON partners (deleted_at) WHERE deleted_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE partner_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        email varchar(254),
        phone varchar(20),
        role varchar(100),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partner_contacts_partner_idx ON partner_contacts (partner_id, name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE partner_contacts');
    await q.query('DROP TABLE partners');
  }
}
