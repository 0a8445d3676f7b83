import type { SelectOption } from '../../ui';
import { Select, TextArea, TextField } from '../../ui';
import { CustomerPicker, type PickedCustomer } from '../customers/CustomerPicker';
import { ReferralFields } from '../partners/ReferralFields';
import type { LeadFormErrors, LeadFormValues } from './leadForm';
import { enumOptions, LEAD_PRIORITIES, LEAD_SOURCES, PROJECT_TYPES } from './options';
import styles from './leadForms.module.css';

export interface LeadFormFieldsProps {
  values: LeadFormValues;
  errors: LeadFormErrors;
  onChange: (patch: Partial<LeadFormValues>) => void;
  disabled?: boolean;
  /** Team choices (admins and managers of several teams, create only); hidden when absent. */
  teamOptions?: readonly SelectOption[];
  /** What an empty team choice means ("Your team", "No team"). */
  teamPlaceholder?: string;
  /** Whom the new lead may go to (create only); empty means the team's assignment rule. Hidden when absent. */
  assigneeOptions?: readonly SelectOption[];
  /** Why the customer cannot change (a converted lead). */
  customerLocked?: string;
  /** Show the follow-up time (edit). */
  withFollowUp?: boolean;
}

/** The lead's fields, shared by the create and edit dialogs; each shows its error below it. */
export function LeadFormFields({
  values,
  errors,
  onChange,
  disabled,
  teamOptions,
  teamPlaceholder = 'Your team',
  assigneeOptions,
  customerLocked,
  withFollowUp,
}: LeadFormFieldsProps) {
  const text = (key: keyof LeadFormValues) => ({
    value: String(values[key] ?? ''),
    onChange: (e: { target: { value: string } }) => onChange({ [key]: e.target.value }),
    disabled,
  });

  // Choosing a customer fills an empty property address with theirs (most leads are about the customer's home).
  const pickCustomer = (customer: PickedCustomer | null) => {
    const patch: Partial<LeadFormValues> = { customer };
    const blank = !values.street && !values.city && !values.state && !values.zip;
    if (customer && blank) {
      patch.street = customer.address.street ?? '';
      patch.city = customer.address.city ?? '';
      patch.state = customer.address.state ?? '';
      patch.zip = customer.address.zip ?? '';
    }
    onChange(patch);
  };
  const contactHint = values.customer ? 'Optional: the customer’s details are used.' : undefined;

  return (
    <>
      <fieldset className={styles.group} disabled={disabled}>
        <legend className={styles.legend}>Contact</legend>
        {customerLocked ? (
          <CustomerPicker
            label="Existing customer"
            optional
            value={values.customer}
            onChange={() => undefined}
            disabled
            hint={customerLocked}
          />
        ) : (
          <CustomerPicker
            label="Existing customer"
            optional
            value={values.customer}
            onChange={pickCustomer}
            error={errors.customerId}
            disabled={disabled}
            hint={values.customer ? undefined : 'Type 2+ letters of a name, phone, e-mail or street.'}
          />
        )}
        <div className={styles.grid}>
          <TextField
            label={values.customer ? 'Contact name' : 'Contact name *'}
            autoComplete="off"
            maxLength={200}
            error={errors.contactName}
            hint={contactHint}
            aria-required={!values.customer}
            {...text('contactName')}
          />
          {/* Neither is required on its own: a phone or an e-mail is enough (the server's rule). */}
          <TextField
            label="Phone"
            type="tel"
            autoComplete="off"
            error={errors.contactPhone}
            hint={values.customer ? undefined : 'A phone or an e-mail: one is enough.'}
            {...text('contactPhone')}
          />
          <TextField label="E-mail" type="email" autoComplete="off" error={errors.contactEmail} {...text('contactEmail')} />
        </div>
      </fieldset>

      <fieldset className={styles.group} disabled={disabled}>
        <legend className={styles.legend}>Property</legend>
        <TextField label="Street" maxLength={200} error={errors['propertyAddress.street']} {...text('street')} />
        <div className={styles.addressRow}>
          <TextField label="City" maxLength={100} error={errors['propertyAddress.city']} {...text('city')} />
          <TextField label="State" maxLength={2} error={errors['propertyAddress.state']} {...text('state')} />
          <TextField label="ZIP" inputMode="numeric" maxLength={10} error={errors['propertyAddress.zip']} {...text('zip')} />
        </div>
      </fieldset>

      <fieldset className={styles.group} disabled={disabled}>
        <legend className={styles.legend}>Deal</legend>
        <div className={styles.grid}>
          <Select
            label="Source *"
            placeholder="Choose…"
            options={enumOptions(LEAD_SOURCES)}
            error={errors.source}
            aria-required
            {...text('source')}
          />
          {values.source === 'PARTNER' && (
            <div className={styles.referral}>
              <ReferralFields
                partner={values.partner}
                partnerContactId={values.partnerContactId}
                onChange={onChange}
                errors={{ partner: errors['referredBy.partnerId'], contact: errors['referredBy.contactId'] }}
                disabled={disabled}
              />
            </div>
          )}
          <Select
            label="Project type"
            placeholder="Not known yet"
            options={enumOptions(PROJECT_TYPES)}
            error={errors.projectType}
            {...text('projectType')}
          />
          <Select label="Priority" options={enumOptions(LEAD_PRIORITIES)} error={errors.priority} {...text('priority')} />
          <TextField
            label="Estimated value ($)"
            inputMode="decimal"
            placeholder="e.g. 14500"
            error={errors.estimatedValue}
            {...text('estimatedValue')}
          />
          {withFollowUp && (
            <TextField
              label="Next follow-up"
              type="datetime-local"
              error={errors.nextFollowUpAt}
              {...text('nextFollowUpAt')}
            />
          )}
          {teamOptions && teamOptions.length > 0 && (
            <Select
              label="Team"
              placeholder={values.customer ? 'The customer’s team' : teamPlaceholder}
              options={teamOptions}
              error={errors.teamId}
              hint="Auto-assignment picks a salesperson of this team."
              {...text('teamId')}
            />
          )}
          {assigneeOptions && assigneeOptions.length > 0 && (
            <Select
              label="Assign to"
              placeholder="Automatically (the team’s rule)"
              options={assigneeOptions}
              error={errors.assigneeId}
              {...text('assigneeId')}
            />
          )}
        </div>
        <TextArea label="Notes" maxLength={5000} error={errors.notes} {...text('notes')} />
      </fieldset>
    </>
  );
}
