import { phoneProblem } from './phone';

describe('phoneProblem', () => {
  it('accepts US numbers written any way, and international ones with +', () => {
    for (const ok of ['(612) 555-0142', '612-555-0142', '612.555.0142', '6125550142', '1 612 555 0142', '+1 612 555 0142', '+44 20 7946 0958', '']) {
      expect(phoneProblem(ok)).toBeNull();
    }
  });

  it('flags a number with digits missing or letters in it', () => {
    expect(phoneProblem('612-555-014')).toBe('Enter a 10-digit phone number, e.g. (612) 555-0142 (this one has 9 digits).');
    expect(phoneProblem('555-12')).toMatch(/this one has 5 digits/);
    expect(phoneProblem('call me')).toBe('Use digits only, e.g. (612) 555-0142.');
    expect(phoneProblem('+12')).toBe('Enter the full number, e.g. +44 20 7946 0958.');
  });
});
