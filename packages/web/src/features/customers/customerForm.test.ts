import {
  createInput,
  initialCustomerValues,
  updateInput,
  validateCustomer,
  type CustomerFormValues,
} from './customerForm';

const values = (over: Partial<CustomerFormValues> = {}): CustomerFormValues => ({
  ...initialCustomerValues(null),
  name: 'Dana Hansen',
  ...over,
});

describe('validateCustomer', () => {
  it('accepts a name alone', () => {
    expect(validateCustomer(values())).toEqual({});
  });

  it('checks name, e-mail, state, ZIP and segment', () => {
    expect(
      validateCustomer(values({ name: ' ', email: 'dana@', state: 'Minn', zip: '554', segment: 'x'.repeat(51) })),
    ).toEqual({
      name: 'Name is required.',
      email: 'Enter an e-mail address like dana@example.com.',
      state: 'Use the two-letter code, e.g. MN.',
      zip: 'ZIP must look like 55401 or 55401-1234.',
      segment: 'Segment must be at most 50 characters.',
    });
    expect(validateCustomer(values({ name: 'D' })).name).toBe('Name must be at least 2 characters.');
  });
});

describe('createInput', () => {
  it('sends only what was given, trimmed, with the state upper-cased', () => {
    expect(createInput(values({ email: ' dana@example.com ', city: ' Minneapolis', state: 'mn', teamId: 'T1' }))).toEqual({
      name: 'Dana Hansen',
      customerType: 'RESIDENTIAL',
      email: 'dana@example.com',
      address: { city: 'Minneapolis', state: 'MN' },
      teamId: 'T1',
    });
  });
});

describe('consent', () => {
  it('is off for a new customer and sent only when given', () => {
    expect(initialCustomerValues(null)).toMatchObject({ emailOptIn: false, smsOptIn: false });
    expect(createInput(values())).not.toHaveProperty('emailOptIn');
    expect(createInput(values({ emailOptIn: true, smsOptIn: true }))).toMatchObject({ emailOptIn: true, smsOptIn: true });
    expect(updateInput('C1', values({ smsOptIn: true }), '')).toMatchObject({ emailOptIn: false, smsOptIn: true });
  });
});

describe('updateInput', () => {
  it('sends every field (blank as null) and the team only when it changed', () => {
    expect(updateInput('C1', values({ teamId: 'T1' }), 'T1')).toEqual({
      id: 'C1',
      name: 'Dana Hansen',
      customerType: 'RESIDENTIAL',
      email: null,
      phone: null,
      address: { street: null, city: null, state: null, zip: null },
      segment: null,
      emailOptIn: false,
      smsOptIn: false,
    });
    expect(updateInput('C1', values({ teamId: 'T2' }), 'T1').teamId).toBe('T2');
  });
});
