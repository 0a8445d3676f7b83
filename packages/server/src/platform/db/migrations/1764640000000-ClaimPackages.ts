import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claim packages (issue 18, item 2): photos picked into a supplement from the claim's own, its project's and its
 * lead's (in order, no second upload), and the claim package PDFs a job builds and attaches to the claim.
 */
export class ClaimPackages1764640000000 implements MigrationInterface {
  name = 'ClaimPackages1764640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supplement_photos (
        supplement_id uuid NOT NULL REFERENCES supplements(id) ON DELETE CASCADE,
        attachment_id uuid NOT NULL REFERENCES attachments(id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position >= 0),
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (supplement_id, attachment_id),
        UNIQUE (supplement_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`CREATE INDEX supplement_photos_attachment_idx ON supplement_photos (attachment_id)`);
    await q.query(`
      CREATE TABLE claim_packages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES insurance_claims(id) ON DELETE CASCADE,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        supplement_id uuid REFERENCES supplements(id) ON DELETE SET NULL,
        photo_ids uuid[] NOT NULL DEFAULT '{}',
        status varchar(10) NOT NULL CHECK (status IN ('QUEUED', 'READY', 'FAILED')),
        document_id uuid REFERENCES attachments(id) ON DELETE SET NULL,
        page_count integer,
        error varchar(500),
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        finished_at timestamptz(3)
      )`);
    // A claim's packages, newest first (InsuranceClaim.packages).
    await q.query(`CREATE INDEX claim_packages_claim_idx ON claim_packages (claim_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE claim_packages');
    await q.query('DROP TABLE supplement_photos');
  }
}
