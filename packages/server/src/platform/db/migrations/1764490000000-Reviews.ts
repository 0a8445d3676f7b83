import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer reviews recorded from public platforms, with the company's response (issue 15). */
export class Reviews1764490000000 implements MigrationInterface {
  name = 'Reviews1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform varchar(10) NOT NULL CHECK (platform IN ('GOOGLE', 'FACEBOOK', 'YELP', 'BBB', 'ANGI', 'NEXTDOOR', 'INTERNAL')),
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        text text,
        author_name varchar(200) NOT NULL,
        posted_at timestamptz(3) NOT NULL,
        url varchar(2000),
        customer_id uuid REFERENCES customers(id) ON DELETE SET NULL,
        project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        status varchar(10) NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'RESPONDED', 'FLAGGED')),
        flag_reason varchar(1000),
        response_text text,
        responded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        responded_at timestamptz(3),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX reviews_posted_idx ON reviews (posted_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX reviews_rating_idx ON reviews (rating DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX reviews_team_idx ON reviews (team_id, posted_at DESC)`);
    await q.query(`CREATE INDEX reviews_customer_idx ON reviews (customer_id, posted_at DESC, id DESC)`);
    await q.query(`CREATE INDEX reviews_project_idx ON reviews (project_id, posted_at DESC, id DESC)`);
    await q.query(`CREATE INDEX reviews_trash_idx ON reviews (deleted_at) WHERE deleted_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reviews');
  }
}
