import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ClaimDetail_ClaimFragment } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { CreateClaimMutation, UpdateClaimMutation } from './claimDocuments';
import {
  CLAIM_FORM_PATHS,
  CLAIM_VALUE_PATHS,
  createClaimInput,
  initialClaimValues,
  updateClaimInput,
  validateClaim,
  type ClaimFormValues,
  type ClaimOn,
} from './claimForm';

/** The claim form's values, messages and submit (start a claim on a lead or project, or update the given one). */
export function useClaimForm(claim: ClaimDetail_ClaimFragment | null | undefined, on: ClaimOn, onSaved: (saved: { id: string }) => void) {
  const [values, setValues] = useState<ClaimFormValues>(() => initialClaimValues(claim));
  const form = useFormErrors(CLAIM_FORM_PATHS, { focus: true });
  const [create, creating] = useMutation(CreateClaimMutation, {
    // A new claim belongs in cached lists and on its lead's and project's page: they load again when shown.
    update: (cache, { data }) => {
      const created = data?.createClaim.claim;
      if (!created) return;
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'claims' });
      const { leadId, projectId } = on;
      if (leadId) cache.evict({ id: cache.identify({ __typename: 'Lead', id: leadId }), fieldName: 'claims' });
      if (projectId) cache.evict({ id: cache.identify({ __typename: 'Project', id: projectId }), fieldName: 'claims' });
    },
  });
  const [update, updating] = useMutation(UpdateClaimMutation);

  const change = (patch: Partial<ClaimFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    form.clear(...Object.keys(patch).flatMap((k) => CLAIM_VALUE_PATHS[k as keyof ClaimFormValues] ?? [k]));
  };
  const changeMoney = (patch: Partial<ClaimFormValues['money']>) => {
    setValues((v) => ({ ...v, money: { ...v.money, ...patch } }));
    form.clear(...Object.keys(patch).map((k) => `money.${k}`));
  };

  const submit = async () => {
    if (form.check(validateClaim(values))) return;
    const saved = await form.save(
      async () =>
        claim
          ? (await update({ variables: { input: updateClaimInput(claim, values) } })).data?.updateClaim
          : (await create({ variables: { input: createClaimInput(values, on) } })).data?.createClaim,
      {
        ok: (p) => p.claim,
        nothing: 'The claim was not saved. Try again.',
        unreachable: 'The server could not be reached. Check your connection and try again.',
      },
    );
    if (saved?.claim) onSaved({ id: saved.claim.id });
  };

  return { values, change, changeMoney, errors: form.errors, general: form.general, busy: creating.loading || updating.loading, submit };
}
