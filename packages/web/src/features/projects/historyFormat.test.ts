import { actionLabel, fieldLabel, valueLabel } from './historyFormat';

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
});
