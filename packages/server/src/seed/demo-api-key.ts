import type { DataSource } from 'typeorm';
import { newApiKeySecret } from '../platform/auth/api-caller';

export interface DemoPartnerKey {
  partner: string;
  secret: string;
  /** The demo adjuster's key (claims it adjusts: `claims:read`, `claims:adjust`), when the demo has adjusted claims. */
  adjuster?: { partner: string; secret: string } | null;
}

/** A key for `partner` with `scopes` and free-form queries allowed; its secret exists only in what this returns. */
async function demoKey(ds: DataSource, name: string, partnerId: string, scopes: string[]): Promise<string> {
  const { secret, prefix, hash } = newApiKeySecret();
  await ds.query(
    `INSERT INTO api_keys (name, prefix, secret_hash, partner_id, scopes, allow_free_form, rate_limit_per_minute, cost_per_minute)
     VALUES ($1, $2, $3, $4, $5, true, 600, 100000)`,
    [name, prefix, hash, partnerId, scopes],
  );
  return secret;
}

/**
 * A key for the demo company's first active realtor, with every partner scope and free-form queries allowed (so it
 * works in the GraphQL IDE too), and one for the adjuster partner of the most demo claims (claim scopes). Their
 * secrets exist only in what this returns: they are printed once with the demo logins.
 */
export async function seedDemoPartnerKey(ds: DataSource): Promise<DemoPartnerKey | null> {
  const [partner]: Array<{ id: string; name: string }> = await ds.query(
    `SELECT id, name FROM partners WHERE kind = 'REALTOR' AND status = 'ACTIVE' AND deleted_at IS NULL ORDER BY name, id LIMIT 1`,
  );
  if (!partner) return null;
  const secret = await demoKey(ds, 'Demo partner key', partner.id, ['PARTNER_READ', 'REFERRALS_READ', 'REFERRALS_WRITE']);
  const [adjuster]: Array<{ id: string; name: string }> = await ds.query(
    `SELECT p.id, p.name FROM partners p JOIN insurance_claims c ON c.adjuster_partner_id = p.id AND c.deleted_at IS NULL
      WHERE p.kind = 'INSURANCE_ADJUSTER' AND p.status <> 'ENDED' AND p.deleted_at IS NULL
      GROUP BY p.id, p.name ORDER BY count(*) DESC, p.name, p.id LIMIT 1`,
  );
  const adjusterKey = adjuster && { partner: adjuster.name, secret: await demoKey(ds, 'Demo adjuster key', adjuster.id, ['PARTNER_READ', 'CLAIMS_READ', 'CLAIMS_ADJUST']) };
  return { partner: partner.name, secret, adjuster: adjusterKey ?? null };
}
