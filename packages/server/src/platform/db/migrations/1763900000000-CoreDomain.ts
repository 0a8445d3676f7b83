import type { MigrationInterface, QueryRunner } from 'typeorm';

const ts = 'timestamptz(3)';
const address = (prefix: string) => `
  ${prefix}street varchar(200),
  ${prefix}city varchar(100),
  ${prefix}state varchar(2),
  ${prefix}zip varchar(10)`;
const stamps = `
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at ${ts} NOT NULL DEFAULT now(),
  updated_at ${ts} NOT NULL DEFAULT now(),
  deleted_at ${ts}`;
const inList = (col: string, values: string[]) => `CHECK (${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`;
const PROJECT_TYPES = ['FULL_REPLACEMENT', 'REPAIR', 'GUTTERS', 'SIDING', 'INSPECTION', 'STORM_DAMAGE', 'OTHER'];

/** Customers, leads, projects (+ crew), appointments, interactions, team managers and the audit log. */
export class CoreDomain1763900000000 implements MigrationInterface {
  name = 'CoreDomain1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`ALTER TABLE teams ADD COLUMN manager_id uuid REFERENCES users (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX teams_manager_id_idx ON teams (manager_id)`);

    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        email varchar(254),
        phone varchar(20),
        ${address('address_')},
        customer_type varchar(20) NOT NULL DEFAULT 'RESIDENTIAL' ${inList('customer_type', ['RESIDENTIAL', 'COMMERCIAL'])},
        segment varchar(50),
        team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
        ${stamps},
        search_text text GENERATED ALWAYS AS (lower(
          coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' ||
          coalesce(address_street, '') || ' ' || coalesce(address_city, '') || ' ' || coalesce(address_zip, '')
        )) STORED
      )`);
    await q.query(`CREATE UNIQUE INDEX customers_email_key ON customers (lower(email)) WHERE email IS NOT NULL`);
    await q.query(`CREATE INDEX customers_search_idx ON customers USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX customers_created_idx ON customers (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX customers_updated_idx ON customers (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX customers_name_idx ON customers (name, id)`);
    await q.query(`CREATE INDEX customers_team_idx ON customers (team_id)`);
    await q.query(`CREATE INDEX customers_segment_idx ON customers (lower(segment))`);

    await q.query(`
      CREATE TABLE leads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid REFERENCES customers (id) ON DELETE SET NULL,
        contact_name varchar(200),
        contact_email varchar(254),
        contact_phone varchar(20),
        ${address('address_')},
        source varchar(20) NOT NULL ${inList('source', ['DOOR_KNOCK', 'REFERRAL', 'WEBSITE', 'STORM_CANVASS', 'PARTNER', 'ADS', 'PHONE', 'OTHER'])},
        status varchar(30) NOT NULL DEFAULT 'NEW' ${inList('status', ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON', 'LOST'])},
        lost_reason varchar(500),
        score smallint NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
        assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
        project_type varchar(30) ${inList('project_type', PROJECT_TYPES)},
        estimated_value numeric(12, 2) CHECK (estimated_value >= 0),
        priority varchar(10) NOT NULL DEFAULT 'MEDIUM' ${inList('priority', ['LOW', 'MEDIUM', 'HIGH', 'URGENT'])},
        notes text,
        next_follow_up_at ${ts},
        converted_project_id uuid,
        converted_at ${ts},
        ${stamps},
        search_text text GENERATED ALWAYS AS (lower(
          coalesce(contact_name, '') || ' ' || coalesce(contact_email, '') || ' ' || coalesce(contact_phone, '') || ' ' ||
          coalesce(address_street, '') || ' ' || coalesce(address_city, '') || ' ' || coalesce(address_zip, '')
        )) STORED
      )`);
    await q.query(`CREATE INDEX leads_search_idx ON leads USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX leads_created_idx ON leads (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX leads_score_idx ON leads (score DESC, id DESC)`);
    await q.query(`CREATE INDEX leads_status_idx ON leads (status)`);
    await q.query(`CREATE INDEX leads_team_status_idx ON leads (team_id, status)`);
    await q.query(`CREATE INDEX leads_assignee_idx ON leads (assignee_id)`);
    await q.query(`CREATE INDEX leads_customer_idx ON leads (customer_id)`);
    await q.query(`CREATE INDEX leads_follow_up_idx ON leads (next_follow_up_at) WHERE deleted_at IS NULL`);

    await q.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        lead_id uuid REFERENCES leads (id) ON DELETE SET NULL,
        name varchar(200) NOT NULL,
        project_type varchar(30) NOT NULL ${inList('project_type', PROJECT_TYPES)},
        status varchar(20) NOT NULL DEFAULT 'PLANNING' ${inList('status', ['PLANNING', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'])},
        budget numeric(12, 2) CHECK (budget >= 0),
        actual_cost numeric(12, 2) NOT NULL DEFAULT 0 CHECK (actual_cost >= 0),
        start_date date,
        end_date date,
        completion_percentage smallint NOT NULL DEFAULT 0 CHECK (completion_percentage BETWEEN 0 AND 100),
        team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
        ${stamps},
        CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
      )`);
    await q.query(`ALTER TABLE leads ADD CONSTRAINT leads_converted_project_fk FOREIGN KEY (converted_project_id) REFERENCES projects (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX projects_customer_idx ON projects (customer_id)`);
    await q.query(`CREATE INDEX projects_status_idx ON projects (status)`);
    await q.query(`CREATE INDEX projects_dates_idx ON projects (start_date, end_date)`);
    await q.query(`CREATE INDEX projects_created_idx ON projects (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX projects_team_idx ON projects (team_id)`);
    await q.query(`CREATE INDEX projects_name_trgm_idx ON projects USING gin (lower(name) gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE project_members (
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        assigned_at ${ts} NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, user_id)
      )`);
    await q.query(`CREATE INDEX project_members_user_idx ON project_members (user_id, project_id)`);

    await q.query(`
      CREATE TABLE appointments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        lead_id uuid REFERENCES leads (id) ON DELETE SET NULL,
        project_id uuid REFERENCES projects (id) ON DELETE SET NULL,
        kind varchar(20) NOT NULL ${inList('kind', ['INSPECTION', 'ESTIMATE', 'INSTALL', 'FOLLOW_UP'])},
        title varchar(200) NOT NULL,
        starts_at ${ts} NOT NULL,
        ends_at ${ts} NOT NULL,
        assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
        location varchar(300),
        status varchar(20) NOT NULL DEFAULT 'SCHEDULED' ${inList('status', ['SCHEDULED', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'])},
        notes text,
        team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
        ${stamps},
        CHECK (ends_at > starts_at),
        CONSTRAINT appointments_no_double_booking EXCLUDE USING gist (
          assignee_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&
        ) WHERE (assignee_id IS NOT NULL AND deleted_at IS NULL AND status NOT IN ('CANCELLED', 'NO_SHOW'))
      )`);
    await q.query(`CREATE INDEX appointments_starts_idx ON appointments (starts_at, id)`);
    await q.query(`CREATE INDEX appointments_assignee_idx ON appointments (assignee_id, starts_at)`);
    await q.query(`CREATE INDEX appointments_customer_idx ON appointments (customer_id)`);
    await q.query(`CREATE INDEX appointments_project_idx ON appointments (project_id)`);
    await q.query(`CREATE INDEX appointments_lead_idx ON appointments (lead_id)`);
    await q.query(`CREATE INDEX appointments_team_idx ON appointments (team_id, starts_at)`);

    await q.query(`
      CREATE TABLE interactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        lead_id uuid REFERENCES leads (id) ON DELETE SET NULL,
        project_id uuid REFERENCES projects (id) ON DELETE SET NULL,
        type varchar(10) NOT NULL ${inList('type', ['CALL', 'EMAIL', 'SMS', 'VISIT', 'NOTE'])},
        channel varchar(50),
        direction varchar(10) NOT NULL ${inList('direction', ['INBOUND', 'OUTBOUND', 'INTERNAL'])},
        subject varchar(200),
        notes text,
        outcome varchar(100),
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
        occurred_at ${ts} NOT NULL DEFAULT now(),
        created_at ${ts} NOT NULL DEFAULT now(),
        updated_at ${ts} NOT NULL DEFAULT now(),
        deleted_at ${ts}
      )`);
    await q.query(`CREATE INDEX interactions_customer_time_idx ON interactions (customer_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX interactions_time_idx ON interactions (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX interactions_project_time_idx ON interactions (project_id, occurred_at DESC) WHERE project_id IS NOT NULL`);
    await q.query(`CREATE INDEX interactions_lead_idx ON interactions (lead_id) WHERE lead_id IS NOT NULL`);
    await q.query(`CREATE INDEX interactions_user_time_idx ON interactions (user_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX interactions_team_time_idx ON interactions (team_id, occurred_at DESC)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        occurred_at ${ts} NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        entity_type varchar(40) NOT NULL,
        entity_id uuid NOT NULL,
        action varchar(20) NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}',
        team_id uuid,
        request_id varchar(100)
      )`);
    await q.query(`CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_log_team_idx ON audit_log (team_id, occurred_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'interactions', 'appointments', 'project_members']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE leads DROP CONSTRAINT leads_converted_project_fk`);
    for (const t of ['projects', 'leads', 'customers']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE teams DROP COLUMN manager_id`);
  }
}
