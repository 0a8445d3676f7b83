import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { AttachmentKind } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { Button, FormAlert, Select, TextArea } from '../../ui';
import { UpdateAttachmentMutation } from './attachmentDocuments';
import { isAttachmentKind, KIND_OPTIONS, type AttachmentItem } from './attachmentFormat';
import styles from './attachments.module.css';

const MAX_CAPTION = 500;

export interface AttachmentEditFormProps {
  attachment: AttachmentItem;
  /** Offer "Shared with the adjuster" (office staff decide what the carrier sees). */
  canShare: boolean;
  onDone: () => void;
}

/** Caption, kind and sharing of one attachment, saved with `updateAttachment` (refusals next to their field). */
export function AttachmentEditForm({ attachment, canShare, onDone }: AttachmentEditFormProps) {
  const [caption, setCaption] = useState(attachment.caption ?? '');
  const [kind, setKind] = useState<AttachmentKind>(attachment.kind);
  const [shared, setShared] = useState(attachment.sharedWithAdjuster);
  const form = useFormErrors(['caption', 'kind', 'sharedWithAdjuster'], { focus: true });
  const [update, { loading }] = useMutation(UpdateAttachmentMutation);

  const submit = async () => {
    if (form.check({ caption: caption.length > MAX_CAPTION ? `At most ${MAX_CAPTION} characters.` : undefined })) return;
    const input = { id: attachment.id, caption: caption.trim() || null, kind, ...(canShare ? { sharedWithAdjuster: shared } : {}) };
    const saved = await form.save(async () => (await update({ variables: { input } })).data?.updateAttachment, {
      ok: (p) => p.attachment,
      nothing: 'The changes were not saved. Try again.',
      unreachable: 'The server could not be reached. Check your connection and try again.',
    });
    if (saved) onDone();
  };

  return (
    <form
      className={styles.editForm}
      aria-label="Edit details"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormAlert messages={form.general} />
      <TextArea
        label="Caption"
        rows={2}
        maxLength={MAX_CAPTION}
        value={caption}
        error={form.errors.caption}
        onChange={(e) => {
          setCaption(e.target.value);
          form.clear('caption');
        }}
      />
      <Select label="Kind" value={kind} options={KIND_OPTIONS} error={form.errors.kind} onChange={(e) => isAttachmentKind(e.target.value) && setKind(e.target.value)} />
      {canShare && (
        <label className={styles.checkbox}>
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          Shared with the adjuster
        </label>
      )}
      <div className={styles.formActions}>
        <Button onClick={onDone} disabled={loading}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={loading}>
          Save
        </Button>
      </div>
    </form>
  );
}
