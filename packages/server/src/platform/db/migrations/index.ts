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
import { ReferralFees1764450000000 } from './1764450000000-ReferralFees';
import { ApiKeys1764460000000 } from './1764460000000-ApiKeys';
import { Webhooks1764470000000 } from './1764470000000-Webhooks';
import { Messages1764481000000 } from './1764481000000-Messages';
import { Reviews1764490000000 } from './1764490000000-Reviews';
import { ReviewRequests1764500000000 } from './1764500000000-ReviewRequests';
import { MessageLeases1764510000000 } from './1764510000000-MessageLeases';
import { ImportsAndDuplicates1764520000000 } from './1764520000000-ImportsAndDuplicates';
import { SearchIndexes1764530000000 } from './1764530000000-SearchIndexes';
import { TablePreferencesAndSavedViews1764600000000 } from './1764600000000-TablePreferencesAndSavedViews';
import { InsuranceClaims1764620000000 } from './1764620000000-InsuranceClaims';

import { Attachments1764630000000 } from './1764630000000-Attachments';
import { ClaimPackages1764640000000 } from './1764640000000-ClaimPackages';
import { WebhookRetention1764700000000 } from './1764700000000-WebhookRetention';
import { ClaimNumbers1764710000000 } from './1764710000000-ClaimNumbers';
import { AuditApiKeys1764720000000 } from './1764720000000-AuditApiKeys';
import { VoidReferralFees1764730000000 } from './1764730000000-VoidReferralFees';
import { ApiUsagePages1764740000000 } from './1764740000000-ApiUsagePages';
import { ReviewRequestCancel1764760000000 } from './1764760000000-ReviewRequestCancel';

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
  ReferralFees1764450000000,
  ApiKeys1764460000000,
  Webhooks1764470000000,
  Messages1764481000000,
  Reviews1764490000000,
  ReviewRequests1764500000000,
  MessageLeases1764510000000,
  ImportsAndDuplicates1764520000000,
  SearchIndexes1764530000000,
  TablePreferencesAndSavedViews1764600000000,
  InsuranceClaims1764620000000,
  Attachments1764630000000,
  ClaimPackages1764640000000,
  WebhookRetention1764700000000,
  ClaimNumbers1764710000000,
  AuditApiKeys1764720000000,
  VoidReferralFees1764730000000,
  ApiUsagePages1764740000000,
  ReviewRequestCancel1764760000000,
];
