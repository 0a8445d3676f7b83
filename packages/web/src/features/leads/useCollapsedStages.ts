import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { MeQuery } from '../../app/auth';
import type { LeadStatus } from '../../gql/graphql';
import { useMediaQuery } from '../../lib/useMediaQuery';
import { isClosed } from './statuses';

/**
 * Where the six columns fit expanded (about 190 px each beside the 232 px sidebar); narrower, WON and LOST start
 * collapsed so the four open stages keep room.
 */
export const FITS_ALL_STAGES_QUERY = '(min-width: 1480px)';

type Choices = Partial<Record<LeadStatus, boolean>>;

const storageKey = (userId: string | undefined) => `crm.leadsBoard.collapsed.${userId ?? 'anonymous'}`;

function read(key: string): Choices {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(key) ?? '{}');
    return value && typeof value === 'object' ? (value as Choices) : {};
  } catch {
    return {}; // storage blocked or a stale value: the defaults
  }
}

function write(key: string, choices: Choices) {
  try {
    window.localStorage.setItem(key, JSON.stringify(choices));
  } catch {
    // Storage blocked (private mode): the choice holds until the page is left.
  }
}

/**
 * Which closed stages (WON, LOST) the board shows as a narrow strip. The user's choice is remembered per user in
 * localStorage; until they choose, the stages are collapsed where the window cannot fit six expanded columns.
 */
export function useCollapsedStages() {
  // The shell has loaded the viewer before any page shows; read it from the cache only (no request of its own).
  const { data } = useQuery(MeQuery, { fetchPolicy: 'cache-only' });
  const key = storageKey(data?.me?.id);
  const fitsAll = useMediaQuery(FITS_ALL_STAGES_QUERY);
  const [version, setVersion] = useState(0);
  // `version` re-reads the storage after a choice is saved.
  const choices = useMemo(() => read(key), [key, version]);

  const isCollapsed = (status: LeadStatus) => isClosed(status) && (choices[status] ?? !fitsAll);
  const toggle = (status: LeadStatus) => {
    write(key, { ...choices, [status]: !isCollapsed(status) });
    setVersion((v) => v + 1);
  };
  return { isCollapsed, toggle };
}
