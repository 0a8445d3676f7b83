import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { SupplementItem_SupplementFragment } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert, FormDialog } from '../../ui';
import { AttachmentPicker, type PickerSource } from '../attachments';
import { SetSupplementPhotosMutation } from './claimDocuments';
import styles from './ClaimForm.module.css';

/** At most this many photos go with a supplement (the server's limit). */
export const MAX_SUPPLEMENT_PHOTOS = 30;

export interface SupplementPhotosDialogProps {
  supplement: Pick<SupplementItem_SupplementFragment, 'id' | 'title' | 'photos'>;
  claimId: string;
  /** The record the claim is on, whose photos may be picked too. */
  on: { projectId?: string | null; leadId?: string | null };
  onClose: () => void;
}

/**
 * Picks the photos that go with a supplement — of the claim, the supplement itself and the project (else the lead)
 * the claim is on — in the order picked, without uploading them again; saving replaces the earlier pick.
 */
export function SupplementPhotosDialog({ supplement, claimId, on, onClose }: SupplementPhotosDialogProps) {
  const [picked, setPicked] = useState<string[]>(() => supplement.photos.map((p) => p.id));
  const form = useFormErrors(['attachmentIds']);
  const [save, { loading }] = useMutation(SetSupplementPhotosMutation);
  const sources: PickerSource[] = [
    { ownerId: claimId, label: 'Claim documents & photos' },
    { ownerId: supplement.id, label: 'This supplement’s photos' },
    ...(on.projectId ? [{ ownerId: on.projectId, label: 'Project photos' }] : on.leadId ? [{ ownerId: on.leadId, label: 'Lead photos' }] : []),
  ];
  const tooMany = picked.length > MAX_SUPPLEMENT_PHOTOS;

  const submit = async () => {
    if (form.check({ attachmentIds: tooMany ? `Pick at most ${MAX_SUPPLEMENT_PHOTOS} photos.` : undefined })) return;
    const saved = await form.save(
      async () => (await save({ variables: { input: { supplementId: supplement.id, attachmentIds: picked } } })).data?.setSupplementPhotos,
      { ok: (p) => p.supplement, nothing: 'The photos were not saved. Try again.', unreachable: 'The server could not be reached. Try again.' },
    );
    if (saved) onClose();
  };

  return (
    <FormDialog
      title={`Photos for ${supplement.title}`}
      size="lg"
      onClose={onClose}
      busy={loading}
      onSubmit={submit}
      submitLabel={picked.length ? `Use ${picked.length} photo${picked.length === 1 ? '' : 's'}` : 'Use no photos'}
    >
      <div className={styles.form}>
        <p className={styles.note}>In the order picked, they go with the supplement to the carrier and into its claim package.</p>
        <FormAlert className={styles.formAlert} messages={[...form.general, ...(form.errors.attachmentIds ? [form.errors.attachmentIds] : [])]} />
        <AttachmentPicker sources={sources} selected={picked} onChange={setPicked} photosOnly label="Photos to go with the supplement" />
      </div>
    </FormDialog>
  );
}
