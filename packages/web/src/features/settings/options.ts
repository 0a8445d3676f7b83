import type { AssignmentStrategy, MessageChannel, Role } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import type { SelectOption } from '../../ui';

export const ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'SALES', 'FIELD_TECH'];

export const roleLabel = (role: Role): string => (role === 'FIELD_TECH' ? 'Field tech' : enumLabel(role));

export const ROLE_OPTIONS: readonly SelectOption[] = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

/** The strategies with what each does (from the SDL), in menu order. */
export const STRATEGIES: ReadonlyArray<{ value: AssignmentStrategy; label: string; description: string }> = [
  {
    value: 'ROUND_ROBIN',
    label: 'Round robin',
    description: 'Take turns through the team’s active sales members, by name.',
  },
  {
    value: 'LEAST_OPEN_LEADS',
    label: 'Least open leads',
    description: 'The active sales member with the fewest open leads (ties: the one assigned longest ago).',
  },
  {
    value: 'TERRITORY',
    label: 'Territory',
    description:
      'The member whose ZIP prefix matches the property ZIP the longest; round robin when no territory matches.',
  },
];

export const strategyLabel = (s: AssignmentStrategy) => STRATEGIES.find((x) => x.value === s)?.label ?? enumLabel(s);

export const channelLabel = (c: MessageChannel) => (c === 'EMAIL' ? 'E-mail' : 'SMS');

/** When a mutation's request failed as a whole (offline, server down, a GraphQL error). */
export const UNREACHABLE = 'The change could not be saved: the server could not be reached. Check your connection and try again.';

/** Also what the server checks (`Email` scalar); stops the request before it becomes a GraphQL error. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const passwordProblem = (value: string): string | null =>
  value.length < PASSWORD_MIN || value.length > PASSWORD_MAX
    ? `Password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`
    : null;
