import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'FILED', 'INSPECTION_SCHEDULED', 'INSPECTED', 'APPROVED', 'PARTIALLY_APPROVED', 'DENIED', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENT_APPROVED', 'PAID', 'CLOSED'`;

/**
 * Insurance claims on leads and projects, their stage history, supplements with their lines, and carrier payments
 * (issue 18). Money is numeric(12,2), quantities numeric(12,4). A claim's team follows its project (else its lead), and
 * a claim on a lead follows the lead into the project it becomes (triggers, so no writer can forget); a claim left with
 * neither (its parents removed for good) goes with them.
 */
export class InsuranceClaims1764620000000 implements MigrationInterface {
  name = 'InsuranceClaims1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insurance_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
        project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        carrier varchar(200) NOT NULL,
        claim_number varchar(100),
        policy_number varchar(100),
        date_of_loss date NOT NULL,
        cause_of_loss varchar(10) NOT NULL CHECK (cause_of_loss IN ('HAIL', 'WIND', 'TREE', 'OTHER')),
        status varchar(30) NOT NULL CHECK (status IN (${STATUSES})),
        inspection_at timestamptz(3),
        adjuster_partner_id uuid REFERENCES partners(id) ON DELETE SET NULL,
        adjuster_contact_id uuid REFERENCES partner_contacts(id) ON DELETE SET NULL,
        adjuster_name varchar(200),
        adjuster_phone varchar(20),
        rcv numeric(12, 2) CHECK (rcv >= 0),
        recoverable_depreciation numeric(12, 2) NOT NULL DEFAULT 0 CHECK (recoverable_depreciation >= 0),
        non_recoverable_depreciation numeric(12, 2) NOT NULL DEFAULT 0 CHECK (non_recoverable_depreciation >= 0),
        overhead_and_profit numeric(12, 2) CHECK (overhead_and_profit >= 0),
        deductible numeric(12, 2) NOT NULL DEFAULT 0 CHECK (deductible >= 0),
        approved_total numeric(12, 2) CHECK (approved_total >= 0),
        depreciation_deadline date,
        notes text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        CHECK (adjuster_partner_id IS NULL OR adjuster_name IS NULL)
      )`);
    for (const [name, columns] of [
      ['created', 'created_at DESC, id DESC'],
      ['updated', 'updated_at DESC, id DESC'],
      ['loss', 'date_of_loss DESC, id DESC'],
      ['adjuster', 'adjuster_partner_id, created_at DESC, id DESC'],
    ]) {
      await q.query(`CREATE INDEX insurance_claims_${name}_idx ON insurance_claims (${columns}) WHERE deleted_at IS NULL`);
    }
    await q.query(`CREATE INDEX insurance_claims_lead_idx ON insurance_claims (lead_id)`);
    await q.query(`CREATE INDEX insurance_claims_project_idx ON insurance_claims (project_id)`);
    await q.query(`CREATE INDEX insurance_claims_team_idx ON insurance_claims (team_id)`);
    await q.query(`CREATE INDEX insurance_claims_trash_idx ON insurance_claims (deleted_at) WHERE deleted_at IS NOT NULL`);
    await q.query(`CREATE INDEX insurance_claims_deadline_idx ON insurance_claims (depreciation_deadline) WHERE deleted_at IS NULL AND status NOT IN ('CLOSED', 'DENIED')`);

    await q.query(`
      CREATE TABLE insurance_claim_status_changes (
        id bigserial PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES insurance_claims(id) ON DELETE CASCADE,
        from_status varchar(30),
        to_status varchar(30) NOT NULL,
        reason varchar(500),
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        changed_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX insurance_claim_status_changes_claim_idx ON insurance_claim_status_changes (claim_id, id)`);

    await q.query(`
      CREATE TABLE supplements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES insurance_claims(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        status varchar(20) NOT NULL CHECK (status IN ('DRAFT', 'SENT', 'PARTIALLY_APPROVED', 'APPROVED', 'DENIED')),
        requested_total numeric(14, 2) NOT NULL DEFAULT 0,
        approved_total numeric(14, 2) NOT NULL DEFAULT 0,
        prepared_by uuid REFERENCES users(id) ON DELETE SET NULL,
        sent_at timestamptz(3),
        answered_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX supplements_claim_idx ON supplements (claim_id, created_at, id)`);
    await q.query(`CREATE INDEX supplements_sent_idx ON supplements (sent_at) WHERE sent_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE supplement_line_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplement_id uuid NOT NULL REFERENCES supplements(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        description varchar(300) NOT NULL,
        code varchar(40),
        quantity numeric(12, 4) NOT NULL CHECK (quantity > 0),
        unit varchar(20),
        unit_price numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
        requested_total numeric(12, 2) NOT NULL,
        approved_quantity numeric(12, 4) CHECK (approved_quantity >= 0),
        approved_unit_price numeric(12, 2) CHECK (approved_unit_price >= 0),
        approved_total numeric(12, 2) NOT NULL DEFAULT 0,
        UNIQUE (supplement_id, position)
      )`);

    await q.query(`
      CREATE TABLE carrier_payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES insurance_claims(id) ON DELETE CASCADE,
        kind varchar(15) NOT NULL CHECK (kind IN ('ACV', 'DEPRECIATION', 'SUPPLEMENT', 'OTHER')),
        amount numeric(12, 2) NOT NULL CHECK (amount > 0),
        received_on date NOT NULL,
        reference varchar(100),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX carrier_payments_claim_idx ON carrier_payments (claim_id, received_on, id)`);

    // A claim's team is its project's, else its lead's; a lead's claims go with it into its project.
    await q.query(`
      CREATE FUNCTION insurance_claims_follow_project() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE insurance_claims SET team_id = NEW.team_id WHERE project_id = NEW.id AND team_id IS DISTINCT FROM NEW.team_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER insurance_claims_follow_project AFTER UPDATE OF team_id ON projects
      FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION insurance_claims_follow_project()`);
    await q.query(`
      CREATE FUNCTION insurance_claims_follow_lead() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.converted_project_id IS NOT NULL AND OLD.converted_project_id IS DISTINCT FROM NEW.converted_project_id THEN
          UPDATE insurance_claims c SET project_id = p.id, team_id = p.team_id
            FROM projects p WHERE p.id = NEW.converted_project_id AND c.lead_id = NEW.id AND c.project_id IS NULL;
        END IF;
        IF OLD.team_id IS DISTINCT FROM NEW.team_id THEN
          UPDATE insurance_claims SET team_id = NEW.team_id WHERE lead_id = NEW.id AND project_id IS NULL;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER insurance_claims_follow_lead AFTER UPDATE OF team_id, converted_project_id ON leads
      FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.converted_project_id IS DISTINCT FROM NEW.converted_project_id)
      EXECUTE FUNCTION insurance_claims_follow_lead()`);
    await q.query(`
      CREATE FUNCTION insurance_claims_orphaned() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM insurance_claims WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER insurance_claims_orphaned AFTER UPDATE OF lead_id, project_id ON insurance_claims
      FOR EACH ROW WHEN (NEW.lead_id IS NULL AND NEW.project_id IS NULL) EXECUTE FUNCTION insurance_claims_orphaned()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER insurance_claims_follow_lead ON leads');
    await q.query('DROP TRIGGER insurance_claims_follow_project ON projects');
    await q.query('DROP TABLE carrier_payments');
    await q.query('DROP TABLE supplement_line_items');
    await q.query('DROP TABLE supplements');
    await q.query('DROP TABLE insurance_claim_status_changes');
    await q.query('DROP TABLE insurance_claims');
    await q.query('DROP FUNCTION insurance_claims_orphaned()');
    await q.query('DROP FUNCTION insurance_claims_follow_lead()');
    await q.query('DROP FUNCTION insurance_claims_follow_project()');
  }
}
