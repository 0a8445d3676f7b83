import { dashboardView } from '../analytics/dashboard.events';
import type { WriteEffects } from '../realtime/event-definition';
import type { CustomerEntity } from './customer.entity';

/** Customers are not live; their writes move dashboard numbers (lifetime value, source ROI). */
export const customerWrites: WriteEffects<CustomerEntity> = { staleViews: [dashboardView] };
