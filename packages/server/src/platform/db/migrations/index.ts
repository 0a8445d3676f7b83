import { Foundation1763800000000 } from './1763800000000-Foundation';
import { CoreDomain1763900000000 } from './1763900000000-CoreDomain';
import { Workflows1764000000000 } from './1764000000000-Workflows';
import { DashboardIndexes1764100000000 } from './1764100000000-DashboardIndexes';
import { AssignmentIndexes1764150000000 } from './1764150000000-AssignmentIndexes';
import { Outbox1764200000000 } from './1764200000000-Outbox';
import { LoginThrottle1764300000000 } from './1764300000000-LoginThrottle';
import { KeysetIndexes1764400000000 } from './1764400000000-KeysetIndexes';
import { DashboardAggregates1764410000000 } from './1764410000000-DashboardAggregates';
import { FirstContactIndex1764420000000 } from './1764420000000-FirstContactIndex';
import { Partners1764430000000 } from './1764430000000-Partners';
import { LeadReferrals1764440000000 } from './1764440000000-LeadReferrals';

/** Every migration, in order. New migrations are appended here. */
export const migrations = [
  Foundation1763800000000,
  CoreDomain1763900000000,
  Workflows1764000000000,
  DashboardIndexes1764100000000,
  AssignmentIndexes1764150000000,
  Outbox1764200000000,
  LoginThrottle1764300000000,
  KeysetIndexes1764400000000,
  DashboardAggregates1764410000000,
  FirstContactIndex1764420000000,
  Partners1764430000000,
  LeadReferrals1764440000000,
];
