import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader } from '../../platform/db/loaders';
import type { WebhookAttemptRow } from './webhook-delivery.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

/** The most attempts `attemptLog` shows (its `@listSize`). */
const ATTEMPTS_SHOWN = 10;

/**
 * Endpoints and deliveries by id for `node(id:)` (admins; anyone else none — keys read them through their own root
 * fields), and each delivery's newest attempts (the delivery is already visible: its parent field checked it).
 */
export function createWebhookLoaders(ds: DataSource, viewer: Viewer | null) {
  const admin = viewer?.role === 'ADMIN';
  return {
    webhookEndpointById: byIdLoader(ds, WebhookEndpointEntity, (qb) => (admin ? qb : qb.andWhere('false'))),
    webhookDeliveryById: byIdLoader(ds, WebhookDeliveryEntity, (qb) => (admin ? qb : qb.andWhere('false'))),
    attemptsByDeliveryId: new DataLoader<string, WebhookAttemptRow[]>(async (ids) => {
      const rows: Array<WebhookAttemptRow & { deliveryId: string }> = await ds.query(
        `SELECT delivery_id AS "deliveryId", number, at, status_code AS "statusCode", latency_ms AS "latencyMs",
                response_excerpt AS "responseExcerpt", error, succeeded
           FROM (SELECT a.*, row_number() OVER (PARTITION BY delivery_id ORDER BY id DESC) AS n FROM webhook_attempts a WHERE delivery_id = ANY($1)) x
          WHERE n <= ${ATTEMPTS_SHOWN} ORDER BY id DESC`,
        [ids],
      );
      return ids.map((id) => rows.filter((r) => r.deliveryId === id));
    }),
  };
}
