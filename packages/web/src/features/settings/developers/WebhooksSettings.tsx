import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { dateTimeLabel } from '../../../lib/format';
import { Button, Card, EmptyState } from '../../../ui';
import { ConnectionFooter, FormMessages, Loaded, Section } from '../Section';
import { StackedTable } from '../StackedTable';
import shared from '../settings.module.css';
import { CreateWebhookDialog } from './CreateWebhookDialog';
import { EditWebhookDialog } from './EditWebhookDialog';
import { SecretDialog } from './SecretDialog';
import { useWebhookActions } from './useWebhookActions';
import { endpointColumns, type EndpointAction } from './webhookColumns';
import { WebhookDeliveriesDialog } from './WebhookDeliveries';
import { DeleteWebhookDialog, RotateWebhookDialog, type Endpoint } from './WebhookDialogs';
import { SettingsWebhookEndpointsQuery } from './webhookDocuments';

const PAGE_SIZE = 20;
type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'rotate' | 'delete' | 'deliveries'; endpoint: Endpoint }
  | { kind: 'secret'; title: string; secret: string; note?: string }
  | null;

/**
 * Admins: the URLs the server POSTs signed events to (the company's integrations and partners' endpoints): their
 * events, state and secret; create one (its secret shown once), change its URL, description or events, rotate its secret, disable, enable or delete it, send
 * it a test event, and look through its deliveries.
 */
export function WebhooksSettings() {
  const { data, loading, error, refetch, fetchMore } = useQuery(SettingsWebhookEndpointsQuery, {
    variables: { first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const actions = useWebhookActions();
  const act = (action: EndpointAction, endpoint: Endpoint) => {
    if (action === 'test') void actions.sendTest(endpoint);
    else if (action === 'toggle') void actions.setActive(endpoint, !endpoint.active);
    else setOpen({ kind: action, endpoint });
  };

  return (
    <Section
      title="Webhook endpoints"
      description="The server POSTs signed events (Standard Webhooks) to these URLs as leads, projects, appointments and partners change. A partner’s endpoint hears about its own referrals only. Failed deliveries are retried; after a run of failures the endpoint is disabled."
      actions={
        <Button variant="primary" onClick={() => setOpen({ kind: 'create' })}>
          New endpoint
        </Button>
      }
    >
      <FormMessages errors={actions.result.errors} success={actions.result.success} />
      <Card>
        <Loaded data={data} error={error} onRetry={() => void refetch()} errorTitle="Webhook endpoints could not be loaded" loadingLabel="Loading webhook endpoints…">
          {({ webhookEndpoints: page }) => {
            const endpoints = page.edges.map((e) => e.node);
            if (!endpoints.length) return <EmptyState icon="settings" title="No webhook endpoints yet" />;
            return (
              <>
                <StackedTable
                  caption="Webhook endpoints"
                  columns={endpointColumns(act, actions.busyId)}
                  rows={endpoints}
                  rowKey={(e) => e.id}
                  rowClassName={(e) => (e.active ? undefined : shared.inactiveRow)}
                />
                <ConnectionFooter connection={page} shown={endpoints.length} loading={loading} fetchMore={fetchMore} />
              </>
            );
          }}
        </Loaded>
      </Card>
      {open?.kind === 'create' && (
        <CreateWebhookDialog onClose={close} onCreated={({ url, secret }) => setOpen({ kind: 'secret', title: `Endpoint created: ${url}`, secret })} />
      )}
      {open?.kind === 'edit' && (
        <EditWebhookDialog
          endpoint={open.endpoint}
          onClose={close}
          onSaved={(url) => {
            close();
            actions.announce(`${url} is saved.`);
          }}
        />
      )}
      {open?.kind === 'rotate' && (
        <RotateWebhookDialog
          endpoint={open.endpoint}
          onClose={close}
          onRotated={({ url, secret, graceUntil }) =>
            setOpen({
              kind: 'secret',
              title: `New signing secret for ${url}`,
              secret,
              note: graceUntil ? `Deliveries are signed with the previous secret too until ${dateTimeLabel(graceUntil)}.` : 'The previous secret no longer signs.',
            })
          }
        />
      )}
      {open?.kind === 'delete' && <DeleteWebhookDialog endpoint={open.endpoint} onClose={close} />}
      {open?.kind === 'deliveries' && <WebhookDeliveriesDialog endpoint={open.endpoint} onClose={close} />}
      {open?.kind === 'secret' && <SecretDialog kind="webhook" title={open.title} secret={open.secret} note={open.note} onClose={close} />}
    </Section>
  );
}
