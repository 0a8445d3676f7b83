import type { QueryRunner } from 'typeorm';
import { BUSY_MESSAGE } from '../errors';
import { createKey, runRegistered } from '../../../test/api-keys';
import { signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

// A short wait, so the pool's refusal comes quickly when every connection is held.
const { t } = useTestApp({ env: { DATABASE_POOL_WAIT_MS: '300' } });

/** Runs `fn` while every connection of the app's pool (5 in tests) is held, as by a burst of slow requests. */
async function withPoolHeld<T>(fn: () => Promise<T>): Promise<T> {
  const held: QueryRunner[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const q = t.ds.createQueryRunner();
      await q.connect();
      held.push(q);
    }
    return await fn();
  } finally {
    await Promise.all(held.map((q) => q.release()));
  }
}

describe('no database connection free in time', () => {
  it('refuses a request whose sign-in check finds none with 503 SERVICE_UNAVAILABLE and Retry-After (nothing ran)', async () => {
    const s = await signedIn(t, 'SALES');
    const r = await withPoolHeld(() => t.gql('{ teams { id } }', {}, s.accessToken));
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('1');
    expect(r.body.errors).toEqual([{ message: BUSY_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 1 } }]);
    expect(JSON.stringify(r.body)).not.toMatch(/timeout exceeded|pool|connect/i);
    const again = await t.gql('{ teams { id } }', {}, s.accessToken);
    expect(again.body.errors).toBeUndefined();
  });

  it('answers a field that finds none as SERVICE_UNAVAILABLE with the request id, not INTERNAL', async () => {
    const s = await signedIn(t, 'SALES');
    await t.gql('{ me { id } }', {}, s.accessToken); // the viewer is cached from here on: the request gets to its fields
    const r = await withPoolHeld(() => t.gql('{ teams { id } }', {}, s.accessToken));
    expect(r.status).toBe(200);
    expect(r.body.data).toBeNull(); // `teams` is non-null
    expect(r.body.errors).toEqual([
      {
        message: BUSY_MESSAGE,
        locations: [{ line: 1, column: 3 }],
        path: ['teams'],
        extensions: { code: 'SERVICE_UNAVAILABLE', requestId: r.headers.get('x-request-id') },
      },
    ]);
  });

  it('refuses an API-key request whose key check finds none with 503 SERVICE_UNAVAILABLE and Retry-After', async () => {
    const admin = await signedIn(t, 'ADMIN');
    const partner = await t.gql(`mutation { createPartner(input: { name: "Busy Realty", kind: REALTOR }) { partner { id } } }`, {}, admin.accessToken);
    const key = await createKey(t, admin.accessToken, { name: 'busy', partnerId: partner.body.data.createPartner.partner.id, scopes: ['PARTNER_READ'] });
    const r = await withPoolHeld(() => runRegistered(t, key.secret, 'MyPartner'));
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('1');
    expect(r.body.errors).toEqual([{ message: BUSY_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 1 } }]);
    expect((await runRegistered(t, key.secret, 'MyPartner')).status).toBe(200);
  });
});
