import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { Viewer } from '../../app/auth';
import { graphql } from '../../gql';
import { initials } from '../../lib/format';
import { splitUserErrors } from '../../lib/formErrors';
import { Button, Select } from '../../ui';
import { useAssignableUsers } from './useAssignableUsers';
import styles from './leadDetail.module.css';

export const AssignLeadMutation = graphql(`
  mutation AssignLead($input: AssignLeadInput!) {
    assignLead(input: $input) {
      lead {
        id
        assignee {
          id
          name
          email
        }
        updatedAt
      }
      errors { field code message }
    }
  }
`);

export interface LeadAssigneeProps {
  lead: { id: string; assignee?: { id: string; name: string; email: string } | null };
  viewer: Viewer;
  /** A deleted lead cannot be changed. */
  readOnly?: boolean;
}

/**
 * Who works the lead, and handing it over as the API allows (`assignLead`): admins to anyone who works leads,
 * managers to members of their teams (or back to nobody); sales may only claim an unassigned lead for themselves.
 */
export function LeadAssignee({ lead, viewer, readOnly = false }: LeadAssigneeProps) {
  const { users, canPick, loading: usersLoading, error: usersError } = useAssignableUsers(viewer);
  const current = lead.assignee ?? null;
  const [choice, setChoice] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [assign, { loading }] = useMutation(AssignLeadMutation);
  const selected = choice ?? current?.id ?? '';

  const save = async (assigneeId: string | null) => {
    setFieldError(null);
    setProblem(null);
    setDone(null);
    try {
      const { data } = await assign({ variables: { input: { id: lead.id, assigneeId } } });
      const payload = data?.assignLead;
      if (!payload) return;
      if (payload.errors.length || !payload.lead) {
        const split = splitUserErrors(payload.errors, ['assigneeId']);
        setFieldError(split.byField.assigneeId ?? null);
        setProblem(split.general.join(' ') || null);
        return;
      }
      setChoice(null);
      const who = payload.lead.assignee;
      setDone(who ? `Assigned to ${who.id === viewer.id ? 'you' : who.name}.` : 'The lead is unassigned now.');
    } catch {
      setProblem('The server could not be reached. Try again.');
    }
  };

  const options = [
    { value: '', label: 'Nobody (unassigned)' },
    ...users.map((u) => ({
      value: u.id,
      label: `${u.name}${u.id === viewer.id ? ' (you)' : ''}${u.teamName ? ` · ${u.teamName}` : ''}`,
    })),
  ];
  // The current assignee stays choosable even when outside the list (another team, deactivated since).
  if (current && !users.some((u) => u.id === current.id)) {
    options.splice(1, 0, { value: current.id, label: `${current.name} (current)` });
  }

  let control = null;
  if (readOnly) {
    control = null;
  } else if (canPick) {
    control = (
      <form
        className={styles.assignForm}
        onSubmit={(e) => {
          e.preventDefault();
          void save(selected || null);
        }}
      >
        <Select
          label={current ? 'Reassign to' : 'Assign to'}
          options={options}
          value={selected}
          disabled={loading || usersLoading}
          error={fieldError}
          hint={usersError ? 'The list of people could not be loaded.' : undefined}
          onChange={(e) => {
            setChoice(e.target.value);
            setDone(null);
          }}
        />
        <Button type="submit" loading={loading} disabled={selected === (current?.id ?? '')}>
          {selected ? (current ? 'Reassign' : 'Assign') : current ? 'Unassign' : 'Assign'}
        </Button>
      </form>
    );
  } else if (!current) {
    control = (
      <div className={styles.assignActions}>
        <Button variant="primary" loading={loading} onClick={() => void save(viewer.id)}>
          Assign to me
        </Button>
        {fieldError && <p className={styles.errorText}>{fieldError}</p>}
      </div>
    );
  } else if (current.id === viewer.id) {
    control = <p className={styles.muted}>Only a manager can hand it to someone else.</p>;
  }

  return (
    <div className={styles.assignee}>
      <div className={styles.person}>
        <span className={styles.avatarLg} aria-hidden="true">
          {current ? initials(current.name) : '–'}
        </span>
        <div>
          <strong>
            {current ? `${current.name}${current.id === viewer.id ? ' (you)' : ''}` : 'Unassigned'}
          </strong>
          {current && (
            <a className={styles.subLink} href={`mailto:${current.email}`}>
              {current.email}
            </a>
          )}
        </div>
      </div>
      {control}
      {problem && (
        <p className={styles.errorText} role="alert">
          {problem}
        </p>
      )}
      {done && (
        <p className={styles.success} role="status">
          {done}
        </p>
      )}
    </div>
  );
}
