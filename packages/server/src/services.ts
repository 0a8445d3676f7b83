import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource } from 'typeorm';
import { AttachmentService } from './modules/attachments/attachment.service';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { AppointmentService } from './modules/appointments/appointment.service';
import { CustomerService } from './modules/customers/customer.service';
import { CarrierPaymentService } from './modules/claims/carrier-payment.service';
import { ClaimPackageService } from './modules/claim-packages/claim-package.service';
import { SupplementPhotoService } from './modules/claim-packages/supplement-photo.service';
import { ClaimAdjusterService } from './modules/claims/claim-adjuster.service';
import { ClaimService } from './modules/claims/claim.service';
import { SupplementService } from './modules/claims/supplement.service';
import { PartnerService } from './modules/partners/partner.service';
import { PartnerPerformanceService } from './modules/partners/partner-performance';
import { ReferralFeeService } from './modules/partners/referral-fee.service';
import { PartnerPortalService } from './modules/partner-portal/partner-portal.service';
import { ReputationService } from './modules/reviews/reputation';
import { ReviewService } from './modules/reviews/review.service';
import { ReviewRequestService } from './modules/reviews/review-request.service';
import { ReviewAnswerService } from './modules/reviews/review-answer.service';
import { ReviewRequestCancels } from './modules/reviews/review-request-cancel';
import { ApiKeyService } from './modules/api-keys/api-key.service';
import { ApiUsageService } from './modules/api-keys/api-usage.service';
import { WebhookDispatcher } from './modules/webhooks/webhook-dispatcher';
import { WebhookSender } from './modules/webhooks/webhook-sender';
import { WebhookService } from './modules/webhooks/webhook.service';
import { InteractionService } from './modules/interactions/interaction.service';
import { ImportService } from './modules/imports/import.service';
import { ImportWorker } from './modules/imports/import-worker';
import { DuplicateService } from './modules/duplicates/duplicate.service';
import { CustomerMerger } from './modules/duplicates/customer-merge';
import { LeadService } from './modules/leads/lead.service';
import { MessageService, type MessageHooks } from './modules/messages/message.service';
import { ProjectService } from './modules/projects/project.service';
import { SearchService } from './modules/search/search.service';
import { TeamService } from './modules/teams/team.service';
import { UserService } from './modules/users/user.service';
import { SavedViewService } from './modules/views/saved-view.service';
import { TablePreferenceService } from './modules/views/table-preferences.service';
import { TableRegistry } from './modules/views/table-registry';
import { DashboardService } from './modules/analytics/dashboard.service';
import { AssignmentService } from './modules/assignment/assignment.service';
import { JobService } from './modules/jobs/job.service';
import { AlertService } from './modules/notifications/alert.service';
import { NotificationService } from './modules/notifications/notification.service';
import { OutboxService } from './modules/realtime/outbox.service';
import { createLoaders, listTables, liveEvents } from './modules';
import { eventRegistry } from './modules/realtime/realtime.policy';
import { RealtimeService } from './modules/realtime/realtime.service';
import { LeadScoringService } from './modules/scoring/scoring.service';
import type { TokenService } from './platform/auth/tokens';
import { ViewerCache } from './platform/auth/viewer-cache';
import type { Cache } from './platform/cache/cache';
import type { JobSender } from './platform/jobs/job-queue';
import type { Messenger } from './platform/messaging/messenger';
import type { ObjectStorage } from './platform/storage/object-storage';
import type { UrlSigner } from './platform/storage/signed-urls';
import type { Config } from './platform/config';
import type { Logger } from './platform/logger';

export interface ServiceDeps {
  ds: DataSource;
  tokens: TokenService;
  /** Committed outbox events, each once and in order, on the channels of `channelOf` (platform/realtime/outbox-stream.ts). */
  outboxEvents: PubSubEngine;
  config: Config;
  logger: Logger;
  cache: Cache;
  jobs: JobSender;
  messenger: Messenger;
  /** Where files live (platform/storage), and the signer of their short-lived URLs. */
  storage: ObjectStorage;
  fileUrls: UrlSigner;
}

