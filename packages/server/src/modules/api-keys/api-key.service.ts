import type { DataSource, EntityManager } from 'typeorm';
import type { ApiKeyFilter, ApiScope, CreateApiKeyInput, UpdateApiKeyInput } from '../../generated/graphql';
import { hashApiKey, newApiKeySecret, prefixOf, sameHash, type ApiCaller } from '../../platform/auth/api-caller';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchOne } from '../../platform/db/hydrate';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { forbidden } from '../../platform/errors';
import { Validator, userError, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { PartnerEntity } from '../partners/partner.entity';
import { ApiKeyEntity } from './api-key.entity';
import { apiKeyStatusSql, mayManageKeys } from './api-key.policy';

export interface ApiKeyResult {
  apiKey: ApiKeyEntity | null;
  errors: UserErrorData[];
}
export interface ApiKeySecretResult extends ApiKeyResult {
  secret: string | null;
}
/** `createApiKey`'s input with the partner's key (NO_MATCH_ID when the ID named no partner). */
export type NewApiKey = CreateApiKeyInput;
/** `updateApiKey`'s input with `id` a key (null when it named no key). */
export interface ApiKeyChanges extends Omit<UpdateApiKeyInput, 'id'> {
  id: string | null;
}
export interface ApiKeyListFilter extends ApiKeyFilter {}
export type ApiKeyConnection = Connection<ApiKeyEntity>;

const DEFAULTS = { rateLimitPerMinute: 60, costPerMinute: 20_000 };
/** Scopes that act for a partner: a company key cannot hold them. */
const PARTNER_SCOPES: ApiScope[] = ['REFERRALS_READ', 'REFERRALS_WRITE'];
/** Scopes for the claims a partner adjusts: only for keys of `INSURANCE_ADJUSTER` partners. */
const ADJUSTER_SCOPES: ApiScope[] = ['CLAIMS_READ', 'CLAIMS_ADJUST'];
/** A presented key is checked against this when its prefix names no key, so unknown keys cost what known ones do. */
const NO_KEY_HASH = hashApiKey('crmk_00000000_unknown');
/** Last use is written at most this often per key and process. */
const LAST_USED_EVERY_MS = 60_000;

const refused = (errors: UserErrorData[]) => ({ apiKey: null, secret: null, errors });
const missing = () => refused([userError('id', 'NOT_FOUND', 'No such API key.')]);

/**
 * API keys: created, changed, rotated and revoked by admins (each change audited; the secret is returned once and
 * only its hash stored), and checked on every request that brings one (`authenticate`).
 */
export class ApiKeyService {
  private readonly lastUsedWritten = new Map<string, number>();

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(viewer: Viewer, args: PageArgs & { filter?: ApiKeyListFilter | null }): Promise<Connection<ApiKeyEntity>> {
    if (!mayManageKeys(viewer)) throw forbidden();
    const qb = this.ds.getRepository(ApiKeyEntity).createQueryBuilder('k');
    const f = args.filter;
    if (f?.partnerId) qb.andWhere('k.partner_id = :partnerId', { partnerId: f.partnerId });
    if (f?.company != null) qb.andWhere(f.company ? 'k.partner_id IS NULL' : 'k.partner_id IS NOT NULL');
    if (f?.statuses?.length) qb.andWhere(`(${apiKeyStatusSql('k')}) = ANY(:statuses)`, { statuses: f.statuses });
    return paginate(qb, args, [
      { sql: 'k.created_at', direction: 'DESC', value: (k) => k.createdAt },
      { sql: 'k.id', direction: 'DESC', value: (k) => k.id },
    ]);
  }

  async get(viewer: Viewer | null, id: string | null): Promise<ApiKeyEntity | null> {
    if (!id || !viewer || !mayManageKeys(viewer)) return null;
    return this.ds.getRepository(ApiKeyEntity).findOneBy({ id });
  }

  async create(viewer: Viewer, input: NewApiKey): Promise<ApiKeySecretResult> {
    if (!mayManageKeys(viewer)) return refused([userError(null, 'FORBIDDEN', 'Only admins manage API keys.')]);
    const v = new Validator();
    const name = v.text('name', input.name, { max: 100, min: 2, required: true });
    const scopes = this.checkScopes(v, input.scopes, input.partnerId ?? null);
    const limits = this.checkLimits(v, input);
    const expiresAt = this.checkExpiry(v, input.expiresAt);
    if (input.partnerId) await this.checkPartner(v, input.partnerId);
    await this.checkAdjusterScopes(v, input.scopes, input.partnerId ?? null);
    if (!v.ok) return refused(v.errors);
    const { secret, prefix, hash } = newApiKeySecret();
    return this.ds.transaction(async (m) => {
      const row = m.getRepository(ApiKeyEntity).create({
        name: name!,
        prefix,
        secretHash: hash,
        partnerId: input.partnerId ?? null,
        scopes: scopes!,
        allowFreeForm: input.allowFreeFormQueries ?? false,
        rateLimitPerMinute: limits.rateLimitPerMinute ?? DEFAULTS.rateLimitPerMinute,
        costPerMinute: limits.costPerMinute ?? DEFAULTS.costPerMinute,
        expiresAt,
        createdById: viewer.id,
      });
      const saved = await m.getRepository(ApiKeyEntity).save(row);
      await this.recorded(m, viewer, 'CREATE', null, saved);
      return { apiKey: saved, secret, errors: [] };
    });
  }

  async update(viewer: Viewer, input: ApiKeyChanges): Promise<ApiKeyResult> {
    return this.change(viewer, input.id, async (m, key) => {
      const v = new Validator();
      const patch: Partial<ApiKeyEntity> = {};
      if (input.name != null) patch.name = v.text('name', input.name, { max: 100, min: 2, required: true }) ?? key.name;
      if (input.scopes != null) patch.scopes = this.checkScopes(v, input.scopes, key.partnerId) ?? key.scopes;
      if (input.scopes != null) await this.checkAdjusterScopes(v, input.scopes, key.partnerId);
      if (input.allowFreeFormQueries != null) patch.allowFreeForm = input.allowFreeFormQueries;
      const limits = this.checkLimits(v, input);
      if (limits.rateLimitPerMinute != null) patch.rateLimitPerMinute = limits.rateLimitPerMinute;
      if (limits.costPerMinute != null) patch.costPerMinute = limits.costPerMinute;
      if (input.expiresAt !== undefined) patch.expiresAt = this.checkExpiry(v, input.expiresAt);
      if (!v.ok) return refused(v.errors);
      return { apiKey: await this.write(m, viewer, key, patch), errors: [] };
    });
  }

  /** A new secret under the same prefix; the old one is accepted for `graceMinutes` more (none with 0). */
  async rotate(viewer: Viewer, id: string | null, graceMinutes: number | null | undefined): Promise<ApiKeySecretResult> {
    let secret: string | null = null;
    const result = await this.change(viewer, id, async (m, key) => {
      const v = new Validator();
      const grace = v.intRange('graceMinutes', graceMinutes ?? 60, 0, 10_080)!;
      if (key.revokedAt) v.add('id', 'INVALID', 'A revoked key cannot be rotated.');
      if (!v.ok) return refused(v.errors);
      const fresh = newApiKeySecret(key.prefix);
      secret = fresh.secret;
      const patch = {
        secretHash: fresh.hash,
        previousHash: grace ? key.secretHash : null,
        previousValidUntil: grace ? new Date(Date.now() + grace * 60_000) : null,
      };
      return { apiKey: await this.write(m, viewer, key, patch, 'ROTATE'), errors: [] };
    });
    return { ...result, secret: result.apiKey ? secret : null };
  }

  /** Revoked at once: `authenticate` reads the key on every request, in every process. */
  revoke(viewer: Viewer, id: string | null): Promise<ApiKeyResult> {
    return this.change(viewer, id, async (m, key) => {
      if (key.revokedAt) return { apiKey: key, errors: [] };
      return { apiKey: await this.write(m, viewer, key, { revokedAt: new Date(), revokedById: viewer.id, previousHash: null, previousValidUntil: null }), errors: [] };
    });
  }

  /**
   * The caller a presented key stands for, or null — for a malformed, unknown, revoked or expired key alike, and for a
   * key of a deleted partner. One indexed read and one constant-time comparison whatever the key, so the answer's
   * timing does not tell which.
   */
  async authenticate(secret: string, ip: string | null): Promise<ApiCaller | null> {
    const prefix = prefixOf(secret);
    const rows: Array<{ id: string; prefix: string; secret_hash: Buffer; previous_hash: Buffer | null; previous_valid_until: Date | null;
      partner_id: string | null; team_id: string | null; partner_gone: boolean; scopes: string[]; allow_free_form: boolean;
      rate_limit_per_minute: number; cost_per_minute: number; expires_at: Date | null; revoked_at: Date | null }> = await this.ds.query(
      `SELECT k.id, k.prefix, k.secret_hash, k.previous_hash, k.previous_valid_until, k.partner_id, p.team_id,
              (k.partner_id IS NOT NULL AND (p.id IS NULL OR p.deleted_at IS NOT NULL)) AS partner_gone, k.scopes,
              k.allow_free_form, k.rate_limit_per_minute, k.cost_per_minute, k.expires_at, k.revoked_at
         FROM api_keys k LEFT JOIN partners p ON p.id = k.partner_id
        WHERE k.prefix = $1`,
      [prefix ?? 'crmk_-'],
    );
    const key = rows[0];
    const now = new Date();
    const presented = hashApiKey(secret);
    const current = sameHash(presented, key?.secret_hash ?? NO_KEY_HASH);
    const previous = sameHash(presented, key?.previous_hash ?? NO_KEY_HASH) && Boolean(key?.previous_valid_until && key.previous_valid_until > now);
    if (!key || !prefix || !(current || previous) || key.revoked_at || (key.expires_at && key.expires_at <= now) || key.partner_gone) return null;
    await this.touch(key.id, ip);
    return {
      keyId: key.id,
      prefix: key.prefix,
      partnerId: key.partner_id,
      teamId: key.team_id,
      scopes: key.scopes,
      allowFreeForm: key.allow_free_form,
      rateLimitPerMinute: key.rate_limit_per_minute,
      costPerMinute: key.cost_per_minute,
    };
  }

  /** Last use (time, address), written at most once a minute per key and process; a failed write does not fail the call. */
  private async touch(keyId: string, ip: string | null): Promise<void> {
    const now = Date.now();
    if (now - (this.lastUsedWritten.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
    this.lastUsedWritten.set(keyId, now);
    if (this.lastUsedWritten.size > 10_000) this.lastUsedWritten.delete(this.lastUsedWritten.keys().next().value!);
    await this.ds.query('UPDATE api_keys SET last_used_at = now(), last_used_ip = $2 WHERE id = $1', [keyId, ip]).catch(() => this.lastUsedWritten.delete(keyId));
  }

  private checkScopes(v: Validator, scopes: ApiScope[], partnerId: string | null): ApiScope[] | null {
    const unique = [...new Set(scopes)];
    if (!unique.length) v.add('scopes', 'REQUIRED', 'Give the key at least one scope.');
    else if (!partnerId && unique.some((s) => PARTNER_SCOPES.includes(s))) {
      v.add('scopes', 'INVALID', 'Referral scopes act for a partner: give the key a partner.');
    } else return unique;
    return null;
  }

  private checkLimits(v: Validator, input: { rateLimitPerMinute?: number | null; costPerMinute?: number | null }) {
    return {
      rateLimitPerMinute: v.intRange('rateLimitPerMinute', input.rateLimitPerMinute, 1, 6_000),
      costPerMinute: v.intRange('costPerMinute', input.costPerMinute, 100, 1_000_000),
    };
  }

  private checkExpiry(v: Validator, expiresAt: Date | string | null | undefined): Date | null {
    if (expiresAt == null) return null;
    const at = new Date(expiresAt);
    if (at.getTime() <= Date.now()) v.add('expiresAt', 'OUT_OF_RANGE', 'Expires at must be in the future.');
    return at;
  }

  /** Claim scopes act for an adjuster: only a key of an `INSURANCE_ADJUSTER` partner may hold them. */
  private async checkAdjusterScopes(v: Validator, scopes: ApiScope[], partnerId: string | null): Promise<void> {
    if (!scopes.some((s) => ADJUSTER_SCOPES.includes(s))) return;
    const partner = partnerId ? await this.ds.getRepository(PartnerEntity).findOneBy({ id: partnerId }) : null;
    if (partner?.kind !== 'INSURANCE_ADJUSTER') v.add('scopes', 'INVALID', "Claim scopes act for an insurance adjuster: give the key an adjuster partner.");
  }

  private async checkPartner(v: Validator, partnerId: string): Promise<void> {
    const partner = await fetchOne(this.ds.getRepository(PartnerEntity).createQueryBuilder('p').where('p.id = :id', { id: partnerId }));
    if (!partner) v.add('partnerId', 'NOT_FOUND', 'No such partner.');
    else if (partner.status === 'ENDED') v.add('partnerId', 'INVALID', 'This partnership has ended.');
  }

  private async change(viewer: Viewer, id: string | null, apply: (m: EntityManager, key: ApiKeyEntity) => Promise<ApiKeySecretResult | ApiKeyResult>) {
    if (!mayManageKeys(viewer)) return refused([userError(null, 'FORBIDDEN', 'Only admins manage API keys.')]);
    if (!id) return missing();
    return this.ds.transaction(async (m) => {
      const key = await m.getRepository(ApiKeyEntity).createQueryBuilder('k').where('k.id = :id', { id }).setLock('pessimistic_write').getOne();
      return key ? apply(m, key) : missing();
    });
  }

  private async write(m: EntityManager, viewer: Viewer, before: ApiKeyEntity, patch: Partial<ApiKeyEntity>, action: 'UPDATE' | 'ROTATE' = 'UPDATE') {
    const after = m.getRepository(ApiKeyEntity).merge(m.getRepository(ApiKeyEntity).create({ ...before }), patch);
    const saved = await m.getRepository(ApiKeyEntity).save(after);
    await this.recorded(m, viewer, action, before, saved);
    return saved;
  }

  private recorded(m: EntityManager, viewer: Viewer, action: 'CREATE' | 'UPDATE' | 'ROTATE', before: ApiKeyEntity | null, after: ApiKeyEntity) {
    // A rotation changes only hashes, which the audit never records: it is recorded by name.
    const changes = action === 'ROTATE' ? { ...after, rotatedAt: new Date() } : after;
    return this.audit.record(m, viewer, { entityType: 'ApiKey', entityId: after.id, action: action === 'ROTATE' ? 'UPDATE' : action, before, after: changes, teamId: null });
  }
}
