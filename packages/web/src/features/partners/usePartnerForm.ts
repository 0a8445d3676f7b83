import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { PartnerForm_PartnerFragment } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { CreatePartnerMutation, UpdatePartnerMutation } from './partnerDocuments';
import {
  createPartnerInput,
  initialPartnerValues,
  PARTNER_FORM_PATHS,
  updatePartnerInput,
  validatePartner,
  type PartnerFormValues,
} from './partnerForm';

/** The path a form value's messages come back under. */
const PATH: Partial<Record<keyof PartnerFormValues, string>> = {
  feeKind: 'referralFee.kind',
  feePercent: 'referralFee.percent',
  feeFlat: 'referralFee.flatAmount',
  feeCap: 'referralFee.cap',
};

/** The partner form's values, messages and submit (create, or update the given partner). */
export function usePartnerForm(partner: PartnerForm_PartnerFragment | null | undefined, onSaved: (saved: { id: string }) => void) {
  const [values, setValues] = useState<PartnerFormValues>(() => initialPartnerValues(partner));
  const form = useFormErrors(PARTNER_FORM_PATHS, { focus: true });
  const [create, creating] = useMutation(CreatePartnerMutation, {
    // A new partner belongs in cached lists: they load again when shown.
    update: (cache, { data }) => {
      if (data?.createPartner.partner) cache.evict({ id: 'ROOT_QUERY', fieldName: 'partners' });
    },
  });
  const [update, updating] = useMutation(UpdatePartnerMutation);

  const change = (patch: Partial<PartnerFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    form.clear(...Object.keys(patch).map((k) => PATH[k as keyof PartnerFormValues] ?? k));
  };

  const submit = async () => {
    if (form.check(validatePartner(values))) return;
    const saved = await form.save(
      async () =>
        partner
          ? (await update({ variables: { input: updatePartnerInput(partner, values) } })).data?.updatePartner
          : (await create({ variables: { input: createPartnerInput(values) } })).data?.createPartner,
      {
        ok: (p) => p.partner,
        nothing: 'The partner was not saved. Try again.',
        unreachable: 'The server could not be reached. Check your connection and try again.',
      },
    );
    if (saved?.partner) onSaved({ id: saved.partner.id });
  };

  return { values, change, errors: form.errors, clear: form.clear, general: form.general, busy: creating.loading || updating.loading, submit };
}

export type PartnerForm = ReturnType<typeof usePartnerForm>;
