import type { ProjectDetail_ProjectFragment } from '../../gql/graphql';
import { dateTimeLabel, money, timeAgo } from '../../lib/format';
import { Card } from '../../ui';
import { BudgetMeter, CompletionBar } from './Meters';
import { costFigures, dateRange } from './projectFormat';
import { ProjectStatusMoves } from './ProjectStatusMoves';
import shared from './projects.module.css';
import styles from './ProjectOverviewCard.module.css';

/** Completion, cost against budget, dates and owning team; office roles also move the status here. */
export function ProjectOverviewCard({ project, office }: { project: ProjectDetail_ProjectFragment; office: boolean }) {
  const figures = costFigures(project.budget, project.actualCost);
  return (
    <Card title="Overview">
      <div className={shared.progressForm}>
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
        {office && <ProjectStatusMoves project={project} />}
      </div>
    </Card>
  );
}
