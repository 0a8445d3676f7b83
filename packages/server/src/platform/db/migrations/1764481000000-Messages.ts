import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outgoing messages (e-mail and SMS, sent by the `message-send` job) and the customers' consent to them (issue 15). */
export class Messages1764481000000 implements MigrationInterface {
  name = 'Messages1764481000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel varchar(10) NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
        purpose varchar(20) NOT NULL CHECK (purpose IN ('TRANSACTIONAL', 'MARKETING', 'REVIEW')),
        recipient varchar(254) NOT NULL,
        template varchar(60) NOT NULL,
        subject varchar(300),
        text text NOT NULL,
        html text,
        status varchar(12) NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'SUPPRESSED')),
        attempts integer NOT NULL DEFAULT 0,
        provider varchar(20),
        provider_id varchar(200),
        error varchar(500),
        customer_id uuid REFERENCES customers(id) ON DELETE SET NULL,
        lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
        project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        unsubscribe_token varchar(64) UNIQUE,
        send_after timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX messages_created_idx ON messages (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX messages_team_created_idx ON messages (team_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX messages_customer_idx ON messages (customer_id)`);
    await q.query(`CREATE INDEX messages_lead_idx ON messages (lead_id)`);
    await q.query(`CREATE INDEX messages_project_idx ON messages (project_id)`);
    await q.query(`ALTER TABLE customers ADD COLUMN email_opt_in boolean NOT NULL DEFAULT false, ADD COLUMN sms_opt_in boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customers DROP COLUMN email_opt_in, DROP COLUMN sms_opt_in`);
    await q.query(`DROP TABLE messages`);
  }
}
