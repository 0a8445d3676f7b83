import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CreateCustomerInput, CustomerType, ImportField } from '../../generated/graphql';
import { fetchManyWith } from '../../platform/db/hydrate';
import type { Validator } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { customerDetails, newCustomerValues, type CustomerDetailsInput } from '../customers/customer-input';
import { CustomerEntity } from '../customers/customer.entity';
import { customerWrites } from '../customers/customer.events';
import { canWriteCustomer, customerScope } from '../customers/customer.policy';
import { booleanCell, emailCell, enumCell } from './import-values';
import { allOf, changing, contactKeys, creating, readContacts, reject, rowErrors, writeRecords, type ImportContext, type ImportRowInput, type ImportTarget, type Planned, type RecordColumns, type RecordWrite } from './import-target';

const CUSTOMER_TYPES = allOf<CustomerType>()(['RESIDENTIAL', 'COMMERCIAL']);

/** The import field of each input path the customer rules report on. */
const FIELD_OF: Record<string, ImportField> = {
  name: 'NAME',
  email: 'EMAIL',
  phone: 'PHONE',
  'address.street': 'STREET',
  'address.city': 'CITY',
  'address.state': 'STATE',
  'address.zip': 'ZIP',
  customerType: 'CUSTOMER_TYPE',
  segment: 'SEGMENT',
  emailOptIn: 'EMAIL_OPT_IN',
  smsOptIn: 'SMS_OPT_IN',
};

/** The properties an import writes. */
const WRITTEN = ['name', 'email', 'phone', 'addressStreet', 'addressCity', 'addressState', 'addressZip', 'customerType', 'segment', 'emailOptIn', 'smsOptIn'] as const;

const COLUMNS: RecordColumns<CustomerEntity> = { entity: CustomerEntity, typeName: 'Customer', created: ['id', ...WRITTEN, 'teamId', 'createdById'], updated: WRITTEN };

type Write = RecordWrite<CustomerEntity>;

const hasAddress = (x: ImportRowInput['values']) => [x.STREET, x.CITY, x.STATE, x.ZIP].some((c) => c !== undefined);

/** The row as createCustomer's input (scalar checks on `v`): only what its cells give. */
function inputOf(v: Validator, x: ImportRowInput['values']): Partial<CreateCustomerInput> {
  const input: Partial<CreateCustomerInput> = {};
  if (x.NAME !== undefined) input.name = x.NAME;
  const email = emailCell(v, 'email', x.EMAIL);
  if (email !== undefined) input.email = email;
  if (x.PHONE !== undefined) input.phone = x.PHONE;
  if (hasAddress(x)) input.address = { street: x.STREET ?? null, city: x.CITY ?? null, state: x.STATE ?? null, zip: x.ZIP ?? null };
  const type = enumCell(v, 'customerType', x.CUSTOMER_TYPE, CUSTOMER_TYPES);
  if (type) input.customerType = type;
  if (x.SEGMENT !== undefined) input.segment = x.SEGMENT;
  const emailOptIn = booleanCell(v, 'emailOptIn', x.EMAIL_OPT_IN);
  if (emailOptIn !== undefined) input.emailOptIn = emailOptIn;
  const smsOptIn = booleanCell(v, 'smsOptIn', x.SMS_OPT_IN);
  if (smsOptIn !== undefined) input.smsOptIn = smsOptIn;
  return input;
}


/**
 * Customers: a row updates the customer with its e-mail address (unique among customers), else the one customer you
 * may change with its phone number that has no other e-mail; otherwise it is a new customer of the import's team.
 * Rows are checked with createCustomer's and updateCustomer's own rules (customer-input.ts); blank cells change nothing.
 */
export function customerImport(audit: AuditService): ImportTarget<Write> {
  return {
    kind: 'CUSTOMER',
    staleViews: customerWrites.staleViews ?? [],
    typeName: 'Customer',
    table: 'customers',

    keys: (row) => contactKeys(row, 'EMAIL', 'PHONE', ''),

    async plan(m, ctx, rows) {
      const { parsed, emails, phones } = readContacts(rows, inputOf, (i) => i.email, 'PHONE');
      const matches = emails.length || phones.length ? await matching(m, ctx, emails, phones) : [];
      return parsed.map(({ row, v, input, email, phone }): Planned<Write> => {
        const found = email ? matches.find(([c]) => c.email?.toLowerCase() === email) : undefined;
        let existing: CustomerEntity | null = null;
        if (found) {
          const [c, visible] = found;
          if (c.deletedAt) v.add('email', 'TAKEN', 'A deleted customer has this e-mail address: restore it from the trash to update it.');
          else if (!visible || !canWriteCustomer(ctx.viewer, c)) v.add('email', 'TAKEN', 'Another customer already has this e-mail address.');
          else existing = c;
        } else if (phone) {
          const same = matches.filter(([c, visible]) => visible && !c.deletedAt && c.phone === phone && !(email && c.email) && canWriteCustomer(ctx.viewer, c));
          if (same.length > 1) v.add('phone', 'CONFLICT', `${same.length} customers have this phone number: add an e-mail address to choose one.`);
          else existing = same[0]?.[0] ?? null;
        }
        if (existing && !ctx.updateExisting) v.add(found ? 'email' : 'phone', 'CONFLICT', 'An existing customer matches this row, and this import does not update existing records.');
        if (!existing) {
          const values = newCustomerValues(v, input);
          if (!v.ok) return reject(row.rowNumber, rowErrors(v.errors, FIELD_OF));
          return creating(row.rowNumber, { ...values, id: randomUUID(), teamId: ctx.teamId, createdById: ctx.viewer.id });
        }
        const details: Partial<CustomerDetailsInput> = { ...input };
        if (input.address) {
          details.address = {
            street: row.values.STREET ?? existing.addressStreet,
            city: row.values.CITY ?? existing.addressCity,
            state: row.values.STATE ?? existing.addressState,
            zip: row.values.ZIP ?? existing.addressZip,
          };
        }
        const patch = customerDetails(v, details);
        if (!v.ok) return reject(row.rowNumber, rowErrors(v.errors, FIELD_OF));
        return changing(row.rowNumber, existing, patch);
      });
    },

    async write(m, ctx, items) {
      return writeRecords(m, audit, ctx, COLUMNS, items);
    },
  };
}

/**
 * Customers with one of the e-mail addresses (any, deleted ones too: addresses are unique) or phone numbers (active
 * ones), each with whether the viewer may see it. Locked while the run writes.
 */
async function matching(m: EntityManager, ctx: ImportContext, emails: string[], phones: string[]): Promise<Array<[CustomerEntity, boolean]>> {
  const qb = m
    .getRepository(CustomerEntity)
    .createQueryBuilder('c')
    .withDeleted()
    .where('(lower(c.email) = ANY(:emails) OR (c.phone = ANY(:phones) AND c.deleted_at IS NULL))', { emails, phones })
    .orderBy('c.created_at', 'ASC')
    .addOrderBy('c.id', 'ASC');
  const scope = customerScope(ctx.viewer, 'c');
  qb.addSelect(scope ? `(${scope.sql})` : 'true', 'import_visible');
  if (scope) qb.setParameters(scope.params);
  if (ctx.writing) qb.setLock('pessimistic_write');
  return fetchManyWith(qb, (raw) => raw.import_visible === true);
}
