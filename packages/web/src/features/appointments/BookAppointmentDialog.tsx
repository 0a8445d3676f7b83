import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useViewer } from '../../app/auth';
import { graphql } from '../../gql';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert, FormDialog } from '../../ui';
import { CustomerPicker, type PickedCustomer } from '../customers/CustomerPicker';
import {
  CreateAppointmentMutation,
  failedBecause,
  kindLabel,
  USUAL_MINUTES,
  useRefreshAppointmentLists,
  withLocalTimes,
} from './appointment';
import {
  AppointmentFields,
  FORM_FIELDS,
  SLOT_REQUIRED,
  slotInputs,
  slotOf,
  type AppointmentFormValues,
  type FieldErrors,
} from './AppointmentFields';
import { useStaff } from './staff';
import { addMinutes } from './time';
import styles from './appointments.module.css';

const BookingContextQuery = graphql(`
  query BookingContext(
    $customerId: ID!
    $leadId: ID!
    $projectId: ID!
    $withCustomer: Boolean!
    $withLead: Boolean!
    $withProject: Boolean!
  ) {
    customer(id: $customerId) @include(if: $withCustomer) {
      id
      name
    }
    lead(id: $leadId) @include(if: $withLead) {
      id
      contactName
      customer {
        id
        name
      }
    }
    project(id: $projectId) @include(if: $withProject) {
      id
      name
      customer {
        id
        name
      }
    }
  }
`);

export interface BookAppointmentDialogProps {
  /** The customer to book for; without it (and without a lead or project that has one) the form asks for one. */
  customerId?: string;
  /** The lead / project the appointment is for (must be the customer's). */
  leadId?: string;
  projectId?: string;
  /** Prefilled start; the next full hour when omitted. */
  start?: Date;
  /** Prefilled attendee; the signed-in user when omitted. */
  assigneeId?: string;
  onClose: () => void;
  /** After the server booked it (lists of appointments on screen are refetched already). */
  onBooked?: () => void;
}

const nextFullHour = () => {
  const d = addMinutes(new Date(), 60);
  d.setMinutes(0, 0, 0);
  return d;
};

/**
 * Books an appointment (`createAppointment`). The server's refusals show next to their field: a double booking of
 * the attendee (`CONFLICT` on `startsAt`) under the start time, an end out of range under the duration.
 */
export function BookAppointmentDialog({ customerId, leadId, projectId, start, assigneeId, onClose, onBooked }: BookAppointmentDialogProps) {
  const { viewer } = useViewer();
  const staff = useStaff(viewer);
  const context = useQuery(BookingContextQuery, {
    skip: !customerId && !leadId && !projectId,
    variables: {
      customerId: customerId ?? '',
      leadId: leadId ?? '',
      projectId: projectId ?? '',
      withCustomer: Boolean(customerId),
      withLead: Boolean(leadId),
      withProject: Boolean(projectId),
    },
  });
  const [create, { loading: busy }] = useMutation(CreateAppointmentMutation);
  const refreshLists = useRefreshAppointmentLists();
  const initialKind = projectId ? 'INSTALL' : 'INSPECTION';
  const [values, setValues] = useState<AppointmentFormValues>(() => ({
    kind: initialKind,
    title: '',
    ...slotInputs(start ?? nextFullHour()),
    duration: String(USUAL_MINUTES[initialKind]),
    assigneeId: assigneeId ?? viewer?.id ?? '',
    location: '',
    notes: '',
  }));
  const [picked, setPicked] = useState<PickedCustomer | null>(null);
  const form = useFormErrors(['customerId', ...FORM_FIELDS]);
  const errors: FieldErrors = form.errors;

  const ctx = context.data;
  const known = ctx?.customer ?? ctx?.lead?.customer ?? ctx?.project?.customer ?? null;
  const customer = customerId ? (known ?? { id: customerId, name: '' }) : (known ?? picked);
  const needsPicker = !customerId && !known;
  const update = (patch: Partial<AppointmentFormValues>) => {
    setValues((v) => {
      const next = { ...v, ...patch };
      // A new kind brings its usual length, unless the length was changed by hand.
      if (patch.kind && v.duration === String(USUAL_MINUTES[v.kind])) next.duration = String(USUAL_MINUTES[patch.kind]);
      return next;
    });
  };

  const submit = async () => {
    const slot = slotOf(values);
    const local = { customerId: customer ? undefined : 'Choose a customer.', startsAt: slot ? undefined : SLOT_REQUIRED };
    if (form.check(local) || !customer || !slot) return;
    const run = async () =>
      (await create({
        variables: {
          input: {
            customerId: customer.id,
            leadId,
            projectId,
            kind: values.kind,
            title: values.title.trim() || undefined,
            startsAt: slot.start.toISOString(),
            endsAt: slot.end.toISOString(),
            assigneeId: values.assigneeId || undefined,
            location: values.location.trim() || undefined,
            notes: values.notes.trim() || undefined,
          },
        },
      })).data?.createAppointment;
    const booked = await form.save(async () => withLocalTimes(await run()), {
      ok: (p) => p.appointment,
      nothing: 'The appointment could not be booked. Try again.',
      unreachable: failedBecause('The appointment could not be booked. Try again.'),
    });
    if (!booked) return;
    void refreshLists([
      { __typename: 'Customer', id: customer.id },
      projectId ? { __typename: 'Project', id: projectId } : null,
    ]);
    onBooked?.();
    onClose();
  };

  const linkedTo = ctx?.project ? `project ${ctx.project.name}` : ctx?.lead ? `lead ${ctx.lead.contactName ?? ''}`.trim() : null;
  return (
    <FormDialog title="Book an appointment" size="md" onClose={onClose} busy={busy} onSubmit={submit} submitLabel="Book">
      <FormAlert messages={form.general} />
      {needsPicker ? (
        <>
          {(leadId || projectId) && ctx && (
            <p className={styles.muted}>
              The {linkedTo ?? 'record'} has no customer yet: choose the customer to book with.
            </p>
          )}
          <CustomerPicker
            required
            placeholder="Name, phone or address"
            value={picked}
            onChange={setPicked}
            error={errors.customerId}
            disabled={busy}
          />
        </>
      ) : (
        <p className={styles.context}>
          <span className={styles.muted}>Customer</span> <strong>{customer?.name || '…'}</strong>
          {linkedTo && <span className={styles.muted}> · for {linkedTo}</span>}
          {errors.customerId && (
            <span className={styles.inlineError} role="alert">
              {' '}
              {errors.customerId}
            </span>
          )}
        </p>
      )}
      <AppointmentFields
        values={values}
        onChange={update}
        errors={errors}
        people={staff.bookable}
        titleHint={customer?.name ? `${kindLabel(values.kind)} – ${customer.name}` : undefined}
        locationHint="The customer’s address"
        disabled={busy}
      />
    </FormDialog>
  );
}
