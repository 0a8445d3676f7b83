import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The claim-number key, as `modules/claims/claim-number.ts` checks it before a write. */
const NUMBER_KEY = 'lower(btrim(carrier)), lower(btrim(claim_number))';

/**
 * A carrier's claim number is on one claim outside the trash (trimmed, case-insensitive): a number entered twice sent
 * supplements and payments to the wrong file. And keyset indexes for ordering claims by their recoverable depreciation
 * deadline, claims without one last either way (the list's `DEPRECIATION_DEADLINE` order).
 *
 * Claims that already share a number stop the migration, naming them: which one holds the number is for the office
 * to decide (correct one of them, or move it to the trash), not for a migration.
 */
export class ClaimNumbers1764710000000 implements MigrationInterface {
  name = 'ClaimNumbers1764710000000';

  async up(q: QueryRunner): Promise<void> {
    const shared: Array<{ carrier: string; claim_number: string; ids: string[] }> = await q.query(
      `SELECT min(carrier) AS carrier, min(claim_number) AS claim_number, array_agg(id ORDER BY created_at) AS ids
       FROM insurance_claims WHERE deleted_at IS NULL AND btrim(claim_number) <> ''
       GROUP BY ${NUMBER_KEY} HAVING count(*) > 1`,
    );
    if (shared.length) {
      const list = shared.map((s) => `${s.carrier} ${s.claim_number}: ${s.ids.join(', ')}`).join('; ');
      throw new Error(`Claims share a carrier's claim number; renumber or trash all but one of each before migrating: ${list}`);
    }
    await q.query(`CREATE UNIQUE INDEX insurance_claims_number_key ON insurance_claims (${NUMBER_KEY}) WHERE deleted_at IS NULL AND btrim(claim_number) <> ''`);
    await q.query(`CREATE INDEX insurance_claims_deadline_asc_idx ON insurance_claims (COALESCE(depreciation_deadline, 'infinity'::date), id) WHERE deleted_at IS NULL`);
    await q.query(
      `CREATE INDEX insurance_claims_deadline_desc_idx ON insurance_claims (COALESCE(depreciation_deadline, '-infinity'::date) DESC, id DESC) WHERE deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX insurance_claims_deadline_desc_idx`);
    await q.query(`DROP INDEX insurance_claims_deadline_asc_idx`);
    await q.query(`DROP INDEX insurance_claims_number_key`);
  }
}
