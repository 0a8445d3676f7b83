import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ProjectDetail_ProjectFragment, ProjectType, UpdateProjectInput } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { failureMessage } from '../../lib/formErrors';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert, FormDialog, Select, TextField } from '../../ui';
import { UpdateProjectMutation } from './projectDetailQuery';
import { MONEY_HINT, parseMoney } from './money';
import { PROJECT_TYPES } from './projectFormat';
import { refreshHistory } from './refreshHistory';
import shared from './projects.module.css';
import styles from './EditProjectDialog.module.css';

const SHOWN_FIELDS = ['name', 'projectType', 'budget', 'actualCost', 'startDate', 'endDate', 'completionPercentage'] as const;
type Shown = (typeof SHOWN_FIELDS)[number];

const moneyText = (text: string) => text.trim().replace(/[$,\s]/g, '');

/** Amounts the `Money` scalar would refuse (a GraphQL error, not a UserError) are caught here, next to the field. */
function localErrors(v: Values): Record<string, string> {
  const byField: Record<string, string> = {};
  if (v.budget.trim() && parseMoney(v.budget) === null) byField.budget = MONEY_HINT;
  if (parseMoney(v.actualCost) === null) byField.actualCost = v.actualCost.trim() ? MONEY_HINT : 'Enter the cost so far (0 if none).';
  const pct = v.completionPercentage.trim();
  if (!/^\d{1,3}$/.test(pct)) byField.completionPercentage = 'Enter a whole number from 0 to 100.';
  return byField;
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
  const form = useFormErrors(SHOWN_FIELDS);
  const client = useApolloClient();
  const [update, { loading }] = useMutation(UpdateProjectMutation);

  const set = (field: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const error = (f: Shown) => form.errors[f] ?? null;
  /** A field's name, value, change handler and error. */
  const bind = (field: Shown) => ({ name: field, value: values[field], onChange: set(field), error: error(field) });

  const submit = async () => {
    if (form.check(localErrors(values))) return;
    const input = changedInput(project, values);
    if (Object.keys(input).length === 1) {
      onClose();
      return;
    }
    const saved = await form.save(async () => (await update({ variables: { input } })).data?.updateProject, {
      ok: (p) => p.project,
      nothing: 'Nothing was saved.',
      unreachable: (e) => failureMessage(e, 'Nothing was saved.'),
    });
    if (!saved) return;
    refreshHistory(client);
    onClose();
  };

  return (
    <FormDialog title={`Edit ${project.name}`} size="md" busy={loading} onClose={onClose} onSubmit={submit} submitLabel="Save changes">
      <div className={`${styles.formGrid} ${shared.dialogForm}`}>
        <FormAlert className={`${shared.inlineError} ${styles.wide}`} messages={form.general} />
        <TextField className={styles.wide} label="Name" maxLength={200} required {...bind('name')} />
        <Select
          label="Kind of work"
          options={PROJECT_TYPES.map((t) => ({ value: t, label: enumLabel(t) }))}
          {...bind('projectType')}
        />
        <TextField label="Completion (%)" type="number" inputMode="numeric" min={0} max={100} {...bind('completionPercentage')} />
        <TextField
          label="Budget (USD)"
          inputMode="decimal"
          autoComplete="off"
          hint="Contract value; blank for none."
          {...bind('budget')}
        />
        <TextField label="Cost so far (USD)" inputMode="decimal" autoComplete="off" {...bind('actualCost')} />
        <TextField label="Start date" type="date" {...bind('startDate')} />
        <TextField label="End date" type="date" {...bind('endDate')} />
      </div>
    </FormDialog>
  );
}
