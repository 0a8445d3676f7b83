import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { getFragmentData } from '../../gql';
import { enumLabel } from '../../lib/format';
import { Badge, Button, EmptyState, ErrorState, Spinner } from '../../ui';
import { InsuranceClaimCard } from '../claims/InsuranceClaimCard';
import { ProjectPhotos } from '../attachments';
import { LogInteractionDialog } from '../interactions/LogInteractionDialog';
import { CrewDialog } from './CrewDialog';
import { EditProjectDialog } from './EditProjectDialog';
import { ProgressForm } from './ProgressForm';
import { ProjectActivityCard } from './ProjectActivityCard';
import { ProjectAppointmentsCard } from './ProjectAppointmentsCard';
import { ProjectCrewCard } from './ProjectCrewCard';
import { ProjectCustomerCard } from './ProjectCustomerCard';
import { ProjectHistoryCard } from './ProjectHistoryCard';
import { ProjectOverviewCard } from './ProjectOverviewCard';
import { ProjectReviewsCard } from './ProjectReviewsCard';
import { statusLabel, statusTone } from './projectFormat';
import { ProjectDetailFragment, ProjectDetailQuery } from './projectDetailQuery';
import { useLiveProjectRefresh } from './useLiveProjectRefresh';
import styles from './ProjectDetailPage.module.css';

/**
 * One project. Everyone: status, progress, cost against budget, dates, crew, customer, photos and documents (the crew adds
 * photos from the roof), appointments, reviews and the project's log; office roles also its review request (and ask for one). Field techs get "Update progress" and "Log interaction" up front; office roles edit the project,
 * move its status and set its crew; admins and managers also see its change history. Live `projectUpdated` events
 * update status, progress and cost in place (they are read from the normalised project).
 */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  const office = viewer ? isOffice(viewer.role) : false;
  const { data, loading, error, refetch } = useQuery(ProjectDetailQuery, { variables: { id } });
  const [dialog, setDialog] = useState<'log' | 'edit' | 'crew' | null>(null);

  const updatedAt = data?.project ? getFragmentData(ProjectDetailFragment, data.project).updatedAt : null;
  useLiveProjectRefresh(updatedAt, refetch);

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
  const { appointments, interactions, reviews, reviewRequest, claims } = data.project;
  const fieldTech = viewer?.role === 'FIELD_TECH';
  const seesHistory = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';

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
          <ProjectOverviewCard project={project} office={office} />
          <ProjectPhotos projectId={project.id} />
          <ProjectActivityCard
            projectId={project.id}
            interactions={interactions}
            office={office}
            onLog={() => setDialog('log')}
          />
          {seesHistory && <ProjectHistoryCard projectId={project.id} />}
        </div>
        <div className={styles.column}>
          <ProjectCustomerCard project={project} office={office} />
          {(office || claims.length > 0) && (
            <InsuranceClaimCard claims={claims} on={{ projectId: project.id }} canStart={office && !project.deletedAt} />
          )}
          <ProjectCrewCard project={project} canEdit={office} onEdit={() => setDialog('crew')} />
          <ProjectAppointmentsCard appointments={appointments} />
          <ProjectReviewsCard reviews={reviews} project={project} request={reviewRequest} canAsk={office} />
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
