import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { enumLabel } from '../../lib/format';
import type { PickedCustomer } from '../customers/CustomerPicker';

const LogInteractionProjectQuery = graphql(`
  query LogInteractionProject($id: ID!) {
    project(id: $id) {
      id
      name
      customer {
        id
        name
      }
    }
  }
`);

const LogInteractionLeadQuery = graphql(`
  query LogInteractionLead($id: ID!) {
    lead(id: $id) {
      id
      contactName
      status
      customer {
        id
        name
      }
    }
  }
`);

const LogInteractionCustomerQuery = graphql(`
  query LogInteractionCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
      projects {
        id
        name
        status
      }
      leads {
        id
        contactName
        status
        projectType
      }
    }
  }
`);

/**
 * A field tech's projects: the ones they are on (the server returns only those). They log on one of them, and narrow
 * the log to one.
 */
export const MyProjectsQuery = graphql(`
  query MyProjects {
    projects(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {
      edges {
        node {
          id
          name
          status
          customer {
            id
            name
          }
        }
      }
    }
  }
`);

export interface FixedLinks {
  /** The customer passed in, if any. */
  customerId?: string;
  /** The project passed in, if any. */
  projectId?: string;
  /** The lead passed in, if any. */
  leadId?: string;
  /** Field techs choose one of their projects instead of searching customers. */
  fieldTech: boolean;
}

/**
 * Resolves what an interaction is about: loads the fixed project, lead and customer, keeps the user's choices for
 * the missing ones, and says what (if anything) stops the form before the server is asked.
 */
export function useInteractionLinks({ customerId, projectId, leadId, fieldTech }: FixedLinks) {
  const [picked, setPicked] = useState<PickedCustomer | null>(null);
  const [chosenProjectId, setChosenProjectId] = useState('');
  const [chosenLeadId, setChosenLeadId] = useState('');

  const projectQ = useQuery(LogInteractionProjectQuery, { variables: { id: projectId ?? '' }, skip: !projectId });
  const leadQ = useQuery(LogInteractionLeadQuery, { variables: { id: leadId ?? '' }, skip: !leadId });
  const myProjectsQ = useQuery(MyProjectsQuery, { skip: !fieldTech || Boolean(customerId || projectId || leadId) });
  const myProjects = myProjectsQ.data?.projects.edges.map((e) => e.node) ?? [];
  const chosenMine = myProjects.find((p) => p.id === chosenProjectId);

  const fixedProject = projectId ? projectQ.data?.project : undefined;
  const fixedLead = leadId ? leadQ.data?.lead : undefined;
  const customerFromLinks = fixedProject?.customer ?? fixedLead?.customer ?? chosenMine?.customer ?? null;
  const effectiveCustomerId = customerId ?? customerFromLinks?.id ?? picked?.id ?? null;
  const customerQ = useQuery(LogInteractionCustomerQuery, {
    variables: { id: effectiveCustomerId ?? '' },
    skip: !effectiveCustomerId,
  });
  const customer = customerQ.data?.customer ?? null;
  const customerName = customer?.name ?? customerFromLinks?.name ?? picked?.name ?? null;

  const effectiveProjectId = projectId ?? (chosenProjectId || null);
  const effectiveLeadId = leadId ?? (chosenLeadId || null);

  // What stops the form before the server is asked.
  const linksLoading =
    (projectId !== undefined && projectQ.loading) ||
    (leadId !== undefined && leadQ.loading) ||
    (customerId !== undefined && customerQ.loading);
  let blocker: string | null = null;
  const loadError = projectQ.error ?? leadQ.error ?? (customerId ? customerQ.error : undefined);
  if (loadError) blocker = `What this is about could not be loaded: ${loadError.message}`;
  else if (projectId && !projectQ.loading && !fixedProject) blocker = 'This project could not be found.';
  else if (projectId && fixedProject && !fixedProject.customer && !customerId) {
    blocker = 'This project has no customer on record, so nothing can be logged on it.';
  }
  else if (leadId && !leadQ.loading && fixedLead === null) blocker = 'This lead could not be found.';
  else if (leadId && fixedLead && !fixedLead.customer && !customerId) {
    blocker = 'This lead has no customer yet, so the log cannot hold it: convert the lead or add its customer first.';
  } else if (customerId && !customerQ.loading && !customer) {
    blocker = 'This customer could not be found.';
  }

  const projectOptions =
    fieldTech && !customerId && !projectId && !leadId
      ? myProjects.map((p) => ({ value: p.id, label: `${p.name} · ${p.customer?.name ?? '—'}` }))
      : (customer?.projects ?? []).map((p) => ({ value: p.id, label: `${p.name} (${enumLabel(p.status)})` }));
  const leadOptions = (customer?.leads ?? []).map((l) => ({
    value: l.id,
    label: [l.projectType && enumLabel(l.projectType), enumLabel(l.status), l.contactName].filter(Boolean).join(' · '),
  }));

  /** A different customer: the project and lead chosen for the previous one no longer apply. */
  const pickCustomer = (c: PickedCustomer | null) => {
    setPicked(c);
    setChosenProjectId('');
    setChosenLeadId('');
  };

  return {
    fixedProject,
    fixedLead,
    customerFromLinks,
    customerName,
    effectiveCustomerId,
    effectiveProjectId,
    effectiveLeadId,
    linksLoading,
    blocker,
    projectOptions,
    leadOptions,
    myProjectsLoading: myProjectsQ.loading,
    picked,
    pickCustomer,
    chosenProjectId,
    setChosenProjectId,
    chosenLeadId,
    setChosenLeadId,
  };
}

export type InteractionLinks = ReturnType<typeof useInteractionLinks>;
