import { signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t } = useTestApp({ env: { COMPANY_NAME: 'Peak Roofing', COMPANY_TIME_ZONE: 'America/Denver' } });

const COMPANY = `query { company { name timeZone } }`;

describe('company', () => {
  it.each(['ADMIN', 'MANAGER', 'SALES', 'FIELD_TECH'] as const)('tells %s staff the company’s name and time zone', async (role) => {
    const who = await signedIn(t, role, null);
    const r = await t.gql(COMPANY, {}, who.accessToken);
    expect(r.body).toEqual({ data: { company: { name: 'Peak Roofing', timeZone: 'America/Denver' } } });
  });

  it('is for signed-in staff only', async () => {
    const r = await t.gql(COMPANY, {});
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
