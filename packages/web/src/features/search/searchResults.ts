import type { GlobalSearchQuery as Data, Role, SearchField } from '../../gql/graphql';
import { enumLabel, phoneLabel } from '../../lib/format';
import { isOffice } from '../../app/nav';

/** The text fewer characters than this finds nothing (the server's rule too). */
export const MIN_SEARCH_LENGTH = 2;
/** Results per kind of record. */
export const RESULTS_PER_KIND = 5;

export type SearchKind = 'customers' | 'leads' | 'projects' | 'partners';

export const KIND_LABELS: Record<SearchKind, string> = {
  customers: 'Customers',
  leads: 'Leads',
  projects: 'Projects',
  partners: 'Partners',
};

const FIELD_LABELS: Record<SearchField, string> = {
  NAME: 'Name',
  EMAIL: 'E-mail',
  PHONE: 'Phone',
  ADDRESS: 'Address',
  CUSTOMER: 'Customer',
  CONTACT: 'Contact',
};

/** One result as the palette shows it: where it opens, its title, what it is, and why it matched. */
export interface SearchOption {
  key: string;
  kind: SearchKind;
  href: string;
  title: string;
  detail: string;
  /** "Phone: (612) 555-0142"; null when the title itself matched. */
  match: string | null;
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  options: SearchOption[];
}

function matchOf(field: SearchField, text: string, title: string): string | null {
  if (field === 'NAME' && text === title) return null;
  return `${FIELD_LABELS[field]}: ${field === 'PHONE' ? phoneLabel(text) : text}`;
}

/**
 * The results in groups, in the order the palette lists them. Field techs have no customer page: a customer opens
 * their projects of that customer (the projects list searched by the customer's name).
 */
export function groupsOf(data: Data['search'] | undefined, role: Role): SearchGroup[] {
  if (!data) return [];
  const office = isOffice(role);
  const groups: SearchGroup[] = [
    {
      kind: 'customers',
      label: KIND_LABELS.customers,
      options: data.customers.map((h) => ({
        key: h.node.id,
        kind: 'customers',
        href: office ? `/customers/${h.node.id}` : `/projects?q=${encodeURIComponent(h.node.name)}`,
        title: h.node.name,
        detail: h.node.address.city ?? 'Customer',
        match: matchOf(h.field, h.text, h.node.name),
      })),
    },
    {
      kind: 'leads',
      label: KIND_LABELS.leads,
      options: data.leads.map((h) => {
        const title = h.node.contactName ?? h.node.customer?.name ?? 'Lead';
        return { key: h.node.id, kind: 'leads', href: `/leads/${h.node.id}`, title, detail: enumLabel(h.node.status), match: matchOf(h.field, h.text, title) };
      }),
    },
    {
      kind: 'projects',
      label: KIND_LABELS.projects,
      options: data.projects.map((h) => ({
        key: h.node.id,
        kind: 'projects',
        href: `/projects/${h.node.id}`,
        title: h.node.name,
        detail: [h.node.customer?.name, enumLabel(h.node.status)].filter(Boolean).join(' · '),
        match: h.field === 'CUSTOMER' && h.text === h.node.customer?.name ? null : matchOf(h.field, h.text, h.node.name),
      })),
    },
    {
      kind: 'partners',
      label: KIND_LABELS.partners,
      options: data.partners.map((h) => ({
        key: h.node.id,
        kind: 'partners',
        href: `/partners/${h.node.id}`,
        title: h.node.name,
        detail: enumLabel(h.node.kind),
        match: matchOf(h.field, h.text, h.node.name),
      })),
    },
  ];
  return groups.filter((g) => g.options.length > 0);
}
