import { addressBucket } from './address-bucket';
import type { BucketState, TokenBuckets } from './token-buckets';

export interface KeyFailureSettings {
  /** Failed API-key authentications a client address may have in a burst (API_KEY_FAILURES)… */
  failures: number;
  /** …refilled evenly over this many seconds (API_KEY_FAILURES_WINDOW_SECONDS). */
  windowSeconds: number;
}

/** What checking a presented key came to: refused before any lookup, or the caller (null: the key is not good). */
export type KeyCheck<T> = { limited: true; state: BucketState } | { limited: false; caller: T | null; state: BucketState };

/**
 * Failed API-key authentications per client address (`req.ip`: TRUST_PROXY decides whose address that is; an IPv6
 * address counts as its /64, see `addressBucket`), in a token bucket (Redis or in-process, as every rate limit; per
 * process while Redis is down). Each request presenting a key takes one failure from its address's bucket *before*
 * the key is looked up, and gives it back when the key is good: so good keys cost nothing, an address with no failures
 * left is refused without a lookup whatever key it brings (a good key cannot reset a flood), and parallel requests
 * cannot get more lookups than the bucket holds.
 */
export class KeyFailureLimit {
  constructor(
    private readonly buckets: TokenBuckets,
    private readonly settings: KeyFailureSettings,
  ) {}

  async check<T>(address: string | null | undefined, lookup: () => Promise<T | null>): Promise<KeyCheck<T>> {
    const key = `key-failures:${addressBucket(address) ?? 'unknown'}`;
    const take = (cost: number) => this.buckets.take(key, cost, this.settings.failures, this.settings.windowSeconds * 1000);
    const state = await take(1);
    if (!state.ok) return { limited: true, state };
    let caller: T | null;
    try {
      caller = await lookup();
    } catch (err) {
      await take(-1); // the server failed, not the key
      throw err;
    }
    if (caller !== null) await take(-1);
    return { limited: false, caller, state };
  }
}
