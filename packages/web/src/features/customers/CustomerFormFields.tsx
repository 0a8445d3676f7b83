import { useId } from 'react';
import { Select, TextField } from '../../ui';
import { CUSTOMER_TYPES, SEGMENT_SUGGESTIONS } from './customerFormat';
import type { CustomerCheckBinder, CustomerFieldBinder } from './useCustomerForm';
import styles from './CustomerFormFields.module.css';

export interface CustomerFormFieldsProps {
  bind: CustomerFieldBinder;
  bindCheck: CustomerCheckBinder;
  /** Teams the viewer may give the account to; the picker shows only when there are some. */
  teams: readonly { id: string; name: string }[];
  canPickTeam: boolean;
  editing: boolean;
  /** The viewer's own team, the default owner of a new customer. */
  viewerTeam: { name: string } | null | undefined;
}

/** The customer form's fields: name, account type and segment, contact and consent, property address and owning team. */
export function CustomerFormFields({ bind, bindCheck, teams, canPickTeam, editing, viewerTeam }: CustomerFormFieldsProps) {
  const segmentListId = useId();
  return (
    <>
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
        <legend>Consent</legend>
        <ConsentCheck {...bindCheck('emailOptIn')} label="E-mail opt-in (marketing and review requests)" />
        <ConsentCheck {...bindCheck('smsOptIn')} label="SMS opt-in" />
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
          placeholder={editing ? undefined : viewerTeam ? `My team (${viewerTeam.name})` : 'No team'}
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          hint="Who works this account"
        />
      )}
    </>
  );
}

interface ConsentCheckProps extends ReturnType<CustomerCheckBinder> {
  label: string;
}

/** One consent check box, its label the whole line. */
function ConsentCheck({ label, ...input }: ConsentCheckProps) {
  return (
    <label className={styles.check}>
      <input type="checkbox" {...input} />
      {label}
    </label>
  );
}
