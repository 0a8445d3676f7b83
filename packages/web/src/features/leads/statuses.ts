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

/** The moves the server allows from each stage (mirrors `LeadStatus` in the SDL; the server has the last word). */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  NEW: ['CONTACTED', 'LOST'],
  CONTACTED: ['INSPECTION_SCHEDULED', 'NEW', 'LOST'],
  INSPECTION_SCHEDULED: ['ESTIMATE_SENT', 'CONTACTED', 'LOST'],
  ESTIMATE_SENT: ['WON', 'INSPECTION_SCHEDULED', 'LOST'],
  WON: [],
  LOST: ['NEW'],
};

/** Badge colour of a stage. */
export const statusTone = (status: LeadStatus) =>
  status === 'WON' ? 'success' : status === 'LOST' ? 'danger' : status === 'NEW' ? 'info' : 'neutral';
