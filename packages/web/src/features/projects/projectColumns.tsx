import { useMutation } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ProjectRow_ProjectFragment } from '../../gql/graphql';
import { calendarDateLabel, enumLabel } from '../../lib/format';
import { Badge, ClippedText, cx, EditableCell, tableStyles, type Column } from '../../ui';
import { saveErrorOf } from '../views/saveError';
import { BudgetMeter, CompletionBar } from './Meters';
import { dateRange, statusLabel, statusTone } from './projectFormat';
import shared from './projects.module.css';
import styles from './ProjectsPage.module.css';

const UpdateProjectCellMutation = graphql(`
  mutation UpdateProjectCell($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      project { id ...ProjectRow_project }
      errors { field code message }
    }
  }
`);

/** `Riley Brooks, Taylor Kim +1`. */
export function crewLabel(team: ReadonlyArray<{ name: string }>, max = 2): string {
  if (!team.length) return 'No crew yet';
  const names = team.slice(0, max).map((m) => m.name);
  return team.length > max ? `${names.join(', ')} +${team.length - max}` : names.join(', ');
}

type Row = ProjectRow_ProjectFragment;

/**
 * The projects table's columns (the user picks and orders them: features/views). Completion and the start date change
 * in place for office roles (the table is theirs; field techs see their projects as cards). Dates and crew are not
 * shown by default, so the rest fit a laptop's width; compact rows keep each cell to one line (names cut with an
 * ellipsis, the customer's city in the name's tooltip).
 */
export function useProjectColumns(canEdit: boolean): ReadonlyArray<Column<Row>> {
  const [update] = useMutation(UpdateProjectCellMutation);
  return useMemo(() => {
    const save = (id: string, patch: { completionPercentage?: number; startDate?: string | null }) =>
      saveErrorOf(update({ variables: { input: { id, ...patch } } }), (d) => d.updateProject.errors);
    const columns: Column<Row>[] = [
      {
        key: 'name',
        header: 'Project',
        required: true,
        render: (p) => (
          <div className={cx(shared.nameCell, styles.lineCell)}>
            <Link to={`/projects/${p.id}`} className={cx(styles.nameLink, tableStyles.clip)} title={p.name}>
              {p.name}
            </Link>
            <ClippedText text={enumLabel(p.projectType)} className={cx(shared.muted, styles.typeClip)} />
          </div>
        ),
      },
      {
        key: 'customer',
        header: 'Customer',
        render: (p) =>
          p.customer ? (
            <div className={cx(shared.nameCell, styles.lineCell)}>
              <Link
                to={`/customers/${p.customer.id}`}
                className={cx(tableStyles.clip, styles.customerClip)}
                title={[p.customer.name, p.customer.address.city].filter(Boolean).join(', ')}
              >
                {p.customer.name}
              </Link>
              {p.customer.address.city && <span className={cx(shared.muted, styles.customerCity)}>{p.customer.address.city}</span>}
            </div>
          ) : (
            '—'
          ),
      },
      { key: 'status', header: 'Status', render: (p) => <Badge tone={statusTone(p.status)}>{statusLabel(p.status)}</Badge> },
      {
        key: 'progress',
        header: 'Progress',
        render: (p) => (
          <EditableCell
            label={`Completion of ${p.name} (percent)`}
            type="number"
            value={String(p.completionPercentage)}
            canEdit={canEdit}
            onSave={(v) => (/^\d+$/.test(v.trim()) ? save(p.id, { completionPercentage: Number(v) }) : Promise.resolve('Enter a whole percent, 0 to 100.'))}
          >
            <CompletionBar value={p.completionPercentage} label={`Completion of ${p.name}`} />
          </EditableCell>
        ),
      },
      { key: 'cost', header: 'Cost / budget', render: (p) => <BudgetMeter budget={p.budget} actualCost={p.actualCost} compact /> },
      {
        key: 'startDate',
        header: 'Start',
        label: 'Start date',
        render: (p) => (
          <EditableCell label={`Start date of ${p.name}`} type="date" value={p.startDate ?? ''} canEdit={canEdit} onSave={(v) => save(p.id, { startDate: v || null })}>
            <span className={tableStyles.nowrap}>{p.startDate ? calendarDateLabel(p.startDate) : '—'}</span>
          </EditableCell>
        ),
      },
      {
        key: 'schedule',
        header: 'Dates & crew',
        hiddenByDefault: true,
        render: (p) => (
          <div className={shared.nameCell}>
            <span className={tableStyles.nowrap}>{dateRange(p.startDate, p.endDate)}</span>
            <span className={`${shared.muted} ${styles.crew}`} title={p.team.map((m) => m.name).join(', ')}>
              {crewLabel(p.team)}
            </span>
          </div>
        ),
      },
    ];
    return columns;
  }, [canEdit, update]);
}
