import { useState, type ReactNode } from 'react';
import { Button, Dialog } from '../../../ui';
import styles from './Developers.module.css';

export interface SecretDialogProps {
  /** `Key created`, `New secret for Website form`. */
  title: string;
  secret: string;
  /** Said above the secret (e.g. until when the previous secret still works). */
  note?: string;
  /** An API key (the default) or a webhook endpoint's signing secret: the words around it. */
  kind?: SecretKind;
  onClose: () => void;
}

export type SecretKind = 'apiKey' | 'webhook';

const WORDS: Record<SecretKind, { noun: string; label: string; use: ReactNode }> = {
  apiKey: {
    noun: 'key',
    label: 'API key secret',
    use: (
      <>
        Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
      </>
    ),
  },
  webhook: {
    noun: 'signing secret',
    label: 'Webhook signing secret',
    use: (
      <>
        Verify each delivery’s <code>webhook-signature</code> header with it (Standard Webhooks).
      </>
    ),
  },
};

/**
 * The whole key (or signing secret), shown this once: the server keeps only its hash. A copy button and a warning; closing the dialog
 * forgets it (nothing else in the app holds it).
 */
export function SecretDialog({ title, secret, note, kind = 'apiKey', onClose }: SecretDialogProps) {
  const words = WORDS[kind];
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Dialog
      title={title}
      size="md"
      onClose={onClose}
      actions={
        <Button variant="primary" onClick={onClose}>
          I have stored it
        </Button>
      }
    >
      <div className={styles.secretBody}>
        <p className={styles.warning} role="alert">
          Copy the {words.noun} now. This is the only time it is shown: it is not stored and cannot be shown again. If it
          is lost, rotate the {words.noun} to get a new one.
        </p>
        {note && <p className={styles.note}>{note}</p>}
        <div className={styles.secretRow}>
          <code className={styles.secret} aria-label={words.label} tabIndex={0}>
            {secret}
          </code>
          <Button onClick={() => void copy()}>{copied === 'yes' ? 'Copied' : 'Copy'}</Button>
        </div>
        <p className={styles.note} role="status">
          {copied === 'yes' && 'Copied to the clipboard.'}
          {copied === 'failed' && `The clipboard is not available here: select the ${words.noun} and copy it by hand.`}
        </p>
        <p className={styles.note}>{words.use}</p>
      </div>
    </Dialog>
  );
}
