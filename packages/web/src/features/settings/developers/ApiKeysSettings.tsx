import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { getFragmentData } from '../../../gql';
import type { ApiKeyFilter, ApiKeyRow_ApiKeyFragment, ApiKeyStatus } from '../../../gql/graphql';
import { dateLabel, dateTimeLabel, enumLabel, timeAgo } from '../../../lib/format';
import { Badge, Button, Card, EmptyState, Select } from '../../../ui';
import { RevokeKeyDialog, RotateKeyDialog } from './ApiKeyDialogs';
import { ApiKeyRowFragment, KEY_STATUS_TONE, scopeLabel, SettingsApiKeysQuery } from './apiKeyDocuments';
import { ApiUsageDialog } from './ApiUsageChart';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { EditApiKeyDialog } from './EditApiKeyDialog';
import { SecretDialog } from './SecretDialog';
import { ConnectionFooter, FormMessages, Loaded, Section } from '../Section';
import { StackedTable, type StackedColumn } from '../StackedTable';
import shared from '../settings.module.css';
import styles from './Developers.module.css';

const PAGE_SIZE = 25;
type Key = ApiKeyRow_ApiKeyFragment;
type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'rotate' | 'revoke' | 'usage'; key: Key }
  | { kind: 'secret'; title: string; secret: string; note?: string }
  | null;

const STATUS_OPTIONS = (['ACTIVE', 'EXPIRED', 'REVOKED'] as const).map((s) => ({ value: s, label: enumLabel(s) }));

function columns(setOpen: (open: Open) => void): StackedColumn<Key>[] {
  return [
    {
      key: 'name',
      header: 'Key',
      primary: true,
      render: (k) => (
        <div className={shared.who}>
          <strong>{k.name}</strong>
          <code className={shared.muted}>{k.prefix}…</code>
        </div>
      ),
    },
    {
      key: 'owner',
      header: 'For',
      render: (k) => (k.partner ? <Link to={`/partners/${k.partner.id}`}>{k.partner.name}</Link> : <span>Company</span>),
    },
    {
      key: 'scopes',
      header: 'Scopes',
      render: (k) => (
        <span className={styles.scopes}>
          {k.scopes.map((s) => (
            <code key={s}>{scopeLabel(s)}</code>
          ))}
          {k.allowFreeFormQueries && <Badge tone="warning">Free-form</Badge>}
        </span>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      nowrap: true,
      render: (k) => <Badge tone={KEY_STATUS_TONE[k.status]}>{enumLabel(k.status)}</Badge>,
    },
    {
      key: 'used',
      header: 'Last used',
      render: (k) =>
        k.lastUsedAt ? (
          <span className={shared.who}>
            <time dateTime={k.lastUsedAt} title={dateTimeLabel(k.lastUsedAt)}>
              {timeAgo(k.lastUsedAt)}
            </time>
            {k.lastUsedIp && <span className={shared.muted}>from {k.lastUsedIp}</span>}
          </span>
        ) : (
          <span className={shared.muted}>Never</span>
        ),
    },
    {
      key: 'expires',
      header: 'Expires',
      nowrap: true,
      render: (k) => (k.expiresAt ? dateLabel(k.expiresAt) : <span className={shared.muted}>Never</span>),
    },
    {
      key: 'actions',
      header: 'Actions',
      actions: true,
      render: (k) => (
        <div className={shared.rowActions}>
          <Button size="sm" onClick={() => setOpen({ kind: 'usage', key: k })} aria-label={`Usage of ${k.name}`}>
            Usage
          </Button>
          {k.status !== 'REVOKED' && (
            <>
              <Button size="sm" onClick={() => setOpen({ kind: 'edit', key: k })} aria-label={`Edit ${k.name}`}>
                Edit
              </Button>
              <Button size="sm" onClick={() => setOpen({ kind: 'rotate', key: k })} aria-label={`Rotate ${k.name}`}>
                Rotate
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setOpen({ kind: 'revoke', key: k })} aria-label={`Revoke ${k.name}`}>
                Revoke
              </Button>
            </>
          )}
        </div>
      ),
    },
  ];
}

/**
 * Admins: the API keys partners and integrations call the API with: their scopes, state and last use; create one
 * (its secret shown once), change its name, scopes, limits or expiry, rotate it with a grace period, revoke it, and see its use per day.
 */
export function ApiKeysSettings() {
  const [status, setStatus] = useState<ApiKeyStatus | ''>('');
  const filter: ApiKeyFilter = status ? { statuses: [status] } : {};
  const { data, loading, error, refetch, fetchMore } = useQuery(SettingsApiKeysQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const [open, setOpen] = useState<Open>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const close = () => setOpen(null);

  return (
    <Section
      title="API keys"
      description="Keys let partners send referrals and read how they stand, and let integrations call the API without a staff sign-in. A key’s secret is shown once, when it is created or rotated."
      actions={
        <Button variant="primary" onClick={() => setOpen({ kind: 'create' })}>
          New API key
        </Button>
      }
    >
      <FormMessages success={saved} />
      <Card>
        <div className={styles.filters}>
          <Select
            label="Status"
            placeholder="Any status"
            options={STATUS_OPTIONS}
            value={status}
            onChange={(e) => setStatus(e.target.value as ApiKeyStatus | '')}
          />
        </div>
        <Loaded data={data} error={error} onRetry={() => void refetch()} errorTitle="API keys could not be loaded" loadingLabel="Loading API keys…">
          {({ apiKeys }) => {
            const keys = apiKeys.edges.map((e) => getFragmentData(ApiKeyRowFragment, e.node));
            if (!keys.length) {
              return <EmptyState icon="settings" title={status ? 'No keys in this state' : 'No API keys yet'} />;
            }
            return (
              <>
                <StackedTable
                  caption="API keys"
                  columns={columns(setOpen)}
                  rows={keys}
                  rowKey={(k) => k.id}
                  rowClassName={(k) => (k.status === 'ACTIVE' ? undefined : shared.inactiveRow)}
                />
                <ConnectionFooter connection={apiKeys} shown={keys.length} loading={loading} fetchMore={fetchMore} />
              </>
            );
          }}
        </Loaded>
      </Card>
      {open?.kind === 'create' && (
        <CreateApiKeyDialog
          onClose={close}
          onCreated={({ name, secret }) => setOpen({ kind: 'secret', title: `Key created: ${name}`, secret })}
        />
      )}
      {open?.kind === 'edit' && (
        <EditApiKeyDialog
          apiKey={open.key}
          onClose={close}
          onSaved={(name) => {
            close();
            setSaved(`${name} is saved.`);
          }}
        />
      )}
      {open?.kind === 'rotate' && (
        <RotateKeyDialog
          apiKey={open.key}
          onClose={close}
          onRotated={({ name, secret, graceUntil }) =>
            setOpen({
              kind: 'secret',
              title: `New secret for ${name}`,
              secret,
              note: graceUntil ? `The previous secret keeps working until ${dateTimeLabel(graceUntil)}.` : 'The previous secret no longer works.',
            })
          }
        />
      )}
      {open?.kind === 'revoke' && <RevokeKeyDialog apiKey={open.key} onClose={close} />}
      {open?.kind === 'usage' && <ApiUsageDialog apiKey={open.key} onClose={close} />}
      {open?.kind === 'secret' && <SecretDialog title={open.title} secret={open.secret} note={open.note} onClose={close} />}
    </Section>
  );
}
