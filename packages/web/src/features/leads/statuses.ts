import type { LeadStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';

/** Board columns, in pipeline order. */
export const BOARD_STATUSES: readonly LeadStatus[] = [
  'NEW',
  'CONTACTED',
  'INSPECTION_SCHEDULED',
  'ESTIMATE_SENT',
  'WON',
  'LOST',
];

/** Closed columns list the most recently changed leads first; open ones the best scores first. */
export const isClosed = (status: LeadStatus) => status === 'WON' || status === 'LOST';

export const statusLabel = (status: LeadStatus) => enumLabel(status);
