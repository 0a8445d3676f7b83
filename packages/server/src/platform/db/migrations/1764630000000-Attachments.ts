import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos and documents (issue 18, item 2): attachments of leads, projects, claims and supplements, their file in the
 * object storage (platform/storage); one row per uploader and idempotency key, so a retried upload is not stored twice.
 */
export class Attachments1764630000000 implements MigrationInterface {
  name = 'Attachments1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_kind varchar(12) NOT NULL CHECK (owner_kind IN ('LEAD', 'PROJECT', 'CLAIM', 'SUPPLEMENT')),
        owner_id uuid NOT NULL,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        kind varchar(20) NOT NULL CHECK (kind IN ('BEFORE', 'DAMAGE', 'DURING', 'AFTER', 'DOCUMENT', 'SIGNED_CONTRACT', 'INSURANCE_SCOPE')),
        caption varchar(500),
        file_name varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        storage_key varchar(300) NOT NULL,
        thumbnail_key varchar(300),
        thumbnail_status varchar(10) NOT NULL CHECK (thumbnail_status IN ('NONE', 'PENDING', 'READY', 'FAILED')),
        width integer,
        height integer,
        taken_at timestamptz(3),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        shared_with_adjuster boolean NOT NULL DEFAULT false,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        upload_key varchar(100) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3)
      )`);
    // An owner's gallery, newest first (the keyset order of `attachments` and of Lead/Project.attachments).
    await q.query(`CREATE INDEX attachments_owner_idx ON attachments (owner_kind, owner_id, created_at DESC, id DESC)`);
    await q.query(`CREATE UNIQUE INDEX attachments_upload_key_idx ON attachments (uploaded_by, upload_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE attachments');
  }
}
