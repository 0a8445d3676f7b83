import { twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t, w } = useTestApp(twoTeamCast);

const PREFS = `mutation($i: TablePreferencesInput!) { updateTablePreferences(input: $i) { preferences { table columns } errors { field code } } }`;
const VIEW = `mutation($i: CreateSavedViewInput!) { createSavedView(input: $i) { savedView { filter { key value } sort { field direction } } errors { field code } } }`;

const gql = async (who: keyof typeof w.as, q: string, i: Record<string, unknown>): Promise<any> => (await t.gql(q, { i }, w.as[who]!.accessToken)).body.data;

describe('the claims table (features/views)', () => {
  it('keeps each role’s columns — field techs’ too, the claims of their projects are theirs to read — and views by status and carrier', async () => {
    for (const who of ['sales', 'tech'] as const) {
      const r = (await gql(who, PREFS, { table: 'claims', columns: ['claim', 'carrierOwes', 'deadline'] })).updateTablePreferences;
      expect(r).toEqual({ preferences: { table: 'claims', columns: ['claim', 'carrierOwes', 'deadline'] }, errors: [] });
    }
    const unknown = (await gql('sales', PREFS, { table: 'claims', columns: ['claim', 'premium'] })).updateTablePreferences;
    expect(unknown.errors).toEqual([{ field: ['input', 'columns', '1'], code: 'INVALID' }]);

    const view = (
      await gql('manager', VIEW, {
        table: 'claims',
        name: 'State Farm, supplement asked',
        filter: [{ key: 'status', value: 'SUPPLEMENT_REQUESTED' }, { key: 'carrier', value: 'farm' }],
        sort: { field: 'DATE_OF_LOSS', direction: 'ASC' },
      })
    ).createSavedView;
    expect(view).toEqual({
      savedView: { filter: [{ key: 'status', value: 'SUPPLEMENT_REQUESTED' }, { key: 'carrier', value: 'farm' }], sort: { field: 'DATE_OF_LOSS', direction: 'ASC' } },
      errors: [],
    });
  });
});
