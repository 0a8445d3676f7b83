import { actionLabel, changeLabel, fieldLabel, valueLabel } from './historyFormat';

describe('historyFormat', () => {
  it('turns field names into labels', () => {
    expect(fieldLabel('completionPercentage')).toBe('Completion percentage');
    expect(fieldLabel('status')).toBe('Status');
  });

  it('names known actions and falls back to the enum', () => {
    expect(actionLabel('DELETE')).toBe('moved it to the trash');
    expect(actionLabel('UPDATE')).toBe('changed');
    expect(actionLabel('SOMETHING_ELSE')).toBe('something else');
  });

  it('formats values by field', () => {
    expect(valueLabel('budget', null)).toBe('—');
    expect(valueLabel('completionPercentage', 40)).toBe('40%');
    expect(valueLabel('status', 'IN_PROGRESS')).toBe('In progress');
    expect(valueLabel('name', 'Hansen roof')).toBe('Hansen roof');
    expect(valueLabel('team', ['a', 'b'])).toBe('2 items');
    expect(valueLabel('team', ['a'])).toBe('1 item');
    expect(valueLabel('other', { a: 1 })).toBe('{"a":1}');
  });

  it('names who joined or left the crew, not a count of items', () => {
    const ann = { name: 'Ann Berg' };
    const dee = { name: 'Dee Fox' };
    const crew = (before: string[], after: string[]) => ({ field: 'crew', before, after });
    expect(changeLabel(crew([], ['u1']), { added: [dee], removed: [] })).toBe('Dee Fox joined');
    expect(changeLabel(crew(['u1', 'u2'], ['u2', 'u3']), { added: [dee], removed: [ann] })).toBe('Dee Fox joined; Ann Berg left');
    expect(changeLabel(crew(['u1'], ['u1', 'u2', 'u3']), { added: [ann, dee], removed: [] })).toBe('Ann Berg and Dee Fox joined');
    // People the viewer may not see are counted.
    expect(changeLabel(crew(['u1', 'u2'], []), { added: [], removed: [ann] })).toBe('Ann Berg and 1 other person left');
    expect(changeLabel(crew([], ['u1', 'u2']), { added: [], removed: [] })).toBe('2 people joined');
  });

  it('shows other changes as before → after', () => {
    expect(changeLabel({ field: 'status', before: 'PLANNING', after: 'SCHEDULED' })).toBe('Planning → Scheduled');
  });
});
