import { dashboardView } from '../analytics/dashboard.events';
import type { WriteEffects } from '../realtime/event-definition';
import type { InteractionEntity } from './interaction.entity';

/** Interactions are not live; their writes move dashboard numbers (response times). */
export const interactionWrites: WriteEffects<InteractionEntity> = { staleViews: [dashboardView] };
