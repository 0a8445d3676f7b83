import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { graphql } from '../../gql';
import type { AssignmentStrategy } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { Button, FormDialog, Select, TextField } from '../../ui';
import { STRATEGIES, UNREACHABLE } from './options';
import { FormMessages } from './Section';
import type { SettingsTeam } from './TeamsSettings';
import shared from './settings.module.css';
import styles from './AssignmentDialog.module.css';

const UpdateTeamAssignmentMutation = graphql(`
  mutation UpdateTeamAssignment($input: UpdateTeamAssignmentInput!) {
    updateTeamAssignment(input: $input) {
      team {
        id
        assignmentStrategy
        territories {
          zipPrefix
          user {
            id
            name
          }
        }
      }
      errors { field code message }
    }
  }
`);

interface Row {
  key: number;
  zipPrefix: string;
  userId: string;
}

let nextKey = 0;
const row = (zipPrefix = '', userId = ''): Row => ({ key: nextKey++, zipPrefix, userId });

/**
 * How a team's new unassigned leads are assigned: round robin, least open leads, or ZIP-prefix territories (each to
 * an active sales member of the team). Territories are sent (replacing the list) only with the territory strategy,
 * so switching away and back keeps them.
 */
export function AssignmentDialog({ team, onClose }: { team: SettingsTeam; onClose: () => void }) {
  const [strategy, setStrategy] = useState<AssignmentStrategy>(team.assignmentStrategy);
  const [rows, setRows] = useState<Row[]>(() => team.territories.map((t) => row(t.zipPrefix, t.user.id)));
  const [save, { loading }] = useMutation(UpdateTeamAssignmentMutation);
  const groupId = useId();
  const sales = team.members.filter((m) => m.active && m.role === 'SALES');
  const salesOptions = sales.map((m) => ({ value: m.id, label: m.name }));
  // A territory of someone who has since left sales stays visible (the server will say what is wrong with it).
  for (const r of rows) {
    const member = team.members.find((m) => m.id === r.userId);
    if (member && !salesOptions.some((o) => o.value === member.id)) salesOptions.push({ value: member.id, label: `${member.name} (not eligible)` });
  }

  const fieldsShown = rows.flatMap((_, i) => [`territories.${i}.zipPrefix`, `territories.${i}.userId`]);
  const form = useFormErrors(fieldsShown);
  const { errors } = form;

  const change = (index: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    form.clear(...Object.keys(patch).map((k) => `territories.${index}.${k}`));
  };
  const remove = (index: number) => {
    setRows((rs) => rs.filter((_, i) => i !== index));
    form.clear(); // indexes shift: old messages would point at the wrong rows
  };

  const submit = async () => {
    const invalid: Record<string, string> = {};
    if (strategy === 'TERRITORY') {
      rows.forEach((r, i) => {
        if (!/^[0-9]{1,5}$/.test(r.zipPrefix.trim())) invalid[`territories.${i}.zipPrefix`] = 'A ZIP prefix is 1 to 5 digits.';
        if (!r.userId) invalid[`territories.${i}.userId`] = 'Choose who gets these leads.';
      });
    }
    if (form.check(invalid)) return;
    const territories = rows.map((r) => ({ zipPrefix: r.zipPrefix.trim(), userId: r.userId }));
    const input = { teamId: team.id, strategy, ...(strategy === 'TERRITORY' ? { territories } : {}) };
    const saved = await form.save(async () => (await save({ variables: { input } })).data?.updateTeamAssignment, {
      ok: (p) => p.team,
      nothing: 'Nothing was saved.',
      unreachable: UNREACHABLE,
    });
    if (saved) onClose();
  };

  return (
    <FormDialog
      title={`Lead assignment: ${team.name}`}
      size="lg"
      busy={loading}
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Save"
    >
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>New leads without an assignee go to</legend>
        <div className={styles.radios}>
          {STRATEGIES.map((s) => (
            <label key={s.value} className={styles.radio}>
              <input
                type="radio"
                name={groupId}
                value={s.value}
                checked={strategy === s.value}
                onChange={() => setStrategy(s.value)}
              />
              <span>
                <strong>{s.label}</strong>
                <span className={shared.muted}>{s.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {strategy === 'TERRITORY' && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Territories</legend>
          {sales.length === 0 && (
            <p className={shared.note}>
              {team.name} has no active sales members: add some under Users first. Until then no lead is assigned.
            </p>
          )}
          {rows.length === 0 ? (
            <p className={shared.muted}>No territories: every lead goes round robin.</p>
          ) : (
            <ol className={styles.territories}>
              {rows.map((r, i) => (
                <li key={r.key} className={styles.territory}>
                  <TextField
                    label={`ZIP prefix ${i + 1}`}
                    value={r.zipPrefix}
                    inputMode="numeric"
                    maxLength={5}
                    placeholder="554"
                    autoComplete="off"
                    error={errors[`territories.${i}.zipPrefix`]}
                    onChange={(e) => change(i, { zipPrefix: e.target.value })}
                  />
                  <Select
                    label={`Sales member ${i + 1}`}
                    placeholder="Choose…"
                    options={salesOptions}
                    value={r.userId}
                    error={errors[`territories.${i}.userId`]}
                    onChange={(e) => change(i, { userId: e.target.value })}
                  />
                  <Button
                    variant="ghost"
                    size="sm"
                    className={styles.removeButton}
                    onClick={() => remove(i)}
                    aria-label={`Remove territory ${i + 1}${r.zipPrefix ? ` (${r.zipPrefix})` : ''}`}
                  >
                    Remove
                  </Button>
                </li>
              ))}
            </ol>
          )}
          <div>
            <Button size="sm" onClick={() => setRows((rs) => [...rs, row()])} disabled={sales.length === 0}>
              Add territory
            </Button>
          </div>
          <p className={shared.note}>
            The longest matching prefix wins: 5540 beats 554 for ZIP 55401. Leads whose ZIP matches none go round robin.
          </p>
        </fieldset>
      )}
      <FormMessages errors={form.general} />
    </FormDialog>
  );
}
