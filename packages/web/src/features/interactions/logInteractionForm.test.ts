import { buildLogInput, given, initialInteractionValues, type InteractionTargets } from './logInteractionForm';

const OPENED = '2026-11-03T09:30';
const targets = (over: Partial<InteractionTargets> = {}): InteractionTargets => ({
  customerId: 'C1',
  projectId: null,
  leadId: null,
  fieldTech: false,
  openedAt: OPENED,
  ...over,
});
const values = (over: Partial<ReturnType<typeof initialInteractionValues>> = {}) => ({
  ...initialInteractionValues('CALL', OPENED),
  ...over,
});

describe('given', () => {
  it('trims, and drops blank strings', () => {
    expect(given('  hi ')).toBe('hi');
    expect(given('   ')).toBeUndefined();
  });
});

describe('buildLogInput', () => {
  it('asks the office for the customer, and field techs for the project', () => {
    expect(buildLogInput(values(), targets({ customerId: null })).errors?.byField).toEqual({
      customerId: 'Choose the customer.',
    });
    expect(buildLogInput(values(), targets({ customerId: null, fieldTech: true })).errors?.byField).toEqual({
      projectId: 'Choose the project it was about.',
    });
    expect(buildLogInput(values(), targets({ fieldTech: true })).errors?.byField).toEqual({
      projectId: 'Choose the project it was about.',
    });
  });

  it('sends the direction and trimmed texts, and leaves an untouched "When" to the server', () => {
    const built = buildLogInput(
      values({ subject: ' Colours ', outcome: ' Booked ', channel: ' ', notes: '' }),
      targets({ projectId: 'P1', leadId: 'L1' }),
    );
    expect(built.input).toEqual({
      customerId: 'C1',
      type: 'CALL',
      projectId: 'P1',
      leadId: 'L1',
      direction: 'OUTBOUND',
      subject: 'Colours',
      outcome: 'Booked',
    });
  });

  it('leaves direction, outcome and channel off notes', () => {
    const built = buildLogInput(values({ type: 'NOTE', outcome: 'x', channel: 'y', notes: 'Gate code' }), targets());
    expect(built.input).toEqual({ customerId: 'C1', type: 'NOTE', notes: 'Gate code' });
  });

  it('sends a changed "When" as an instant, and refuses an empty one', () => {
    const when = '2026-11-02T08:15';
    expect(buildLogInput(values({ when }), targets()).input?.occurredAt).toBe(new Date(when).toISOString());
    expect(buildLogInput(values({ when: '' }), targets()).errors?.byField).toEqual({
      occurredAt: 'Enter a date and time.',
    });
  });
});
