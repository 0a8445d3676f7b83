import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed sign-ins of the last day, for throttling guessing by e-mail, by address and by the pair. */
export class LoginThrottle1764300000000 implements MigrationInterface {
  name = 'LoginThrottle1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        email varchar(254) NOT NULL,
        ip varchar(64),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_email_at_idx ON login_failures (lower(email), at)`);
    await q.query(`CREATE INDEX login_failures_ip_at_idx ON login_failures (ip, at) WHERE ip IS NOT NULL`);
    await q.query(`CREATE INDEX login_failures_at_idx ON login_failures (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failures`);
  }
}
