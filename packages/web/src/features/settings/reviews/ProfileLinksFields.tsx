import type { ReviewPlatform } from '../../../gql/graphql';
import { Button, Fieldset, Select, TextField } from '../../../ui';
import { linkRow, PLATFORM_OPTIONS, unusedPlatform, type LinkRow } from './reviewSettingsForm';
import shared from '../settings.module.css';
import styles from './ReviewsSettings.module.css';

export interface ProfileLinksFieldsProps {
  links: readonly LinkRow[];
  onChange: (links: LinkRow[]) => void;
  /** Messages by input path (`profileLinks`, `profileLinks.0.url`). */
  errors: Record<string, string | undefined>;
  /** Managers see the links without the add and remove buttons. */
  canEdit: boolean;
}

/**
 * The public review profiles, in the order 4–5 star customers see them: a row each (platform, https link), at most
 * one per platform (a platform another row has is not offered).
 */
export function ProfileLinksFields({ links, onChange, errors, canEdit }: ProfileLinksFieldsProps) {
  const next = unusedPlatform(links);
  const update = (index: number, patch: Partial<LinkRow>) => onChange(links.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  return (
    <Fieldset legend="Public review profiles" error={errors.profileLinks}>
      <p className={shared.note}>Customers who give 4 or 5 stars are invited to post their review on these, in this order.</p>
      {links.length === 0 && <p className={shared.note}>No public profiles yet.</p>}
      {links.map((link, i) => (
        <div key={link.key} role="group" aria-label={`Profile link ${i + 1}`} className={styles.linkRow}>
          <Select
            label="Platform"
            value={link.platform}
            options={PLATFORM_OPTIONS.map((o) => ({ ...o, disabled: links.some((l, j) => j !== i && l.platform === o.value) }))}
            error={errors[`profileLinks.${i}.platform`]}
            onChange={(e) => update(i, { platform: e.target.value as ReviewPlatform })}
          />
          <TextField
            label="Link"
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={2000}
            value={link.url}
            error={errors[`profileLinks.${i}.url`]}
            onChange={(e) => update(i, { url: e.target.value })}
            className={styles.grow}
          />
          {canEdit && (
            <Button
              variant="ghost"
              className={styles.removeLink}
              aria-label={`Remove profile link ${i + 1}`}
              onClick={() => onChange(links.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          )}
        </div>
      ))}
      {canEdit && (
        <div>
          <Button onClick={() => next && onChange([...links, linkRow(next)])} disabled={!next}>
            Add profile link
          </Button>
        </div>
      )}
    </Fieldset>
  );
}
