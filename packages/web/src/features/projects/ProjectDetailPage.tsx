import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { getFragmentData } from '../../gql';
import type { ProjectDetail_ProjectFragment, ProjectStatus } from '../../gql/graphql';
import { addressLines, calendarDateLabel, dateTimeLabel, enumLabel, initials, money, timeAgo } from '../../lib/format';
import { Badge, Button, Card, Dialog, EmptyState, ErrorState, Spinner } from '../../ui';
import { InteractionEntry } from '../interactions/InteractionEntry';
import { LogInteractionDialog } from '../interactions/LogInteractionDialog';
import { CrewDialog } from './CrewDialog';
import { EditProjectDialog } from './EditProjectDialog';
import { BudgetMeter, CompletionBar } from './Meters';
import { ProgressForm } from './ProgressForm';
import { costFigures, dateRange, moveLabel, nextStatuses, statusLabel, statusTone } from './projectFormat';
import { ProjectDetailFragment, ProjectDetailQuery, ProjectHistoryQuery, UpdateProjectMutation } from './projectDetailQuery';
import { failureMessage } from './failure';
import { refreshHistory } from './refreshHistory';
import styles from './projects.module.css';

/**
 * One project. Everyone: status, progress, cost against budget, dates, crew, customer, appointments and the
 * project's log. Field techs get "Update progress" and "Log interaction" up front; office roles edit the project,
 * move its status and set its crew; admins and managers also see its change history. Live `projectUpdated` events
 * update status, progress and cost in place (they are read from the normalised project).
 */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  const office = viewer ? isOffice(viewer.role) : false;
  const { data, loading, error, refetch } = useQuery(ProjectDetailQuery, { variables: { id } });
  const [dialog, setDialog] = useState<'log' | 'edit' | 'crew' | null>(null);
  const client = useApolloClient();

  // A change by someone else arrives live (status, progress, cost); the project's log and history are not in the
  // event, so they are fetched again once the change has settled (a progress note is logged right after it).
  const updatedAt = data?.project ? getFragmentData(ProjectDetailFragment, data.project).updatedAt : null;
  const seenUpdate = useRef(updatedAt);
  useEffect(() => {
    const previous = seenUpdate.current;
    seenUpdate.current = updatedAt;
    if (!previous || !updatedAt || previous === updatedAt) return;
    const timer = setTimeout(() => {
      void refetch().catch(() => undefined);
      refreshHistory(client);
    }, 1000);
    return () => clearTimeout(timer);
  }, [updatedAt, refetch, client]);

  const backLink = (
    <Link to="/projects" className={styles.back}>
      ← {office ? 'Projects' : 'My projects'}
    </Link>
  );

  if (!data && loading) return <Spinner label="Loading the project…" />;
  if (!data && error) {
    return (
      <>
        {backLink}
        <ErrorState title="The project could not be loaded" error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data?.project) {
    return (
      <>
        {backLink}
        <EmptyState
          icon="search"
          title="Project not found"
          description="It may have been removed, or you are not on its crew."
          action={<Link to="/projects">Back to {office ? 'projects' : 'my projects'}</Link>}
        />
      </>
    );
  }

  const project = getFragmentData(ProjectDetailFragment, data.project);
  const { appointments, interactions } = data.project;
  const fieldTech = viewer?.role === 'FIELD_TECH';
  const seesHistory = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';

  const overview = <OverviewCard project={project} office={office} />;
  const activity = (
    <Card
      title="Activity"
      actions={
        <Button size="sm" onClick={() => setDialog('log')}>
          Log interaction
        </Button>
      }
    >
      {interactions.length === 0 ? (
        <p className={styles.muted}>Nothing logged yet. Calls, visits and notes about this job show up here.</p>
      ) : (
        <ul className={styles.timeline} aria-label="Interactions">
          {interactions.map((i) => (
            <li key={i.id}>
              <InteractionEntry interaction={i} officeLinks={office} hide={{ project: true, customer: true }} />
            </li>
          ))}
        </ul>
      )}
      <div className={styles.cardFooter}>
        <Link to={`/interactions?project=${encodeURIComponent(project.id)}`}>Open in the communication log</Link>
      </div>
    </Card>
  );

  return (
    <>
      <header className={styles.detailHeader}>
        <div>
          {backLink}
          <h1 className={styles.detailTitle}>{project.name}</h1>
          <div className={styles.detailSub}>
            <Badge tone={statusTone(project.status)}>{statusLabel(project.status)}</Badge>
            {project.deletedAt && <Badge tone="danger">Deleted</Badge>}
            <span>{enumLabel(project.projectType)}</span>
            {project.customer && <span>· {project.customer.name}</span>}
          </div>
        </div>
        <div className={styles.headerActions}>
          {office && <Button onClick={() => setDialog('edit')}>Edit project</Button>}
          <Button variant="primary" onClick={() => setDialog('log')}>
            Log interaction
          </Button>
        </div>
      </header>

      <div className={styles.detailGrid}>
        <div className={styles.column}>
          {fieldTech && <ProgressForm project={project} />}
          {overview}
          {activity}
          {seesHistory && <HistoryCard projectId={project.id} />}
        </div>
        <div className={styles.column}>
          <CustomerCard project={project} office={office} />
          <CrewCard project={project} canEdit={office} onEdit={() => setDialog('crew')} />
          <Card title="Appointments">
            {appointments.length === 0 ? (
              <p className={styles.muted}>No appointments for this project.</p>
            ) : (
              <ul className={styles.appointments}>
                {appointments.map((a) => (
                  <li key={a.id}>
                    <div className={styles.nameCell}>
                      <strong>{a.title}</strong>
                      <span className={styles.muted}>
                        {dateTimeLabel(a.startsAt)}
                        {a.assignee ? ` · ${a.assignee.name}` : ' · Unassigned'}
                      </span>
                      {a.location && <span className={styles.muted}>{a.location}</span>}
                    </div>
                    <span>
                      <Badge tone={a.status === 'CANCELLED' || a.status === 'NO_SHOW' ? 'danger' : a.status === 'COMPLETED' ? 'success' : 'info'}>
                        {enumLabel(a.status)}
                      </Badge>{' '}
                      <Badge>{enumLabel(a.kind)}</Badge>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>

      {dialog === 'log' && (
        <LogInteractionDialog
          customerId={project.customer?.id}
          projectId={project.id}
          defaultType={fieldTech ? 'VISIT' : 'CALL'}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'edit' && <EditProjectDialog project={project} onClose={() => setDialog(null)} />}
      {dialog === 'crew' && <CrewDialog project={project} onClose={() => setDialog(null)} />}
    </>
  );
}

function OverviewCard({ project, office }: { project: ProjectDetail_ProjectFragment; office: boolean }) {
  const figures = costFigures(project.budget, project.actualCost);
  return (
    <Card title="Overview">
      <div className={styles.progressForm}>
        <CompletionBar value={project.completionPercentage} label="Completion" large />
        {figures.over > 0 && (
          <p className={styles.warning} role="alert">
            Over budget by {money(String(figures.over))}: cost so far {money(project.actualCost)} against a budget of{' '}
            {money(project.budget)}.
          </p>
        )}
        <dl className={styles.facts}>
          <div>
            <dt>Cost against budget</dt>
            <dd>
              <BudgetMeter budget={project.budget} actualCost={project.actualCost} />
            </dd>
          </div>
          <div>
            <dt>Dates</dt>
            <dd>{dateRange(project.startDate, project.endDate)}</dd>
          </div>
          <div>
            <dt>Owning team</dt>
            <dd>{project.owningTeam?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>Last change</dt>
            <dd title={dateTimeLabel(project.updatedAt)}>{timeAgo(project.updatedAt)}</dd>
          </div>
        </dl>
        {office && <StatusMoves project={project} />}
      </div>
    </Card>
  );
}

/** Office roles move the status along the allowed transitions; cancelling asks first. */
function StatusMoves({ project }: { project: ProjectDetail_ProjectFragment }) {
  const client = useApolloClient();
  const [update, { loading }] = useMutation(UpdateProjectMutation);
  const [pending, setPending] = useState<ProjectStatus | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const moves = nextStatuses(project.status);

  const move = async (to: ProjectStatus) => {
    setPending(to);
    setMessage(null);
    try {
      const { data } = await update({ variables: { input: { id: project.id, status: to } } });
      const errors = data?.updateProject.errors ?? [];
      if (errors.length) setMessage(errors.map((e) => e.message).join(' '));
      else refreshHistory(client);
    } catch (e) {
      setMessage(failureMessage(e, 'The status did not change.'));
    } finally {
      setPending(null);
      setConfirmCancel(false);
    }
  };

  if (!moves.length) {
    return <p className={styles.muted}>{statusLabel(project.status)} is final: the status no longer changes.</p>;
  }
  return (
    <div>
      <h3 className={styles.legend}>Change status</h3>
      <div className={styles.statusMoves}>
        {moves.map((to) => (
          <Button
            key={to}
            variant={to === 'CANCELLED' ? 'ghost' : moves[0] === to ? 'primary' : 'secondary'}
            loading={pending === to}
            disabled={loading}
            onClick={() => (to === 'CANCELLED' ? setConfirmCancel(true) : void move(to))}
          >
            {moveLabel(project.status, to)}
          </Button>
        ))}
      </div>
      {message && (
        <p className={styles.fieldError} role="alert">
          {message}
        </p>
      )}
      {confirmCancel && (
        <Dialog
          title={`Cancel ${project.name}?`}
          busy={loading}
          onClose={() => setConfirmCancel(false)}
          actions={
            <>
              <Button onClick={() => setConfirmCancel(false)} disabled={loading}>
                Keep it
              </Button>
              <Button variant="danger" loading={loading} onClick={() => void move('CANCELLED')}>
                Cancel project
              </Button>
            </>
          }
        >
          <p>A cancelled project is final: it cannot be reopened.</p>
        </Dialog>
      )}
    </div>
  );
}

function CustomerCard({ project, office }: { project: ProjectDetail_ProjectFragment; office: boolean }) {
  const c = project.customer;
  const address = c ? addressLines(c.address).join(', ') : '';
  return (
    <Card title="Customer">
      {!c ? (
        <p className={styles.muted}>No customer on record.</p>
      ) : (
        <div className={styles.contact}>
          <strong>{office ? <Link to={`/customers/${c.id}`}>{c.name}</Link> : c.name}</strong>
          {address && <span>{address}</span>}
          <div className={styles.contactLinks}>
            {c.phone && <a href={`tel:${c.phone}`}>Call {c.phone}</a>}
            {c.email && <a href={`mailto:${c.email}`}>E-mail</a>}
            {address && (
              <a href={`https://maps.google.com/?q=${encodeURIComponent(address)}`} target="_blank" rel="noreferrer">
                Map
              </a>
            )}
          </div>
        </div>
      )}
      {project.lead && (
        <p className={styles.aside}>
          Came from{' '}
          {office ? <Link to={`/leads/${project.lead.id}`}>{leadLabel(project.lead)}</Link> : leadLabel(project.lead)}
        </p>
      )}
      {project.createdBy && (
        <p className={styles.aside}>
          Created by {project.createdBy.name} on {calendarDateLabel(project.createdAt.slice(0, 10))}
        </p>
      )}
    </Card>
  );
}

function CrewCard({ project, canEdit, onEdit }: { project: ProjectDetail_ProjectFragment; canEdit: boolean; onEdit: () => void }) {
  return (
    <Card
      title="Crew"
      actions={
        canEdit && (
          <Button size="sm" onClick={onEdit}>
            Edit crew
          </Button>
        )
      }
    >
      {project.team.length === 0 ? (
        <p className={styles.muted}>No one is on this project yet.</p>
      ) : (
        <ul className={styles.people}>
          {project.team.map((m) => (
            <li key={m.id} className={styles.person}>
              <span className={styles.avatar} aria-hidden="true">
                {initials(m.name)}
              </span>
              <span>
                {m.name} <span className={styles.muted}>{enumLabel(m.role)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const leadLabel = (lead: { contactName?: string | null; status: string }) =>
  `the lead${lead.contactName ? ` ${lead.contactName}` : ''} (${enumLabel(lead.status).toLowerCase()})`;

/** `completionPercentage` → `Completion percentage`. */
const fieldLabel = (field: string) => {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const MONEY_FIELDS = new Set(['budget', 'actualCost']);
const DATE_FIELDS = new Set(['startDate', 'endDate']);
const ACTIONS: Record<string, string> = {
  CREATE: 'created the project',
  UPDATE: 'changed',
  DELETE: 'moved it to the trash',
  RESTORE: 'restored it',
  HARD_DELETE: 'removed it',
};
const valueLabel = (field: string, v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (MONEY_FIELDS.has(field) && (typeof v === 'string' || typeof v === 'number')) return money(String(v));
  if (DATE_FIELDS.has(field) && typeof v === 'string') return calendarDateLabel(v.slice(0, 10));
  if (field === 'completionPercentage' && typeof v === 'number') return `${v}%`;
  if (typeof v === 'string') return /^[A-Z_]+$/.test(v) ? enumLabel(v) : v;
  if (Array.isArray(v)) return `${v.length} ${v.length === 1 ? 'item' : 'items'}`;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** Admins and managers: who changed what on the project, newest first (the audit log). */
function HistoryCard({ projectId }: { projectId: string }) {
  const { data, loading, error } = useQuery(ProjectHistoryQuery, { variables: { entityId: projectId } });
  const entries = data?.auditLog.edges.map((e) => e.node) ?? [];
  return (
    <Card title="History">
      {loading && !data && <Spinner label="Loading the history…" />}
      {error && !data && <p className={styles.fieldError}>The history could not be loaded: {error.message}</p>}
      {data && entries.length === 0 && <p className={styles.muted}>No recorded changes.</p>}
      {entries.length > 0 && (
        <ul className={styles.history}>
          {entries.map((e) => (
            <li key={e.id}>
              <strong>{e.actor?.name ?? 'System'}</strong> {ACTIONS[e.action] ?? enumLabel(e.action).toLowerCase()} ·{' '}
              <span className={styles.muted} title={dateTimeLabel(e.occurredAt)}>
                {timeAgo(e.occurredAt)}
              </span>
              {e.action === 'UPDATE' && e.changes.length > 0 && (
                <ul className={styles.historyChanges}>
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      {fieldLabel(c.field)}: {valueLabel(c.field, c.before)} → {valueLabel(c.field, c.after)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {data && data.auditLog.totalCount > entries.length && (
        <p className={styles.muted}>
          The {entries.length} latest of {data.auditLog.totalCount} changes.
        </p>
      )}
    </Card>
  );
}
