import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { LeadStatus } from '../../gql/graphql';
import type { UserErrorLike } from '../../lib/formErrors';
import { adjustTotal, BOARD_QUERY_VARIABLES, LeadsBoardQuery } from './boardQuery';

const UpdateLeadStatusMutation = graphql(`
  mutation UpdateLeadStatus($input: UpdateLeadStatusInput!) {
    updateLeadStatus(input: $input) {
      lead {
        id
        status
        allowedStatuses
        lostReason
        ...LeadScore_lead @unmask
        updatedAt
      }
      errors { field code message }
    }
  }
`);

/** The card's current values, used to draw the move before the server answers. */
export interface MovableLead {
  id: string;
  status: LeadStatus;
  /** The stages the server lets the viewer move it to. */
  allowedStatuses: readonly LeadStatus[];
  score: number;
  scoreFactors: ReadonlyArray<{ __typename: 'ScoreFactor'; factor: string; points: number; explanation: string }>;
}

/**
 * Moves a lead to another stage. The card moves at once (optimistic response); if the server refuses (e.g.
 * INVALID_TRANSITION) the optimistic layer is dropped, so the card goes back, and the refusal is returned.
 */
export function useMoveLead() {
  const [mutate] = useMutation(UpdateLeadStatusMutation);

  return async (lead: MovableLead, to: LeadStatus, lostReason?: string): Promise<readonly UserErrorLike[]> => {
    const { data } = await mutate({
      variables: { input: { id: lead.id, status: to, ...(lostReason === undefined ? {} : { lostReason }) } },
      optimisticResponse: {
        updateLeadStatus: {
          __typename: 'LeadPayload',
          lead: {
            __typename: 'Lead',
            id: lead.id,
            status: to,
            // Unknown until the server answers: no moves are offered meanwhile.
            allowedStatuses: [],
            lostReason: lostReason ?? null,
            score: lead.score,
            scoreFactors: [...lead.scoreFactors],
            updatedAt: new Date().toISOString(),
          },
          errors: [],
        },
      },
      // Keep the column counts right until the next refetch.
      update: (cache, { data: result }) => {
        if (!result?.updateLeadStatus.lead || result.updateLeadStatus.errors.length) return;
        cache.updateQuery({ query: LeadsBoardQuery, variables: BOARD_QUERY_VARIABLES }, (board) =>
          board ? adjustTotal(adjustTotal(board, lead.status, -1), to, 1) : board,
        );
      },
    });
    return data?.updateLeadStatus.errors ?? [];
  };
}
