import { useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { dateTimeLabel } from '../../lib/format';
import { useFormErrors } from '../../lib/useFormErrors';
import { Button, Card, FormAlert, TextArea } from '../../ui';
import { RespondToReviewMutation } from './reviewDocuments';
import { MAX_TEXT } from './reviewForm';
import styles from './ReviewDetail.module.css';

export interface ReviewResponseView {
  text: string;
  respondedBy?: { name: string } | null;
  respondedAt: string;
}

export interface ReviewResponseCardProps {
  reviewId: string;
  response: ReviewResponseView | null | undefined;
  /** Admins, managers and sales may respond (not field techs, not in the trash). */
  canRespond: boolean;
}

/** The company's public response to the review; those who may write it, or replace it, do so here. */
export function ReviewResponseCard({ reviewId, response, canRespond }: ReviewResponseCardProps) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const showForm = canRespond && (!response || editing);
  return (
    <Card
      title="Response"
      actions={
        canRespond &&
        response &&
        !editing && (
          <Button
            size="sm"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit response
          </Button>
        )
      }
    >
      {response && !editing && (
        <>
          <p className={styles.text}>{response.text}</p>
          <p className={styles.meta}>
            {response.respondedBy ? `${response.respondedBy.name} · ` : ''}
            <time dateTime={response.respondedAt}>{dateTimeLabel(response.respondedAt)}</time>
          </p>
        </>
      )}
      {!response && !canRespond && <p className={styles.emptyText}>No response yet.</p>}
      {showForm && (
        <RespondForm
          reviewId={reviewId}
          initial={editing ? (response?.text ?? '') : ''}
          replacing={Boolean(response)}
          onCancel={editing ? () => setEditing(false) : undefined}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      )}
      <p role="status" className={saved ? styles.meta : 'visually-hidden'}>
        {saved ? 'Response saved. The review is now responded.' : ''}
      </p>
    </Card>
  );
}

interface RespondFormProps {
  reviewId: string;
  initial: string;
  /** An earlier response is replaced. */
  replacing: boolean;
  onCancel?: () => void;
  onSaved: () => void;
}

/** The response's text and its submit; the server's refusals show next to the text or above it. */
function RespondForm({ reviewId, initial, replacing, onCancel, onSaved }: RespondFormProps) {
  const [text, setText] = useState(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(['text']);
  const [respond, { loading }] = useMutation(RespondToReviewMutation);

  // Keyboard and screen-reader users land on what needs fixing.
  const focusProblem = () =>
    requestAnimationFrame(() => {
      const target = formRef.current?.querySelector('[aria-invalid="true"]') ?? formRef.current?.querySelector('[role="alert"]');
      if (target instanceof HTMLElement) target.focus();
    });

  const submit = async () => {
    const trimmed = text.trim();
    if (form.check({ text: !trimmed || trimmed.length > MAX_TEXT ? 'Write the response, up to 5,000 characters.' : undefined })) {
      focusProblem();
      return;
    }
    const saved = await form.save(async () => (await respond({ variables: { id: reviewId, text: trimmed } })).data?.respondToReview, {
      ok: (p) => p.review,
      nothing: 'The response was not saved. Try again.',
      unreachable: 'The server could not be reached. Check your connection and try again.',
    });
    if (saved) onSaved();
    else focusProblem();
  };

  return (
    <form
      ref={formRef}
      aria-label="Respond to the review"
      noValidate
      className={styles.respondForm}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormAlert messages={form.general} />
      <TextArea
        label="Your response *"
        rows={4}
        maxLength={MAX_TEXT}
        required
        value={text}
        error={form.errors.text}
        hint="Posted publicly on the platform; recorded here as the company’s answer"
        onChange={(e) => {
          setText(e.target.value);
          form.clear('text');
        }}
      />
      <div className={styles.formActions}>
        {onCancel && (
          <Button onClick={onCancel} disabled={loading}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" loading={loading}>
          {replacing ? 'Save response' : 'Post response'}
        </Button>
      </div>
    </form>
  );
}
