import { centsLabel, exactMoney, isNegative, isPositive, lineTotalCents, parseAmount, parseQuantity, scaled, sumCents } from './claimMoney';

describe('claim money', () => {
  it('shows decimal strings to the cent without floating point', () => {
    expect(exactMoney('12345.67')).toBe('$12,345.67');
    expect(exactMoney('0.1')).toBe('$0.10');
    expect(exactMoney('1000000')).toBe('$1,000,000.00');
    expect(exactMoney('-250.5')).toBe('-$250.50');
    // Past what a double holds exactly.
    expect(exactMoney('90071992547409.93')).toBe('$90,071,992,547,409.93');
    expect(exactMoney(null)).toBe('—');
    expect(exactMoney('abc')).toBe('—');
  });

  it('scales and rounds half up', () => {
    expect(scaled('1.005', 2)).toBe(101n);
    expect(scaled('1.004', 2)).toBe(100n);
    expect(scaled('-2.5', 0)).toBe(-3n);
    expect(centsLabel(5n)).toBe('$0.05');
    expect(isPositive('0.01')).toBe(true);
    expect(isPositive('0.00')).toBe(false);
    expect(isNegative('-0.01')).toBe(true);
  });

  it('reads typed quantities and amounts', () => {
    expect(parseQuantity('32.67')).toBe('32.67');
    expect(parseQuantity('1,200')).toBe('1200');
    expect(parseQuantity('1.23456')).toBeNull();
    expect(parseAmount('$1,250.50')).toBe('1250.50');
    expect(parseAmount('-3')).toBeNull();
    expect(parseAmount('1.234')).toBeNull();
  });

  it('totals a line as quantity × unit price, half up to the cent', () => {
    // 0.1 × 0.7 is 0.06999… in floating point.
    expect(lineTotalCents('0.1', '0.70')).toBe(7n);
    expect(lineTotalCents('32.67', '245.00')).toBe(800_415n);
    expect(lineTotalCents('1.0005', '1')).toBe(100n);
    expect(lineTotalCents('1.005', '1')).toBe(101n);
    expect(lineTotalCents('', '10')).toBeNull();
    expect(sumCents([100n, null, 250n])).toBe(350n);
  });
});
