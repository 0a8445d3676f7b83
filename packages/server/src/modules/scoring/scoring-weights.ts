/** Maximum points per scoring factor (see schema/scoring/scoring.graphql). */
export interface ScoringWeights {
  sourceQuality: number;
  projectValue: number;
  urgency: number;
  responsiveness: number;
  completeness: number;
  agingPenalty: number;
}

export const DEFAULT_WEIGHTS: ScoringWeights = {
  sourceQuality: 25,
  projectValue: 25,
  urgency: 20,
  responsiveness: 15,
  completeness: 15,
  agingPenalty: 20,
};

export const SCORING_WEIGHTS_KEY = 'lead_scoring.weights';

/** What GraphQL's `LeadScoringWeights` resolves from. */
export type LeadScoringWeightsModel = ScoringWeights & { updatedAt: Date | null; updatedById: string | null };
