import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/** Address ranges a request to a caller-given URL may reach only when a setting allows them. */
export type GuardedRange = 'loopback' | 'private' | 'link-local';

export interface OutboundPolicy {
  /** Ranges allowed besides public addresses. */
  allow: ReadonlySet<GuardedRange>;
  /** Only https URLs (production). */
  httpsOnly: boolean;
  timeoutMs: number;
  /** Bytes of the answer read at most (the rest is dropped). */
  maxResponseBytes: number;
}

const ranges = (list: Array<[string, number, 'ipv4' | 'ipv6']>) => {
  const b = new net.BlockList();
  for (const [address, prefix, type] of list) b.addSubnet(address, prefix, type);
  return b;
};

const RANGES: Record<GuardedRange | 'never', net.BlockList> = {
  loopback: ranges([['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']]),
  private: ranges([['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['100.64.0.0', 10, 'ipv4'], ['fc00::', 7, 'ipv6']]),
  'link-local': ranges([['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']]),
  // Never a webhook target: "this host", multicast, reserved and broadcast.
  never: ranges([['0.0.0.0', 8, 'ipv4'], ['224.0.0.0', 3, 'ipv4'], ['::', 128, 'ipv6'], ['ff00::', 8, 'ipv6']]),
};

/** Why `address` may not be reached under `policy` (e.g. `private address`), or null. */
export function refusedAddress(address: string, policy: Pick<OutboundPolicy, 'allow'>): string | null {
  let ip = address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  const type = net.isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (RANGES.never.check(ip, type)) return 'reserved address';
  for (const range of ['loopback', 'private', 'link-local'] as const) {
    if (RANGES[range].check(ip, type)) return policy.allow.has(range) ? null : `${range} address`;
  }
  return null;
}

/** Why `raw` is not a URL requests may go to (its form only; addresses are checked when resolved), or null. */
export function urlProblem(raw: string, policy: Pick<OutboundPolicy, 'httpsOnly'>): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !policy.httpsOnly)) return policy.httpsOnly ? 'must use https' : 'must use https or http';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (!url.hostname) return 'has no host';
  if (url.hash) return 'must not contain a fragment';
  return null;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/** Resolves the URL's host; the first reason its addresses may not be reached, or null. */
export async function targetProblem(raw: string, policy: OutboundPolicy): Promise<string | null> {
  const form = urlProblem(raw, policy);
  if (form) return form;
  const host = hostOf(new URL(raw));
  const addresses = net.isIP(host) ? [host] : await dns.promises.lookup(host, { all: true }).then((r) => r.map((a) => a.address), () => null);
  if (!addresses?.length) return 'host does not resolve';
  for (const a of addresses) {
    const refused = refusedAddress(a, policy);
    if (refused) return `points to a ${refused}`;
  }
  return null;
}

export type OutboundResult =
  | { ok: true; statusCode: number; latencyMs: number; body: string }
  | { ok: false; statusCode: number | null; latencyMs: number; body: string | null; error: string | null };

/**
 * POSTs `body` to a caller-given URL, safely: the address it connects to is the one checked (the check runs in the
 * connection's own DNS lookup, so a name cannot resolve to a public address for the check and a private one for the
 * request), redirects are not followed (a 3xx is a failed answer), the whole exchange has `timeoutMs`, and at most
 * `maxResponseBytes` of the answer are read. Never throws; never logs the URL.
 */
export function postOutbound(raw: string, body: string, headers: Record<string, string>, policy: OutboundPolicy): Promise<OutboundResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = urlProblem(raw, policy);
  if (problem) return Promise.resolve({ ok: false, statusCode: null, latencyMs: 0, body: null, error: `URL ${problem}` });
  const url = new URL(raw);
  const host = hostOf(url);
  if (net.isIP(host)) {
    const refused = refusedAddress(host, policy);
    if (refused) return Promise.resolve({ ok: false, statusCode: null, latencyMs: 0, body: null, error: `target refused: ${refused}` });
  }
  const lookup: net.LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      const refused = list.map((a) => refusedAddress(a.address, policy)).find(Boolean);
      if (refused) return callback(Object.assign(new Error(`target refused: ${refused}`), { code: 'ETARGETREFUSED' }), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: OutboundResult) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'iSwitch-Roofs-CRM-Webhooks/1', ...headers },
      lookup,
      timeout: policy.timeoutMs,
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size >= policy.maxResponseBytes) return;
        chunks.push(chunk.subarray(0, policy.maxResponseBytes - size));
        size += chunk.length;
        if (size >= policy.maxResponseBytes) res.destroy();
      });
      const finish = () => {
        const statusCode = res.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString('utf8');
        done(statusCode >= 200 && statusCode < 300
          ? { ok: true, statusCode, latencyMs: elapsed(), body: text }
          : { ok: false, statusCode, latencyMs: elapsed(), body: text, error: statusCode >= 300 && statusCode < 400 ? 'redirect not followed' : null });
      };
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
    });
    const deadline = setTimeout(() => req.destroy(new Error(`timeout after ${policy.timeoutMs / 1000} s`)), policy.timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`timeout after ${policy.timeoutMs / 1000} s`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      const error = err.code === 'ETARGETREFUSED' || /^timeout/.test(err.message) ? err.message : `connection failed (${err.code ?? 'error'})`;
      done({ ok: false, statusCode: null, latencyMs: elapsed(), body: null, error });
    });
    req.on('close', () => clearTimeout(deadline));
    req.end(body);
  });
}