/** The application's services, created once per process. They know nothing about GraphQL. */
export function createServices(d: ServiceDeps) {
  const outbox = new OutboxService();
  const auth = new AuthService(d.ds, d.tokens, d.config.jwt, d.logger, outbox, d.outboxEvents, new ViewerCache(d.config.sessionCache));
  const audit = new AuditService(d.ds);
  const notifications = new NotificationService(d.ds, outbox, d.config.company.timeZone);
  const scoring = new LeadScoringService(d.ds, d.jobs, audit, outbox);
  const assignment = new AssignmentService(d.ds, audit);
  const leads = new LeadService(d.ds, audit, { scoring, assignment, notifications }, outbox);
  const webhookPolicy = () => ({ allow: d.config.webhooks.allowTargets, httpsOnly: d.config.webhooks.httpsOnly, timeoutMs: d.config.webhooks.timeoutMs, maxResponseBytes: d.config.webhooks.maxResponseBytes });
  // Review messages are checked against their request when sent (`reviewRequestCancels`, made below with `messages`).
  const reviewChecks: MessageHooks = { beforeSend: { REVIEW: (m, message) => reviewRequestCancels.beforeSend(m, message) } };
  const messages = new MessageService(d.ds, d.jobs, d.messenger, audit, { companyName: d.config.company.name, timeZone: d.config.company.timeZone, publicUrl: d.config.messaging.publicUrl }, d.config.messaging.retryLimit, d.logger.child({ component: 'messages' }), reviewChecks);
  const alerts = new AlertService(d.ds, notifications, audit);
  const reviews = new ReviewService(d.ds, audit, outbox);
  const reviewRequests = new ReviewRequestService(d.ds, audit, messages, outbox, { companyName: d.config.company.name, publicUrl: d.config.messaging.publicUrl });
  const reviewRequestCancels = new ReviewRequestCancels(audit, messages, outbox);
  const duplicates = new DuplicateService(d.ds, d.jobs);
  const claims = new ClaimService(d.ds, audit, outbox, d.config.company.timeZone);
  const supplements = new SupplementService(d.ds, audit, claims);
  const attachments = new AttachmentService(d.ds, audit, outbox, d.jobs, d.storage, { urls: d.fileUrls, maxBytes: d.config.files.maxBytes });
  const tables = new TableRegistry(listTables);
  const webhookDispatcher = new WebhookDispatcher(d.ds, d.jobs, d.logger.child({ component: 'webhook-dispatcher' }));
  return {
    /** The company's name and time zone (COMPANY_NAME, COMPANY_TIME_ZONE), as the `company` query shows them. */
    company: d.config.company,
    cache: d.cache,
    jobs: d.jobs,
    messenger: d.messenger,
    messages,
    notifications,
    realtime: new RealtimeService(d.ds, d.outboxEvents, (viewer) => createLoaders(d.ds, viewer), eventRegistry(liveEvents)),
    alerts,
    scoring,
    assignment,
    dashboard: new DashboardService(d.ds, d.cache, d.config.company.timeZone),
    jobReport: new JobService(d.ds, d.jobs),
    auth,
    audit,
    users: new UserService(d.ds, auth, audit, outbox),
    teams: new TeamService(d.ds, audit, outbox),
    customers: new CustomerService(d.ds, audit, outbox),
    partners: new PartnerService(d.ds, audit, outbox),
    referralFees: new ReferralFeeService(d.ds, audit, outbox),
    partnerPerformance: new PartnerPerformanceService(d.ds),
    reviews,
    reviewRequests,
    reviewAnswers: new ReviewAnswerService(d.ds, { reviews, messages, alerts, notifications, leads }),
    reputation: new ReputationService(d.ds),
    leads,
    partnerPortal: new PartnerPortalService(d.ds, leads),
    apiKeys: new ApiKeyService(d.ds, audit),
    apiUsage: new ApiUsageService(d.ds),
    webhookDispatcher,
    webhookSender: new WebhookSender(d.ds, d.jobs, notifications, () => ({ policy: webhookPolicy(), retrySeconds: d.config.webhooks.retrySeconds, disableAfter: d.config.webhooks.disableAfter, retentionDays: d.config.webhooks.retentionDays }), d.logger.child({ component: 'webhook-sender' })),
    webhooks: new WebhookService(d.ds, audit, webhookDispatcher, d.jobs, webhookPolicy),
    projects: new ProjectService(d.ds, audit, notifications, outbox, {
      completed: (m, project) => reviewRequests.projectCompleted(m, project),
      left: (m, viewer, project, exit) => reviewRequestCancels.projectLeft(m, viewer, project.id, exit),
    }),
    appointments: new AppointmentService(d.ds, audit, notifications, outbox),
    interactions: new InteractionService(d.ds, audit, scoring, outbox),
    imports: new ImportService(d.ds, audit, d.jobs),
    importWorker: new ImportWorker(d.ds, audit, outbox, scoring, d.logger.child({ component: 'imports' }), d.config.company.timeZone, { completed: (m) => duplicates.scanSoon(m) }),
    duplicates,
    customerMerges: new CustomerMerger(d.ds, audit, outbox, scoring, duplicates),
    search: new SearchService(d.ds),
    tablePreferences: new TablePreferenceService(d.ds, tables),
    savedViews: new SavedViewService(d.ds, audit, tables),
    claims,
    supplements,
    carrierPayments: new CarrierPaymentService(d.ds, audit, claims, d.config.company.timeZone),
    claimAdjusters: new ClaimAdjusterService(d.ds, claims, supplements),
    attachments,
    supplementPhotos: new SupplementPhotoService(d.ds, audit, claims),
    claimPackages: new ClaimPackageService(d.ds, audit, d.jobs, claims, attachments, d.config.company),
  };
}

export type Services = ReturnType<typeof createServices>;
