import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useViewer } from '../../app/auth';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { CreateCustomerInput, CustomerType, UpdateCustomerInput } from '../../gql/graphql';
import { splitUserErrors, type UserErrorLike } from '../../lib/userErrors';
import { Button, Dialog, Select, TextField } from '../../ui';
import { CUSTOMER_TYPES, SEGMENT_SUGGESTIONS } from './customerFormat';
import styles from './customers.module.css';

export const CustomerFormFragment = graphql(`
  fragment CustomerForm_customer on Customer {
    id
    name
    email
    phone
    address {
      street
      city
      state
      zip
    }
    customerType
    segment
    owningTeam {
      id
      name
    }
  }
`);

/** Everything the list row and the detail header show, so a save updates them in place through the cache. */
export const SavedCustomerFragment = graphql(`
  fragment CustomerForm_saved on Customer {
    id
    ...CustomerForm_customer
    lifetimeValue
    createdAt
    updatedAt
    deletedAt
  }
`);

const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      customer {
        id
        ...CustomerForm_saved
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      customer {
        id
        ...CustomerForm_saved
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

const CustomerFormTeamsQuery = graphql(`
  query CustomerFormTeams {
    teams {
      id
      name
      manager {
        id
      }
    }
  }
`);

interface Values {
  name: string;
  customerType: CustomerType;
  email: string;
  phone: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  segment: string;
  teamId: string;
}

type FieldName = keyof Values;

/** Input paths (as `UserError.field` joined with dots) → the form field showing them. */
const FIELD_OF_PATH: Record<string, FieldName> = {
  name: 'name',
  customerType: 'customerType',
  email: 'email',
  phone: 'phone',
  'address.street': 'street',
  'address.city': 'city',
  'address.state': 'state',
  'address.zip': 'zip',
  segment: 'segment',
  teamId: 'teamId',
};
const SHOWN_PATHS = Object.keys(FIELD_OF_PATH);

/** The same pragmatic check as the server's `Email` scalar (one @, no spaces, a dotted domain). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const STATE = /^[A-Za-z]{2}$/;
const ZIP = /^\d{5}(-\d{4})?$/;

type Errors = Partial<Record<FieldName, string>>;

/** The checks the browser can make before asking the server (which checks again, and more: phone, duplicates). */
export function validateCustomer(v: Values): Errors {
  const errors: Errors = {};
  const name = v.name.trim();
  if (!name) errors.name = 'Name is required.';
  else if (name.length < 2) errors.name = 'Name must be at least 2 characters.';
  else if (name.length > 200) errors.name = 'Name must be at most 200 characters.';
  const email = v.email.trim();
  if (email && (email.length > 254 || !EMAIL.test(email))) {
    errors.email = 'Enter an e-mail address like dana@example.com.';
  }
  if (v.state.trim() && !STATE.test(v.state.trim())) errors.state = 'Use the two-letter code, e.g. MN.';
  if (v.zip.trim() && !ZIP.test(v.zip.trim())) errors.zip = 'ZIP must look like 55401 or 55401-1234.';
  if (v.segment.trim().length > 50) errors.segment = 'Segment must be at most 50 characters.';
  return errors;
}

const text = (s: string) => s.trim() || null;

function addressOf(v: Values) {
  return { street: text(v.street), city: text(v.city), state: text(v.state)?.toUpperCase() ?? null, zip: text(v.zip) };
}

export function createInput(v: Values): CreateCustomerInput {
  const input: CreateCustomerInput = { name: v.name.trim(), customerType: v.customerType };
  if (text(v.email)) input.email = v.email.trim();
  if (text(v.phone)) input.phone = v.phone.trim();
  const address = addressOf(v);
  const given = Object.fromEntries(Object.entries(address).filter(([, part]) => part !== null));
  if (Object.keys(given).length) input.address = given;
  if (text(v.segment)) input.segment = v.segment.trim();
  if (v.teamId) input.teamId = v.teamId;
  return input;
}

/** Every field, so clearing one clears it on the server (null) and the address is replaced as a whole. */
export function updateInput(id: string, v: Values, initialTeamId: string): UpdateCustomerInput {
  const input: UpdateCustomerInput = {
    id,
    name: v.name.trim(),
    customerType: v.customerType,
    email: text(v.email),
    phone: text(v.phone),
    address: addressOf(v),
    segment: text(v.segment),
  };
  if (v.teamId && v.teamId !== initialTeamId) input.teamId = v.teamId;
  return input;
}

/**
 * The field of a variable the server refused before running the mutation, e.g.
 * `Variable "$input" got invalid value … at "input.email"` (the `Email` scalar).
 */
function fieldOfGraphQLError(message: string): FieldName | null {
  const path = /at "input\.([\w.]+)"/.exec(message)?.[1];
  return path ? (FIELD_OF_PATH[path] ?? null) : null;
}

export type SavedCustomer = { id: string };

export interface CustomerFormDialogProps {
  /** The customer to edit; omitted to create one. */
  customer?: FragmentType<typeof CustomerFormFragment>;
  onClose: () => void;
  /** After a successful save, with the saved customer (the dialog does not close itself). */
  onSaved: (customer: SavedCustomer) => void;
}

/** Creates or edits a customer: contact data, property address, account type, segment and (admins, managers) team. */
export function CustomerFormDialog({ customer: ref, onClose, onSaved }: CustomerFormDialogProps) {
  const customer = getFragmentData(CustomerFormFragment, ref);
  const editing = Boolean(customer);
  const { viewer } = useViewer();
  const canPickTeam = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';
  const { data: teamsData } = useQuery(CustomerFormTeamsQuery, { skip: !canPickTeam });
  const initialTeamId = customer?.owningTeam?.id ?? '';
  const [values, setValues] = useState<Values>(() => ({
    name: customer?.name ?? '',
    customerType: customer?.customerType ?? 'RESIDENTIAL',
    email: customer?.email ?? '',
    phone: customer?.phone ?? '',
    street: customer?.address.street ?? '',
    city: customer?.address.city ?? '',
    state: customer?.address.state ?? '',
    zip: customer?.address.zip ?? '',
    segment: customer?.segment ?? '',
    teamId: initialTeamId,
  }));
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  const segmentListId = useId();

  const [create] = useMutation(CreateCustomerMutation, {
    // A new customer belongs in lists that are already cached: drop them so they load again when shown.
    update: (cache, { data }) => {
      if (data?.createCustomer.customer) cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' });
    },
  });
  const [update] = useMutation(UpdateCustomerMutation);

  const teams = (teamsData?.teams ?? []).filter(
    (t) =>
      viewer?.role === 'ADMIN' ||
      t.manager?.id === viewer?.id ||
      t.id === viewer?.team?.id ||
      t.id === initialTeamId,
  );

  const bind = (name: FieldName) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [name]: value }));
      if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
    },
  });

  // After a refused submit, focus moves to the first field with a message (or the alert), so keyboard and
  // screen-reader users land on what needs fixing.
  const [focusRequest, setFocusRequest] = useState(0);
  const focusFirstError = () => setFocusRequest((n) => n + 1);
  useEffect(() => {
    if (!focusRequest) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector('[role="alert"]');
    if (target instanceof HTMLElement) target.focus();
  }, [focusRequest]);

  const showServerErrors = (userErrors: readonly UserErrorLike[]) => {
    const split = splitUserErrors(userErrors, SHOWN_PATHS);
    const byField: Errors = {};
    for (const [path, message] of Object.entries(split.byField)) {
      const field = FIELD_OF_PATH[path];
      if (field) byField[field] = message;
    }
    setErrors(byField);
    setGeneral(split.general);
    focusFirstError();
  };

  const submit = async () => {
    const found = validateCustomer(values);
    setGeneral([]);
    if (Object.keys(found).length) {
      setErrors(found);
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const payload = customer
        ? (await update({ variables: { input: updateInput(customer.id, values, initialTeamId) } })).data?.updateCustomer
        : (await create({ variables: { input: createInput(values) } })).data?.createCustomer;
      if (payload?.customer && !payload.errors.length) {
        onSaved({ id: payload.customer.id });
        return;
      }
      showServerErrors(payload?.errors ?? [{ message: 'The customer was not saved. Try again.' }]);
    } catch (error) {
      if (CombinedGraphQLErrors.is(error)) {
        const byField: Errors = {};
        const rest: string[] = [];
        for (const e of error.errors) {
          const field = fieldOfGraphQLError(e.message);
          if (field) byField[field] = e.message.replace(/^.*; /, '');
          else rest.push(e.message);
        }
        setErrors(byField);
        setGeneral(rest);
        focusFirstError();
      } else {
        setGeneral(['The server could not be reached. Check your connection and try again.']);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={editing ? `Edit ${customer?.name}` : 'New customer'}
      size="lg"
      onClose={onClose}
      busy={busy}
      onSubmit={() => void submit()}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={busy}>
            {editing ? 'Save changes' : 'Create customer'}
          </Button>
        </>
      }
    >
      <div ref={formRef} className={styles.form}>
        {general.length > 0 && (
          <div className={styles.formAlert} role="alert" tabIndex={-1}>
            {general.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}
        <p className={styles.formNote}>
          Fields marked <span aria-hidden="true">*</span>
          <span className="visually-hidden">required</span> are required.
        </p>
        <div className={styles.formGrid}>
          <TextField
            label="Name *"
            {...bind('name')}
            required
            aria-required="true"
            maxLength={200}
            autoComplete="off"
            autoFocus
            hint="Full name, or the business name"
            className={styles.span2}
          />
          <Select label="Account type" {...bind('customerType')} options={CUSTOMER_TYPES} />
          <TextField
            label="Segment"
            {...bind('segment')}
            maxLength={50}
            list={segmentListId}
            autoComplete="off"
            hint="E.g. Insurance Claim, HOA"
          />
          <datalist id={segmentListId}>
            {SEGMENT_SUGGESTIONS.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>

        <fieldset className={styles.fieldset}>
          <legend>Contact</legend>
          <div className={styles.formGrid}>
            <TextField label="E-mail" type="email" inputMode="email" autoComplete="off" {...bind('email')} />
            <TextField
              label="Phone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              {...bind('phone')}
              hint="US numbers may omit +1"
            />
          </div>
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend>Property address</legend>
          <div className={styles.formGrid}>
            <TextField label="Street" {...bind('street')} maxLength={200} autoComplete="off" className={styles.span2} />
            <TextField label="City" {...bind('city')} maxLength={100} autoComplete="off" />
            <div className={styles.stateZip}>
              <TextField label="State" {...bind('state')} maxLength={2} autoComplete="off" placeholder="MN" />
              <TextField label="ZIP" {...bind('zip')} maxLength={10} inputMode="numeric" autoComplete="off" />
            </div>
          </div>
        </fieldset>

        {canPickTeam && teams.length > 0 && (
          <Select
            label="Owning team"
            {...bind('teamId')}
            placeholder={editing ? undefined : viewer?.team ? `My team (${viewer.team.name})` : 'No team'}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
            hint="Who works this account"
          />
        )}
      </div>
    </Dialog>
  );
}
