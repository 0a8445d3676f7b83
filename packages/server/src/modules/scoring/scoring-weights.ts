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

export const WEIGHT_NAMES = Object.keys(DEFAULT_WEIGHTS) as Array<keyof ScoringWeights>;

/** What GraphQL's `LeadScoringWeights` resolves from. */
export type LeadScoringWeightsModel = ScoringWeights & { updatedAt: Date | null; updatedById: string | null };

/** The stored setting over the defaults: a weight missing or malformed in the row falls back to its default. */
export function weightsFrom(stored: unknown): ScoringWeights {
  const value = (stored ?? {}) as Partial<Record<keyof ScoringWeights, unknown>>;
  const weights = { ...DEFAULT_WEIGHTS };
  for (const name of WEIGHT_NAMES) {
    const w = value[name];
    if (typeof w === 'number' && Number.isInteger(w) && w >= 0 && w <= 100) weights[name] = w;
  }
  return weights;
}
