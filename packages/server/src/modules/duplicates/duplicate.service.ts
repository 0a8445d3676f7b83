import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AddressInput, DuplicateReason } from '../../generated/graphql';
import { applyScope, type Scope } from '../../platform/auth/scope';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import { fetchManyWith } from '../../platform/db/hydrate';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import type { JobSender } from '../../platform/jobs/job-queue';
import { isEmail, userError, Validator, type UserErrorData } from '../../platform/validation';
import { CustomerEntity } from '../customers/customer.entity';
import { customerScope } from '../customers/customer.policy';
import { LeadEntity } from '../leads/lead.entity';
import { leadScope } from '../leads/lead.policy';
import { openLead } from '../leads/open-lead';
import { DuplicatePairEntity } from './duplicate-pair.entity';
import { CLOSE_NAME, duplicateScore, MAX_SHARED_ADDRESS, MAX_SHARED_PHONE, nameSimilarity, sameAddress } from './duplicate-rules';

/** The review queue's scan (every 15 minutes, and after imports). */
export const DUPLICATES_SCAN_JOB = 'duplicates-scan';

export type DuplicatePairConnection = Connection<DuplicatePairEntity>;

/** `possibleDuplicates`' input as the service takes it: keys for IDs. */
export interface DuplicateProbe {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: AddressInput | null;
  excludeCustomerId?: string | null;
  excludeLeadId?: string | null;
}

export interface PossibleDuplicateModel {
  score: number;
  reasons: DuplicateReason[];
  customer: CustomerEntity | null;
  lead: LeadEntity | null;
}

const MAX_EACH = 5;

interface Signs {
  email: string | null;
  phone: string | null;
  name: string | null;
  street: string | null;
  zip: string | null;
}

/** What of the typed record can be matched (malformed parts left out). */
function signsOf(p: DuplicateProbe): Signs {
  const email = p.email?.trim() ?? '';
  const name = p.name?.trim().toLowerCase() ?? '';
  return {
    email: isEmail(email) ? email.toLowerCase() : null,
    phone: p.phone?.trim() ? new Validator().phone('phone', p.phone) : null,
    name: name.length >= 2 ? name : null,
    street: p.address?.street?.trim().toLowerCase() || null,
    zip: p.address?.zip?.trim() || null,
  };
}

/** Who may merge (and dismiss) two customers: admins; managers when both are in their teams. */
export function mayMerge(viewer: Viewer, a: { teamId: string | null }, b: { teamId: string | null }): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role !== 'MANAGER') return false;
  const teams = viewerTeamIds(viewer);
  return a.teamId !== null && b.teamId !== null && teams.includes(a.teamId) && teams.includes(b.teamId);
}

/**
 * Possible duplicates: the warning the customer and lead forms show as the user types (`possible`), and the review
 * queue of customer pairs (`list`, kept by `scan`), dismissable.
 */
