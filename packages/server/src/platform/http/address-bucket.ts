import { isIP } from 'node:net';

/** The eight 16-bit groups of a valid IPv6 address (zone removed), a trailing dotted quad included. */
function groupsOf(v6: string): number[] {
  let text = v6;
  const tail: number[] = [];
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    text = text.slice(0, quad.index);
    if (!text.endsWith('::')) text = text.slice(0, -1); // the colon before the quad
  }
  const hex = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const [head = '', rest] = text.split('::');
  const [before, after] = [hex(head), hex(rest ?? '')];
  const zeros = rest === undefined ? [] : Array<number>(8 - before.length - after.length - tail.length).fill(0);
  return [...before, ...zeros, ...after, ...tail];
}

/**
 * What a client address counts as wherever it keys a limit (failed API keys, the rating page, failed sign-ins): an
 * IPv4 address is itself, and so is one mapped into IPv6 (`::ffff:203.0.113.9` — how a dual-stack socket reports an
 * IPv4 client); any other IPv6 address is its /64 (`2001:db8:a:b::/64`), since one subscriber or host usually owns a
 * whole /64 and could otherwise take a fresh address, and a fresh bucket, for every request. A zone (`%eth0`) is
 * ignored. Anything that is not an IP address is itself; none is null.
 */
export function addressBucket(address: string | null | undefined): string | null {
  if (!address) return null;
  const bare = address.split('%')[0]!;
  if (isIP(bare) !== 6) return address;
  const g = groupsOf(bare);
  if (g.slice(0, 5).every((n) => n === 0) && g[5] === 0xffff) return [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255].join('.');
  return `${g
    .slice(0, 4)
    .map((n) => n.toString(16))
    .join(':')}::/64`;
}
