import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { MessageChannel, MessageStatus, SettingsMessagesQuery } from '../../gql/graphql';
import { dateTimeLabel, enumLabel } from '../../lib/format';
import { Badge, Button, Card, Select, type BadgeTone } from '../../ui';
import { channelLabel } from './options';
import { ConnectionFooter, Loaded, RefreshButton, Section } from './Section';
import { StackedTable, type StackedColumn } from './StackedTable';
import styles from './MessagesSettings.module.css';

const MessagesQuery = graphql(`
  query SettingsMessages($first: Int, $after: String, $filter: MessageFilter) {
    messages(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          channel
          purpose
          recipient
          template
          subject
          text
          html
          status
          attempts
          provider
          providerId
          error
          createdAt
          sendAfter
          sentAt
          customer { id name }
        }
      }
    }
  }
`);

type Message = SettingsMessagesQuery['messages']['edges'][number]['node'];

const TONE: Record<MessageStatus, BadgeTone> = { QUEUED: 'info', SENT: 'success', FAILED: 'danger', SUPPRESSED: 'neutral', CANCELLED: 'neutral' };
const CHANNELS: MessageChannel[] = ['EMAIL', 'SMS'];
const STATUSES: MessageStatus[] = ['QUEUED', 'SENT', 'FAILED', 'SUPPRESSED', 'CANCELLED'];

/** The rendered message as the recipient sees it: HTML in a sandboxed frame (no scripts, no same origin), else the text. */
export function MessagePreview({ message }: { message: Message }) {
  return (
    <div className={styles.preview}>
      <dl className={styles.meta}>
        <dt>To</dt>
        <dd>{message.recipient}</dd>
        {message.subject && (
          <>
            <dt>Subject</dt>
            <dd>{message.subject}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>
          {enumLabel(message.status)} · {message.attempts} attempt{message.attempts === 1 ? '' : 's'}
          {message.provider && ` · ${message.provider === 'outbox' ? 'local outbox (not sent out)' : message.provider}`}
          {message.providerId && ` · ${message.providerId}`}
        </dd>
        {message.sendAfter && (
          <>
            <dt>Not before</dt>
            <dd>{dateTimeLabel(message.sendAfter)}</dd>
          </>
        )}
        {message.error && (
          <>
            <dt>Error</dt>
            <dd className={styles.danger}>{message.error}</dd>
          </>
        )}
      </dl>
      {message.html ? (
        <iframe title={`Preview of ${message.subject ?? 'the message'}`} className={styles.frame} sandbox="" srcDoc={message.html} />
      ) : (
        <pre className={styles.text}>{message.text}</pre>
      )}
    </div>
  );
}

/**
 * Admins and managers: the outgoing e-mail and SMS, newest first, like a mail catcher: each message's status,
 * attempts and provider, and its rendered preview (also the messages kept in the local outbox without a transport).
 */
export function MessagesSettings() {
  const [channel, setChannel] = useState<MessageChannel | ''>('');
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const [selected, setSelected] = useState<string | null>(null);
  const filter = { ...(channel ? { channels: [channel] } : {}), ...(status ? { statuses: [status] } : {}) };
  const { data, error, loading, refetch, fetchMore } = useQuery(MessagesQuery, {
    variables: { first: 20, filter },
    notifyOnNetworkStatusChange: true,
  });

  const columns: StackedColumn<Message>[] = [
    {
      key: 'message',
      header: 'Message',
      primary: true,
      render: (m) => (
        <div>
          <strong>{m.subject ?? m.text.slice(0, 60)}</strong>
          <div>{m.recipient}</div>
        </div>
      ),
    },
    { key: 'channel', header: 'Channel', nowrap: true, render: (m) => `${channelLabel(m.channel)} · ${enumLabel(m.purpose)}` },
    { key: 'status', header: 'Status', nowrap: true, render: (m) => <Badge tone={TONE[m.status]}>{enumLabel(m.status)}</Badge> },
    { key: 'created', header: 'Queued', nowrap: true, render: (m) => dateTimeLabel(m.createdAt) },
    {
      key: 'actions',
      header: 'Actions',
      actions: true,
      render: (m) => (
        <Button variant="secondary" onClick={() => setSelected(selected === m.id ? null : m.id)} aria-expanded={selected === m.id}>
          {selected === m.id ? 'Hide' : 'Preview'}
        </Button>
      ),
    },
  ];

  return (
    <Section
      title="Messages"
      description="Every e-mail and SMS the CRM sends, with its status and a preview. Without a mail or SMS provider configured they stay here (local outbox)."
      actions={<RefreshButton refetch={refetch} loading={loading} />}
    >
      <div className={styles.filters}>
        <Select
          label="Channel"
          value={channel}
          placeholder="All channels"
          options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))}
          onChange={(e) => setChannel(e.target.value as MessageChannel | '')}
        />
        <Select
          label="Status"
          value={status}
          placeholder="All statuses"
          options={STATUSES.map((s) => ({ value: s, label: enumLabel(s) }))}
          onChange={(e) => setStatus(e.target.value as MessageStatus | '')}
        />
      </div>
      <Loaded data={data} error={error} onRetry={() => void refetch()} errorTitle="Messages could not be loaded" loadingLabel="Loading messages…">
        {(d) => {
          const rows = d.messages.edges.map((e) => e.node);
          const shown = rows.find((m) => m.id === selected);
          return (
            <Card>
              {rows.length === 0 ? (
                <p>No messages yet.</p>
              ) : (
                <StackedTable
                  caption="Messages"
                  columns={columns}
                  rows={rows}
                  rowKey={(m) => m.id}
                  rowClassName={(m) => (m.id === selected ? styles.selected : undefined)}
                />
              )}
              <ConnectionFooter connection={d.messages} shown={rows.length} loading={loading} noun="messages" fetchMore={fetchMore} />
              {shown && <MessagePreview message={shown} />}
            </Card>
          );
        }}
      </Loaded>
    </Section>
  );
}
