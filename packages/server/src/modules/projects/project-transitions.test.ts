import type { ProjectStatus } from '../../generated/graphql';
import { toCents, withinBudget } from './money';
import { canMoveProject } from './project-transitions';

const ALL: ProjectStatus[] = ['PLANNING', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];
const ALLOWED = new Set([
  'PLANNING>SCHEDULED',
  'SCHEDULED>IN_PROGRESS',
  'IN_PROGRESS>COMPLETED',
  'SCHEDULED>PLANNING',
  'IN_PROGRESS>SCHEDULED',
  'PLANNING>CANCELLED',
  'SCHEDULED>CANCELLED',
  'IN_PROGRESS>CANCELLED',
]);

describe('project status moves', () => {
  const pairs = ALL.flatMap((from) => ALL.filter((to) => to !== from).map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(canMoveProject(from, to)).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it('staying put is always allowed', () => {
    for (const s of ALL) expect(canMoveProject(s, s)).toBe(true);
  });

  it('COMPLETED and CANCELLED are final', () => {
    for (const from of ['COMPLETED', 'CANCELLED'] as const) {
      expect(ALL.filter((to) => to !== from && canMoveProject(from, to))).toEqual([]);
    }
  });
});

describe('money as decimals', () => {
  it.each([
    ['0', 0n],
    ['12.5', 1250n],
    ['12.05', 1205n],
    ['-3.10', -310n],
    ['9999999999.99', 999999999999n],
  ])('%s is %p cents', (s, cents) => expect(toCents(s)).toBe(cents));

  it.each([
    ['100.00', '100', true],
    ['100.01', '100.00', false],
    ['0.30', '0.3', true],
    ['9999999999.99', '9999999999.98', false],
    ['5', null, null],
  ] as const)('cost %s within budget %s: %p', (cost, budget, expected) => expect(withinBudget(cost, budget)).toBe(expected));
});
