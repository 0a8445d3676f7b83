import { isIP } from 'node:net';
import { z } from 'zod';

/** Named ranges Express understands: 127.0.0.0/8 + ::1, 169.254.0.0/16 + fe80::/10, 10/8 + 172.16/12 + 192.168/16 + fc00::/7. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** What Express's `trust proxy` gets: nothing, a hop count, or the proxies' addresses/CIDRs/range names. */
export type TrustProxy = false | number | string[];

function isAddressOrCidr(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: whose `X-Forwarded-For`/`-Proto`/`-Host` the server believes. Default: nobody (the client address
 * is the socket's). `1`..`10`: that many proxies in front; or comma-separated proxy addresses, CIDRs and the names
 * `loopback`, `linklocal`, `uniquelocal`. `true` is refused: it would let any client choose its own address.
 */
export const trustProxySetting = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim().toLowerCase();
  if (value === 'false' || value === 'none' || value === '0') return false;
  if (value === 'true') {
    ctx.addIssue({
      code: 'custom',
      message: 'trusting every hop lets any client choose its own address; give the hop count (e.g. 1) or the proxy addresses/CIDRs',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) ctx.addIssue({ code: 'custom', message: 'a hop count must be between 0 and 10' });
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isAddressOrCidr(e));
  if (bad.length) {
    ctx.addIssue({
      code: 'custom',
      message: `not an IP address, CIDR or one of loopback, linklocal, uniquelocal: ${bad.map((b) => `"${b}"`).join(', ')}`,
    });
    return z.NEVER;
  }
  return entries;
});
