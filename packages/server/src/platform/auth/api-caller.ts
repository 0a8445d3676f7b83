import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who a request acts for when it brings an API key instead of a staff sign-in: the key, the partner it belongs to (null
 * for a company integration key) and what it may do. Root fields open to keys name their scopes in `@auth(scopes:)`.
 */
export interface ApiCaller {
  keyId: string;
  prefix: string;
  /** The partner the key acts for; null for a company key. */
  partnerId: string | null;
  /** The team owning that partner: referrals the key sends belong to it. */
  teamId: string | null;
  scopes: string[];
  /** Free-form documents allowed (otherwise only registered operations, by `documentId`). */
  allowFreeForm: boolean;
  rateLimitPerMinute: number;
  costPerMinute: number;
}

/** Every key starts with this, so a bearer token says which kind it is before anything is looked up. */
export const API_KEY_PREFIX = 'crmk_';
const KEY_SHAPE = /^crmk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export const isApiKey = (token: string) => token.startsWith(API_KEY_PREFIX);

/** A new key: `crmk_<8 visible>_<32 random bytes, base64url>`, its visible prefix and the hash that is stored. */
export function newApiKeySecret(prefix = randomPrefix()): { secret: string; prefix: string; hash: Buffer } {
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix, hash: hashApiKey(secret) };
}

function randomPrefix(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return API_KEY_PREFIX + Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * The stored form of a key: SHA-256 of the whole key. The secret has 256 random bits, so a slow password hash adds
 * nothing but latency to every call.
 */
export const hashApiKey = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/** The visible prefix of a well-formed key (`crmk_ab12cd34`), or null. */
export function prefixOf(secret: string): string | null {
  const m = KEY_SHAPE.exec(secret);
  return m ? `${API_KEY_PREFIX}${m[1]}` : null;
}

/** Constant-time comparison of a presented key's hash (`hashApiKey`) with a stored one. */
export function sameHash(presented: Buffer, stored: Buffer): boolean {
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
