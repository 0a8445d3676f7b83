import type { DataSource } from 'typeorm';
import { addressBucket } from '../../platform/http/address-bucket';

/** Failed sign-ins allowed per 15 minutes before further attempts are refused without checking the password. */
export const LOGIN_LIMITS = { window: 15 * 60, perEmailAndAddress: 5, perEmail: 25, perAddress: 50 } as const;

/** How an address is kept in `login_failures.ip` (varchar(64)) and compared there. */
const bucketOf = (address: string | null) => addressBucket(address)?.slice(0, 64) ?? null;

/**
 * Throttles password guessing: by e-mail from one address (a person mistyping), by e-mail from anywhere (a spread
 * attack on one account) and by address (one machine trying many accounts). Unknown e-mails count like known ones,
 * so the answers reveal nothing. Kept in PostgreSQL: every process sees the same counts. An address is kept (and
 * counted) as its bucket: an IPv6 client's /64, so hopping between its own addresses does not start over
 * (`addressBucket`).
 */
export class LoginThrottle {
  constructor(private readonly ds: DataSource) {}

  /** Seconds until another attempt is allowed, or 0. */
  async retryAfter(email: string, address: string | null): Promise<number> {
    const ip = bucketOf(address);
    const [row] = (await this.ds.query(
      `SELECT count(*) FILTER (WHERE lower(email) = lower($1) AND ip IS NOT DISTINCT FROM $2)::int AS pair,
              count(*) FILTER (WHERE lower(email) = lower($1))::int AS email,
              count(*) FILTER (WHERE ip = $2)::int AS address,
              extract(epoch FROM max(at) + make_interval(secs => $3) - now())::int AS wait
         FROM login_failures
        WHERE at > now() - make_interval(secs => $3) AND (lower(email) = lower($1) OR ip = $2)`,
      [email, ip, LOGIN_LIMITS.window],
    )) as Array<{ pair: number; email: number; address: number; wait: number | null }>;
    if (!row) return 0;
    const blocked =
      row.pair >= LOGIN_LIMITS.perEmailAndAddress || row.email >= LOGIN_LIMITS.perEmail || row.address >= LOGIN_LIMITS.perAddress;
    return blocked ? Math.max(1, row.wait ?? LOGIN_LIMITS.window) : 0;
  }

  /** Records a refused attempt (and forgets those older than a day). */
  async failed(email: string, address: string | null): Promise<void> {
    const ip = bucketOf(address);
    await this.ds.query(`INSERT INTO login_failures (email, ip) VALUES ($1, $2)`, [email.slice(0, 254), ip]);
    await this.ds.query(`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
  }

  /** A successful sign-in clears the e-mail's failures from that address. */
  async succeeded(email: string, address: string | null): Promise<void> {
    const ip = bucketOf(address);
    await this.ds.query(`DELETE FROM login_failures WHERE lower(email) = lower($1) AND ip IS NOT DISTINCT FROM $2`, [email, ip]);
  }
}
