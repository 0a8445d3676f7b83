import { useViewer } from '../../app/auth';
import { getFragmentData, type FragmentType } from '../../gql';
import type { PartnerKind, PartnerStatus } from '../../gql/graphql';
import { useViewerTeams } from '../../lib/viewerTeams';
import { FormAlert, FormDialog, Select, TextArea, TextField } from '../../ui';
import { useAssignableUsers } from '../leads/useAssignableUsers';
import { FeeTermsFields } from './FeeTermsFields';
import { NewContactsFields } from './NewContactsFields';
import { PartnerFormFragment } from './partnerDocuments';
import { KIND_OPTIONS, STATUS_OPTIONS } from './partnerFormat';
import { usePartnerForm } from './usePartnerForm';
import styles from './PartnerForm.module.css';

export interface PartnerFormDialogProps {
  /** The partner to edit; omitted to create one (with its contacts). */
  partner?: FragmentType<typeof PartnerFormFragment>;
  onClose: () => void;
  /** After a successful save (the dialog does not close itself). */
  onSaved: (partner: { id: string }) => void;
}

/** Creates or edits a referral partner: name, kind, status, owner, team, notes, fee terms and (new) contacts. */
export function PartnerFormDialog({ partner: ref, onClose, onSaved }: PartnerFormDialogProps) {
  const partner = getFragmentData(PartnerFormFragment, ref);
  const { viewer } = useViewer();
  const leads = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';
  const { teams } = useViewerTeams(leads ? viewer : null);
  const { users } = useAssignableUsers(viewer);
  const { values, change, errors, general, busy, submit } = usePartnerForm(partner, onSaved);

  // The current owner stays a choice even when the viewer could not pick them.
  const owners = users.map((u) => ({ value: u.id, label: u.id === viewer?.id ? `Me (${u.name})` : u.name }));
  if (partner?.owner && !owners.some((o) => o.value === partner.owner?.id)) {
    owners.unshift({ value: partner.owner.id, label: partner.owner.name });
  }

  return (
    <FormDialog
      title={partner ? `Edit ${partner.name}` : 'New partner'}
      size="lg"
      onClose={onClose}
      busy={busy}
      onSubmit={submit}
      submitLabel={partner ? 'Save changes' : 'Create partner'}
    >
      <div className={styles.form}>
        <FormAlert className={styles.formAlert} messages={general} />
        <div className={styles.grid}>
          <TextField
            label="Name *"
            value={values.name}
            maxLength={200}
            autoComplete="off"
            autoFocus
            error={errors.name}
            className={styles.span2}
            onChange={(e) => change({ name: e.target.value })}
          />
          <Select
            label="Kind"
            options={KIND_OPTIONS}
            value={values.kind}
            error={errors.kind}
            onChange={(e) => change({ kind: e.target.value as PartnerKind })}
          />
          <Select
            label="Status"
            options={STATUS_OPTIONS}
            value={values.status}
            error={errors.status}
            onChange={(e) => change({ status: e.target.value as PartnerStatus })}
          />
          {owners.length > 0 && (
            <Select
              label="Owner"
              placeholder={partner ? undefined : 'Me'}
              options={owners}
              value={values.ownerId}
              error={errors.ownerId}
              hint="Who looks after the relationship"
              onChange={(e) => change({ ownerId: e.target.value })}
            />
          )}
          {leads && teams.length > 0 && (
            <Select
              label="Team"
              placeholder={partner ? undefined : viewer?.team ? `My team (${viewer.team.name})` : 'No team'}
              options={teams.map((t) => ({ value: t.id, label: t.name }))}
              value={values.teamId}
              error={errors.teamId}
              onChange={(e) => change({ teamId: e.target.value })}
            />
          )}
        </div>
        <FeeTermsFields values={values} errors={errors} onChange={change} />
        {!partner && (
          <NewContactsFields contacts={values.contacts} errors={errors} onChange={(contacts) => change({ contacts })} />
        )}
        <TextArea
          label="Notes"
          maxLength={5000}
          value={values.notes}
          error={errors.notes}
          onChange={(e) => change({ notes: e.target.value })}
        />
      </div>
    </FormDialog>
  );
}