export class DuplicateService {
  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobSender,
  ) {}

  /** Active customers and open leads the viewer may see that look like the typed record, most alike first. */
  async possible(viewer: Viewer, probe: DuplicateProbe): Promise<PossibleDuplicateModel[]> {
    const s = signsOf(probe);
    if (!s.email && !s.phone && !(s.name && s.street)) return [];
    const [customers, leads] = await Promise.all([
      this.alike(this.ds.getRepository(CustomerEntity).createQueryBuilder('c'), 'c', customerScope(viewer, 'c'), s, { name: 'name', email: 'email', phone: 'phone' }, probe.excludeCustomerId),
      this.alike(this.ds.getRepository(LeadEntity).createQueryBuilder('l').where(openLead('l')), 'l', leadScope(viewer, 'l'), s, { name: 'contact_name', email: 'contact_email', phone: 'contact_phone' }, probe.excludeLeadId),
    ]);
    return [
      ...customers.map(([customer, m]) => ({ ...m, customer, lead: null })),
      ...leads.map(([lead, m]) => ({ ...m, customer: null, lead })),
    ].sort((a, b) => b.score - a.score);
  }

  private alike<T extends CustomerEntity | LeadEntity>(
    qb: SelectQueryBuilder<T>,
    a: string,
    scope: Scope,
    s: Signs,
    col: { name: string; email: string; phone: string },
    exclude: string | null | undefined,
  ): Promise<Array<[T, { score: number; reasons: DuplicateReason[] }]>> {
    const similarity = s.name ? `similarity(lower(${a}.${col.name}), :dupName)` : '0';
    const signs = {
      email: s.email ? `coalesce(lower(${a}.${col.email}) = :dupEmail, false)` : 'false',
      phone: s.phone ? `coalesce(${a}.${col.phone} = :dupPhone, false)` : 'false',
      address:
        s.name && s.street
          ? `coalesce(lower(${a}.address_street) = :dupStreet AND ${s.zip ? `${a}.address_zip = :dupZip` : 'true'} AND ${similarity} >= ${CLOSE_NAME}, false)`
          : 'false',
    };
    const params = { dupEmail: s.email, dupPhone: s.phone, dupName: s.name, dupStreet: s.street, dupZip: s.zip };
    qb.andWhere(`(${signs.email} OR ${signs.phone} OR ${signs.address})`, params);
    if (exclude) qb.andWhere(`${a}.id <> :dupExclude`, { dupExclude: exclude });
    applyScope(qb, scope);
    const score = duplicateScore({ ...signs, similarity });
    qb.addSelect(score, 'dup_score')
      .addSelect(signs.email, 'dup_email')
      .addSelect(signs.phone, 'dup_phone')
      .addSelect(signs.address, 'dup_address')
      .orderBy('dup_score', 'DESC')
      .addOrderBy(`${a}.created_at`, 'ASC')
      .limit(MAX_EACH);
    return fetchManyWith(qb, (raw) => ({
      score: Number(raw.dup_score),
      reasons: [raw.dup_email && 'EMAIL', raw.dup_phone && 'PHONE', raw.dup_address && 'NAME_AND_ADDRESS'].filter(Boolean) as DuplicateReason[],
    }));
  }

  /** The queue: open pairs of active customers the viewer may merge (both visible: admins all, managers their teams'). */
  list(viewer: Viewer, args: PageArgs): Promise<DuplicatePairConnection> {
    return paginate(this.visible(viewer).andWhere('d.dismissed_at IS NULL'), args, [
      { sql: 'd.score', direction: 'DESC', value: (d) => d.score },
      { sql: 'd.id', direction: 'DESC', value: (d) => d.id },
    ]);
  }

  /** One pair the viewer may see (dismissed ones too), or null. */
  get(viewer: Viewer, id: string | null): Promise<DuplicatePairEntity | null> {
    if (!id || (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')) return Promise.resolve(null);
    return this.visible(viewer).andWhere('d.id = :id', { id }).getOne();
  }

  /** Takes a pair out of the queue for good (they are not duplicates). */
  async dismiss(viewer: Viewer, id: string | null): Promise<{ pair: DuplicatePairEntity | null; errors: UserErrorData[] }> {
    const pair = await this.get(viewer, id);
    if (!pair) return { pair: null, errors: [userError('id', 'NOT_FOUND', 'No such pair.')] };
    await this.ds.query('UPDATE customer_duplicates SET dismissed_at = coalesce(dismissed_at, now()), dismissed_by = coalesce(dismissed_by, $2) WHERE id = $1', [pair.id, viewer.id]);
    return { pair: await this.ds.getRepository(DuplicatePairEntity).findOneByOrFail({ id: pair.id }), errors: [] };
  }

  private visible(viewer: Viewer): SelectQueryBuilder<DuplicatePairEntity> {
    const qb = this.ds
      .getRepository(DuplicatePairEntity)
      .createQueryBuilder('d')
      .innerJoin(CustomerEntity, 'da', 'da.id = d.customer_a')
      .innerJoin(CustomerEntity, 'db', 'db.id = d.customer_b');
    if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER') return qb.andWhere('false');
    for (const alias of ['da', 'db']) applyScope(qb, customerScope(viewer, alias));
    return qb;
  }

  /**
   * Finds the pairs of active customers that look like one — the same phone (shared by at most MAX_SHARED_PHONE), a
   * close name at the same address (at most MAX_SHARED_ADDRESS customers there) — adds new ones to the queue,
   * rescores known ones, and drops open pairs that no longer look alike (merged, deleted, corrected). Dismissed pairs
   * stay dismissed. One transaction; one scan at a time. Returns the queue's size.
   */
  async scan(): Promise<{ found: number; open: number }> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('customer-duplicates-scan'))`);
      const similarity = nameSimilarity('a.name', 'b.name');
      await m.query(`
        CREATE TEMP TABLE found_duplicates ON COMMIT DROP AS
        WITH shared_phones AS (
          SELECT phone FROM customers WHERE deleted_at IS NULL AND phone IS NOT NULL GROUP BY phone HAVING count(*) BETWEEN 2 AND ${MAX_SHARED_PHONE}
        ), shared_addresses AS (
          SELECT lower(address_street) AS street, address_zip AS zip FROM customers WHERE deleted_at IS NULL AND address_street IS NOT NULL
          GROUP BY 1, 2 HAVING count(*) BETWEEN 2 AND ${MAX_SHARED_ADDRESS}
        ), signs AS (
          SELECT a.id AS x, b.id AS y, true AS phone, ${sameAddress('a', 'b')} AND ${similarity} >= ${CLOSE_NAME} AS address, ${similarity} AS similarity
            FROM customers a JOIN customers b ON b.phone = a.phone AND a.id < b.id
           WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL AND a.phone IN (SELECT phone FROM shared_phones)
          UNION
          SELECT a.id, b.id, coalesce(a.phone = b.phone, false), true, ${similarity}
            FROM shared_addresses s
            JOIN customers a ON lower(a.address_street) = s.street AND a.address_zip IS NOT DISTINCT FROM s.zip AND a.deleted_at IS NULL
            JOIN customers b ON ${sameAddress('a', 'b')} AND a.id < b.id AND b.deleted_at IS NULL
           WHERE ${similarity} >= ${CLOSE_NAME}
        )
        SELECT x, y, max(${duplicateScore({ email: 'false', phone: 'phone', address: 'address', similarity: 'similarity' })}) AS score,
               array_remove(ARRAY[CASE WHEN bool_or(phone) THEN 'PHONE' END, CASE WHEN bool_or(address) THEN 'NAME_AND_ADDRESS' END], NULL) AS reasons
          FROM signs GROUP BY x, y`);
      const [{ found }] = (await m.query('SELECT count(*)::int AS found FROM found_duplicates')) as [{ found: number }];
      await m.query(`
        INSERT INTO customer_duplicates (customer_a, customer_b, score, reasons) SELECT x, y, score, reasons FROM found_duplicates
        ON CONFLICT (customer_a, customer_b) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons
        WHERE customer_duplicates.score IS DISTINCT FROM EXCLUDED.score OR customer_duplicates.reasons IS DISTINCT FROM EXCLUDED.reasons`);
      await m.query(`
        DELETE FROM customer_duplicates d WHERE d.dismissed_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM found_duplicates f WHERE f.x = d.customer_a AND f.y = d.customer_b)`);
      const [{ open }] = (await m.query('SELECT count(*)::int AS open FROM customer_duplicates WHERE dismissed_at IS NULL')) as [{ open: number }];
      return { found, open };
    });
  }

  /** Queues a scan (once, however many ask) inside the caller's transaction: after an import. */
  async scanSoon(m: EntityManager): Promise<void> {
    await this.jobs.send(DUPLICATES_SCAN_JOB, {}, { within: m, singletonKey: DUPLICATES_SCAN_JOB });
  }

  /** The pairs a merged customer was in leave the queue (in the merge's transaction). */
  async forget(m: EntityManager, customerId: string): Promise<void> {
    await m.query('DELETE FROM customer_duplicates WHERE customer_a = $1 OR customer_b = $1', [customerId]);
  }
}
