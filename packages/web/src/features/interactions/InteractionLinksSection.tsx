import { enumLabel } from '../../lib/format';
import { Select, Spinner } from '../../ui';
import { CustomerPicker } from '../customers/CustomerPicker';
import type { InteractionLinks } from './useInteractionLinks';
import styles from './InteractionLinksSection.module.css';

export interface InteractionLinksSectionProps {
  links: InteractionLinks;
  /** The customer passed in, if any (shown, not chosen). */
  customerId?: string;
  /** The project passed in, if any (shown, not chosen). */
  projectId?: string;
  /** The lead passed in, if any (shown, not chosen). */
  leadId?: string;
  fieldTech: boolean;
  fieldError: (field: 'customerId' | 'projectId' | 'leadId') => string | null;
}

/** "What it was about": the customer, project and lead, fixed ones shown and missing ones chosen. */
export function InteractionLinksSection({
  links,
  customerId,
  projectId,
  leadId,
  fieldTech,
  fieldError,
}: InteractionLinksSectionProps) {
  const { fixedProject, fixedLead, customerFromLinks, customerName, blocker, projectOptions, leadOptions } = links;
  const chooseProject = fieldTech || projectOptions.length > 0;

  return (
    <section className={styles.about} aria-label="What it was about">
      {links.linksLoading && <Spinner inline />}
      {blocker && (
        <p className={styles.fieldError} role="alert">
          {blocker}
        </p>
      )}
      {customerId || customerFromLinks ? (
        <p className={styles.aboutLine}>
          <span className={styles.pickedLabel}>Customer</span> <strong>{customerName ?? '…'}</strong>
          {fieldError('customerId') && <span className={styles.fieldError}>{fieldError('customerId')}</span>}
        </p>
      ) : fieldTech ? null : (
        <CustomerPicker
          label="Customer"
          required
          placeholder="Name, phone, e-mail or street"
          value={links.picked}
          onChange={links.pickCustomer}
          error={fieldError('customerId')}
        />
      )}
      {projectId ? (
        <p className={styles.aboutLine}>
          <span className={styles.pickedLabel}>Project</span> <strong>{fixedProject?.name ?? '…'}</strong>
          {fieldError('projectId') && <span className={styles.fieldError}>{fieldError('projectId')}</span>}
        </p>
      ) : (
        chooseProject && (
          <Select
            label={fieldTech ? 'Project' : 'Project (optional)'}
            placeholder={fieldTech ? 'Choose one of your projects…' : 'Not about a project'}
            options={projectOptions}
            value={links.chosenProjectId}
            onChange={(e) => links.setChosenProjectId(e.target.value)}
            error={fieldError('projectId')}
            hint={fieldTech && projectOptions.length === 0 && !links.myProjectsLoading ? 'You are on no projects yet.' : undefined}
          />
        )
      )}
      {leadId ? (
        <p className={styles.aboutLine}>
          <span className={styles.pickedLabel}>Lead</span>{' '}
          <strong>
            {fixedLead ? [fixedLead.contactName, enumLabel(fixedLead.status)].filter(Boolean).join(' · ') : '…'}
          </strong>
          {fieldError('leadId') && <span className={styles.fieldError}>{fieldError('leadId')}</span>}
        </p>
      ) : (
        !fieldTech &&
        leadOptions.length > 0 && (
          <Select
            label="Lead (optional)"
            placeholder="Not about a lead"
            options={leadOptions}
            value={links.chosenLeadId}
            onChange={(e) => links.setChosenLeadId(e.target.value)}
            error={fieldError('leadId')}
          />
        )
      )}
    </section>
  );
}
