import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ProjectDetail_ProjectFragment, ProjectType, UpdateProjectInput } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { splitUserErrors, type SplitErrors } from '../../lib/formErrors';
import { Button, Dialog, Select, TextField } from '../../ui';
import { UpdateProjectMutation } from './projectDetailQuery';
import { failureMessage } from '../../lib/formErrors';
import { MONEY_HINT, parseMoney } from './money';
import { refreshHistory } from './refreshHistory';
import styles from './projects.module.css';

const PROJECT_TYPES: readonly ProjectType[] = [
  'FULL_REPLACEMENT',
  'REPAIR',
  'GUTTERS',
  'SIDING',
  'INSPECTION',
  'STORM_DAMAGE',
  'OTHER',
];

const SHOWN_FIELDS = ['name', 'projectType', 'budget', 'actualCost', 'startDate', 'endDate', 'completionPercentage'] as const;
type Shown = (typeof SHOWN_FIELDS)[number];
const NO_ERRORS: SplitErrors = { byField: {}, general: [] };

const moneyText = (text: string) => text.trim().replace(/[$,\s]/g, '');

/** Amounts the `Money` scalar would refuse (a GraphQL error, not a UserError) are caught here, next to the field. */
function localErrors(v: Values): SplitErrors {
  const byField: Record<string, string> = {};
  if (v.budget.trim() && parseMoney(v.budget) === null) byField.budget = MONEY_HINT;
  if (parseMoney(v.actualCost) === null) byField.actualCost = v.actualCost.trim() ? MONEY_HINT : 'Enter the cost so far (0 if none).';
  const pct = v.completionPercentage.trim();
  if (!/^\d{1,3}$/.test(pct)) byField.completionPercentage = 'Enter a whole number from 0 to 100.';
  return { byField, general: [] };
}

/** The form's values, as strings (as the inputs hold them). */
function valuesOf(p: ProjectDetail_ProjectFragment) {
  return {
    name: p.name,
    projectType: p.projectType as string,
    budget: p.budget ?? '',
    actualCost: p.actualCost,
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    completionPercentage: String(p.completionPercentage),
  };
}
type Values = ReturnType<typeof valuesOf>;

/** Only what changed; blank optional fields clear (null), blank required ones are left for the server to refuse. */
export function changedInput(p: ProjectDetail_ProjectFragment, v: Values): UpdateProjectInput {
  const before = valuesOf(p);
  const input: UpdateProjectInput = { id: p.id };
  if (v.name.trim() !== before.name) input.name = v.name.trim();
  if (v.projectType !== before.projectType) input.projectType = v.projectType as ProjectType;
  if (moneyText(v.budget) !== moneyText(before.budget)) input.budget = moneyText(v.budget) || null;
  if (moneyText(v.actualCost) !== moneyText(before.actualCost)) input.actualCost = moneyText(v.actualCost) || null;
  if (v.startDate !== before.startDate) input.startDate = v.startDate || null;
  if (v.endDate !== before.endDate) input.endDate = v.endDate || null;
  if (v.completionPercentage.trim() !== before.completionPercentage) {
    const n = Number(v.completionPercentage);
    input.completionPercentage = v.completionPercentage.trim() === '' || Number.isNaN(n) ? null : Math.round(n);
  }
  return input;
}

/** Office roles change a project's details (status has its own buttons; the crew its own dialog). */
export function EditProjectDialog({ project, onClose }: { project: ProjectDetail_ProjectFragment; onClose: () => void }) {
  const [values, setValues] = useState<Values>(() => valuesOf(project));
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const client = useApolloClient();
  const [update, { loading }] = useMutation(UpdateProjectMutation);

  const set = (field: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const error = (f: Shown) => errors.byField[f] ?? null;

  const submit = async () => {
    const local = localErrors(values);
    if (Object.keys(local.byField).length) {
      setErrors(local);
      return;
    }
    const input = changedInput(project, values);
    if (Object.keys(input).length === 1) {
      onClose();
      return;
    }
    setErrors(NO_ERRORS);
    try {
      const { data } = await update({ variables: { input } });
      const payload = data?.updateProject;
      if (!payload) throw new Error('No answer');
      if (payload.errors.length || !payload.project) setErrors(splitUserErrors(payload.errors, SHOWN_FIELDS));
      else {
        refreshHistory(client);
        onClose();
      }
    } catch (e) {
      setErrors({ byField: {}, general: [failureMessage(e, 'Nothing was saved.')] });
    }
  };

  return (
    <Dialog
      title={`Edit ${project.name}`}
      size="md"
      busy={loading}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <Button onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={loading}>
            Save changes
          </Button>
        </>
      }
    >
      <div className={`${styles.formGrid} ${styles.dialogForm}`}>
        {errors.general.length > 0 && (
          <div className={`${styles.inlineError} ${styles.wide}`} role="alert">
            {errors.general.join(' ')}
          </div>
        )}
        <TextField
          className={styles.wide}
          label="Name"
          name="name"
          maxLength={200}
          required
          value={values.name}
          onChange={set('name')}
          error={error('name')}
        />
        <Select
          label="Kind of work"
          name="projectType"
          options={PROJECT_TYPES.map((t) => ({ value: t, label: enumLabel(t) }))}
          value={values.projectType}
          onChange={set('projectType')}
          error={error('projectType')}
        />
        <TextField
          label="Completion (%)"
          name="completionPercentage"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={values.completionPercentage}
          onChange={set('completionPercentage')}
          error={error('completionPercentage')}
        />
        <TextField
          label="Budget (USD)"
          name="budget"
          inputMode="decimal"
          autoComplete="off"
          value={values.budget}
          onChange={set('budget')}
          hint="Contract value; blank for none."
          error={error('budget')}
        />
        <TextField
          label="Cost so far (USD)"
          name="actualCost"
          inputMode="decimal"
          autoComplete="off"
          value={values.actualCost}
          onChange={set('actualCost')}
          error={error('actualCost')}
        />
        <TextField
          label="Start date"
          name="startDate"
          type="date"
          value={values.startDate}
          onChange={set('startDate')}
          error={error('startDate')}
        />
        <TextField
          label="End date"
          name="endDate"
          type="date"
          value={values.endDate}
          onChange={set('endDate')}
          error={error('endDate')}
        />
      </div>
    </Dialog>
  );
}
