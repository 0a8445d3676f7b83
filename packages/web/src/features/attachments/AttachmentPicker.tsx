import { useState } from 'react';
import type { AttachmentKind } from '../../gql/graphql';
import { EmptyState, ErrorState, ListFooter, Select, Spinner } from '../../ui';
import { isAttachmentKind, KIND_LABELS, KIND_OPTIONS, titleOf } from './attachmentFormat';
import { AttachmentThumb } from './AttachmentThumb';
import { useAttachmentGallery } from './useAttachmentGallery';
import styles from './attachments.module.css';

export interface PickerSource {
  /** A record whose files may be picked (the claim, its project or lead). */
  ownerId: string;
  /** Its heading, e.g. `Project photos`. */
  label: string;
}

export interface AttachmentPickerProps {
  sources: readonly PickerSource[];
  /** The picked attachments' IDs. */
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** Only photos (no PDFs). */
  photosOnly?: boolean;
  /** The group's accessible name. */
  label?: string;
}

function PickerSection({ source, kind, selected, toggle, photosOnly }: { source: PickerSource; kind: AttachmentKind | ''; selected: readonly string[]; toggle: (id: string) => void; photosOnly: boolean }) {
  const gallery = useAttachmentGallery(source.ownerId, kind ? [kind] : null);
  const items = photosOnly ? gallery.items.filter((a) => a.contentType.startsWith('image/')) : gallery.items;
  return (
    <section className={styles.pickerSection} aria-label={source.label}>
      <h3 className={styles.pickerHeading}>{source.label}</h3>
      {gallery.loading ? (
        <Spinner label="Loading photos…" />
      ) : gallery.error ? (
        <ErrorState title="The photos could not be loaded" error={gallery.error} onRetry={() => void gallery.refetch()} />
      ) : items.length === 0 ? (
        <p className={styles.muted}>{kind ? `No ${KIND_LABELS[kind].toLowerCase()} photos here.` : 'No photos here yet.'}</p>
      ) : (
        <>
          <ul className={styles.grid}>
            {items.map((a) => {
              const checked = selected.includes(a.id);
              return (
                <li key={a.id} className={styles.tile} data-selected={checked || undefined}>
                  <label className={styles.pickTile}>
                    <input type="checkbox" className={styles.pickCheck} checked={checked} onChange={() => toggle(a.id)} aria-label={`${titleOf(a)}, ${KIND_LABELS[a.kind]}`} />
                    <AttachmentThumb a={a} />
                  </label>
                </li>
              );
            })}
          </ul>
          {gallery.connection && <ListFooter {...gallery.more.footer(gallery.connection)} noun="files" inset />}
        </>
      )}
    </section>
  );
}

/**
 * Picks several photos (or documents) of a claim's records, e.g. the evidence for a supplement: thumbnails with a
 * check box each, filtered by kind; `onChange` gets the picked IDs in the order they were picked.
 */
export function AttachmentPicker({ sources, selected, onChange, photosOnly = false, label = 'Pick photos' }: AttachmentPickerProps) {
  const [kind, setKind] = useState<AttachmentKind | ''>('');
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  return (
    <div className={styles.picker} role="group" aria-label={label}>
      <div className={styles.pickerBar}>
        <Select className={styles.filter} label="Show" value={kind} placeholder="All kinds" options={KIND_OPTIONS} onChange={(e) => setKind(isAttachmentKind(e.target.value) ? e.target.value : '')} />
        <span className={styles.pickerCount} aria-live="polite">
          {selected.length === 1 ? '1 picked' : `${selected.length} picked`}
        </span>
      </div>
      {sources.length === 0 && <EmptyState title="Nothing to pick from" />}
      {sources.map((s) => (
        <PickerSection key={s.ownerId} source={s} kind={kind} selected={selected} toggle={toggle} photosOnly={photosOnly} />
      ))}
    </div>
  );
}
