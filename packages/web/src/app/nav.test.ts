import { navFor } from './nav';

const labels = (role: Parameters<typeof navFor>[0]) => navFor(role).map((i) => i.label);

describe('navFor', () => {
  it('gives admins, managers and sales the partners; field techs do not see them', () => {
    expect(labels('ADMIN')).toContain('Partners');
    expect(labels('MANAGER')).toContain('Partners');
    expect(labels('SALES')).toContain('Partners');
    expect(labels('FIELD_TECH')).not.toContain('Partners');
  });

  it('gives every role the reviews (field techs: of their projects)', () => {
    for (const role of ['ADMIN', 'MANAGER', 'SALES', 'FIELD_TECH'] as const) {
      expect(navFor(role).find((i) => i.label === 'Reviews')).toMatchObject({ to: '/reviews', icon: 'reviews' });
    }
  });

  it('gives admins, managers and sales the CSV import; field techs do not import', () => {
    for (const role of ['ADMIN', 'MANAGER', 'SALES'] as const) expect(navFor(role).find((i) => i.label === 'Import')).toMatchObject({ to: '/imports', icon: 'upload' });
    expect(labels('FIELD_TECH')).not.toContain('Import');
  });

  it('gives admins and managers the duplicates queue', () => {
    expect(navFor('ADMIN').find((i) => i.label === 'Duplicates')).toMatchObject({ to: '/duplicates', icon: 'merge' });
    expect(labels('MANAGER')).toContain('Duplicates');
    expect(labels('SALES')).not.toContain('Duplicates');
    expect(labels('FIELD_TECH')).not.toContain('Duplicates');
  });

  it('gives every role the insurance claims (field techs: of their projects)', () => {
    for (const role of ['ADMIN', 'MANAGER', 'SALES', 'FIELD_TECH'] as const) {
      expect(navFor(role).find((i) => i.label === 'Claims')).toMatchObject({ to: '/claims', icon: 'claims' });
    }
  });
});
