import type { InteractionDirection, InteractionType } from '../../gql/graphql';

/** Every kind of contact, in the order the log and the forms offer them (the SDL's `InteractionType`). */
export const INTERACTION_TYPES: readonly InteractionType[] = ['CALL', 'VISIT', 'EMAIL', 'SMS', 'NOTE'];

/** Who started it; INTERNAL is implied by notes and never chosen. */
export const CHOSEN_DIRECTIONS: readonly InteractionDirection[] = ['OUTBOUND', 'INBOUND'];
export const INTERACTION_DIRECTIONS: readonly InteractionDirection[] = ['OUTBOUND', 'INBOUND', 'INTERNAL'];

const TYPE_LABELS: Record<InteractionType, string> = {
  CALL: 'Call',
  VISIT: 'Visit',
  EMAIL: 'E-mail',
  SMS: 'Text',
  NOTE: 'Note',
};

/** What the submit button says for each kind. */
const TYPE_ACTIONS: Record<InteractionType, string> = {
  CALL: 'Log call',
  VISIT: 'Log visit',
  EMAIL: 'Log e-mail',
  SMS: 'Log text',
  NOTE: 'Save note',
};

/** Dialog titles and quick-log buttons. */
const TYPE_TITLES: Record<InteractionType, string> = {
  CALL: 'Log a call',
  VISIT: 'Log a visit',
  EMAIL: 'Log an e-mail',
  SMS: 'Log a text',
  NOTE: 'Add a note',
};

const DIRECTION_LABELS: Record<InteractionDirection, string> = {
  OUTBOUND: 'Outbound',
  INBOUND: 'Inbound',
  INTERNAL: 'Internal',
};

const DIRECTION_HINTS: Record<InteractionDirection, string> = {
  OUTBOUND: 'We reached out',
  INBOUND: 'They reached out',
  INTERNAL: 'Internal',
};

export const typeLabel = (type: InteractionType): string => TYPE_LABELS[type];
export const typeAction = (type: InteractionType): string => TYPE_ACTIONS[type];
export const typeTitle = (type: InteractionType): string => TYPE_TITLES[type];
export const directionLabel = (direction: InteractionDirection): string => DIRECTION_LABELS[direction];
export const directionHint = (direction: InteractionDirection): string => DIRECTION_HINTS[direction];

export const isInteractionType = (value: string): value is InteractionType =>
  (INTERACTION_TYPES as readonly string[]).includes(value);
export const isInteractionDirection = (value: string): value is InteractionDirection =>
  (INTERACTION_DIRECTIONS as readonly string[]).includes(value);

/** Common results, offered as suggestions (the field stays free text). */
export const OUTCOME_SUGGESTIONS = [
  'Left voicemail',
  'No answer',
  'Booked inspection',
  'Sent estimate',
  'Answered questions',
  'Follow-up needed',
  'Work completed',
];
