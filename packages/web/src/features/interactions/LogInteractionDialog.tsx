import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { graphql } from '../../gql';
import type { InteractionType } from '../../gql/graphql';
import { toLocalInput } from '../../lib/dateInputs';
import { failureMessage } from '../../lib/formErrors';
import { FormAlert, FormDialog } from '../../ui';
import { useFormErrors } from '../../lib/useFormErrors';
import { InteractionKindFields } from './InteractionKindFields';
import { InteractionLinksSection } from './InteractionLinksSection';
import { InteractionTextFields } from './InteractionTextFields';
import { typeAction, typeTitle } from './interactionTypes';
import {
  buildLogInput,
  initialInteractionValues,
  SHOWN_FIELDS,
  type InteractionValues,
  type ShownField,
} from './logInteractionForm';
import { refreshInteractionLists } from './refreshInteractionLists';
import { useInteractionLinks } from './useInteractionLinks';
import shared from './interactions.module.css';
import styles from './LogInteractionDialog.module.css';

const LogInteractionMutation = graphql(`
  mutation LogInteraction($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      interaction { id ...InteractionEntry_interaction }
      errors { field code message }
    }
  }
`);

export interface LogInteractionDialogProps {
  /** The customer it was with; when omitted it comes from the project or lead, or the user picks it. */
  customerId?: string;
  /** The project it was about (field techs must log on one of their projects). */
  projectId?: string;
  /** The lead it was about (the lead must have a customer). */
  leadId?: string;
  /** The kind preselected (e.g. from a "Log a visit" button); a call when omitted. */
  defaultType?: InteractionType;
  onClose: () => void;
  /** Called once the server has logged it, before the dialog closes. */
  onLogged?: () => void;
}

/**
 * Logs a call, visit, e-mail, text or note with a customer, optionally about a project or lead. Links passed in are
 * fixed; missing ones are chosen in the form (office roles search customers, field techs pick one of their projects).
 * Server refusals appear next to their field.
 */
export function LogInteractionDialog({
  customerId,
  projectId,
  leadId,
  defaultType = 'CALL',
  onClose,
  onLogged,
}: LogInteractionDialogProps) {
  const client = useApolloClient();
  const { viewer } = useViewer();
  // Unknown role (still loading): behave as the office; the server has the last word either way.
  const fieldTech = viewer?.role !== undefined && !isOffice(viewer.role);

  const [openedAt] = useState(() => toLocalInput(new Date()));
  const [values, setValues] = useState<InteractionValues>(() => initialInteractionValues(defaultType, openedAt));
  const change = <K extends keyof InteractionValues>(field: K, value: InteractionValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const form = useFormErrors(SHOWN_FIELDS);
  const links = useInteractionLinks({ customerId, projectId, leadId, fieldTech });

  const [log, { loading: busy }] = useMutation(LogInteractionMutation);

  const submit = async () => {
    const built = buildLogInput(values, {
      customerId: links.effectiveCustomerId,
      projectId: links.effectiveProjectId,
      leadId: links.effectiveLeadId,
      fieldTech,
      openedAt,
    });
    if (form.check(built.errors?.byField ?? {}) || !built.input) return;
    const { input } = built;
    const logged = await form.save(async () => (await log({ variables: { input } })).data?.logInteraction, {
      ok: (p) => p.interaction,
      nothing: 'Nothing was logged.',
      unreachable: (e) => failureMessage(e, 'Nothing was logged.'),
    });
    if (!logged) return;
    refreshInteractionLists(client, { customerId: links.effectiveCustomerId, projectId: links.effectiveProjectId });
    onLogged?.();
    onClose();
  };

  const fieldError = (f: ShownField) => form.errors[f] ?? null;

  return (
    <FormDialog
      title={typeTitle(values.type)}
      size="md"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={typeAction(values.type)}
      submitDisabled={Boolean(links.blocker) || links.linksLoading}
      buttonClassName={styles.touch}
    >
      <div className={shared.form}>
        <FormAlert className={shared.formAlert} messages={form.general} />

        <InteractionLinksSection
          links={links}
          customerId={customerId}
          projectId={projectId}
          leadId={leadId}
          fieldTech={fieldTech}
          fieldError={fieldError}
        />

        <InteractionKindFields
          type={values.type}
          direction={values.direction}
          onType={(t) => change('type', t)}
          onDirection={(d) => change('direction', d)}
          typeError={fieldError('type')}
          directionError={fieldError('direction')}
        />

        <InteractionTextFields values={values} onChange={change} fieldError={fieldError} />
      </div>
    </FormDialog>
  );
}
