import { Select } from '../../ui';
import { PartnerPicker, type PickedPartner } from './PartnerPicker';

export interface ReferralValues {
  partner: PickedPartner | null;
  /** One of the partner's contacts; empty: no one in particular. */
  partnerContactId: string;
}

export interface ReferralFieldsProps extends ReferralValues {
  onChange: (patch: Partial<ReferralValues>) => void;
  errors: { partner?: string; contact?: string };
  disabled?: boolean;
}

/** Who referred a lead whose source is a partner: the partner, then (optionally) the person there. */
export function ReferralFields({ partner, partnerContactId, onChange, errors, disabled }: ReferralFieldsProps) {
  return (
    <>
      <PartnerPicker
        label="Referring partner"
        optional
        value={partner}
        onChange={(next) => onChange({ partner: next, partnerContactId: '' })}
        error={errors.partner}
        disabled={disabled}
        hint={partner ? undefined : 'Type 2+ letters of the partner’s or a contact’s name.'}
      />
      {partner && partner.contacts.length > 0 && (
        <Select
          label="Contact at the partner"
          placeholder="No one in particular"
          options={partner.contacts.map((c) => ({ value: c.id, label: c.role ? `${c.name} (${c.role})` : c.name }))}
          value={partnerContactId}
          error={errors.contact}
          disabled={disabled}
          onChange={(e) => onChange({ partnerContactId: e.target.value })}
        />
      )}
    </>
  );
}
