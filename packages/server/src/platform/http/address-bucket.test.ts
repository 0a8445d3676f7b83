import { addressBucket } from './address-bucket';

describe('addressBucket: what a client address counts as in a limit', () => {
  it.each([
    ['IPv4', '203.0.113.9', '203.0.113.9'],
    ['IPv4-mapped IPv6', '::ffff:203.0.113.9', '203.0.113.9'],
    ['IPv4-mapped IPv6, upper case', '::FFFF:203.0.113.9', '203.0.113.9'],
    ['IPv4-mapped IPv6 in hex groups', '::ffff:cb00:7109', '203.0.113.9'],
    ['IPv4-mapped IPv6 in full form', '0000:0000:0000:0000:0000:ffff:cb00:7109', '203.0.113.9'],
    ['compressed IPv6', '2001:db8:a:b::1', '2001:db8:a:b::/64'],
    ['compressed inside the /64', '2001:db8::1', '2001:db8:0:0::/64'],
    ['compressed across the /64 boundary', '2001:db8:a::b:1', '2001:db8:a:0::/64'],
    ['full-form IPv6 with leading zeros, upper case', '2001:0DB8:000A:000B:0000:0000:0000:0001', '2001:db8:a:b::/64'],
    ['IPv6 with every group', '2001:db8:a:b:c:d:e:f', '2001:db8:a:b::/64'],
    ['a /64 prefix ending in ::', '2001:db8:a:b::', '2001:db8:a:b::/64'],
    ['loopback ::1', '::1', '0:0:0:0::/64'],
    ['the unspecified address', '::', '0:0:0:0::/64'],
    ['a zone', 'fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['a numeric zone', 'fe80::abcd:1%2', 'fe80:0:0:0::/64'],
    ['a trailing dotted quad that is not a mapped IPv4', '64:ff9b:1:2::203.0.113.9', '64:ff9b:1:2::/64'],
    ['not an address', 'unknown', 'unknown'],
  ])('%s: %s → %s', (_what, address, bucket) => {
    expect(addressBucket(address)).toBe(bucket);
  });

  it('puts every address of one /64 in one bucket, and the next /64 in another', () => {
    const inOne = ['2001:db8:a:b::1', '2001:db8:a:b:ffff:ffff:ffff:ffff', '2001:db8:a:b:1234:5678:9abc:def0', '2001:0db8:000a:000b::42%en0'];
    expect(new Set(inOne.map(addressBucket))).toEqual(new Set(['2001:db8:a:b::/64']));
    expect(addressBucket('2001:db8:a:c::1')).not.toBe(addressBucket('2001:db8:a:b::1'));
  });

  it('keeps IPv4 addresses apart, even next to each other', () => {
    expect(addressBucket('203.0.113.9')).not.toBe(addressBucket('203.0.113.10'));
    expect(addressBucket('::ffff:203.0.113.9')).not.toBe(addressBucket('::ffff:203.0.113.10'));
  });

  it('has no bucket for no address', () => {
    expect(addressBucket(null)).toBeNull();
    expect(addressBucket(undefined)).toBeNull();
    expect(addressBucket('')).toBeNull();
  });
});
