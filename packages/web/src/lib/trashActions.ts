import { useState } from 'react';

/** A mutation payload's refusals (`errors: [UserError!]!`), or nothing when there was no payload. */
type Refusals = readonly { message: string }[] | undefined;

/** An action's outcome: the refusal's words, or why the request failed; null when it went through. */
export async function refusalOf(action: () => Promise<Refusals>): Promise<string | null> {
  try {
    const errors = (await action()) ?? [];
    return errors.length ? errors.map((e) => e.message).join(' ') : null;
  } catch (e) {
    return e instanceof Error ? e.message : 'the server could not be reached.';
  }
}

export interface TrashMutations {
  /** Moves the record to the trash; resolves to the payload's refusals. */
  remove: () => Promise<Refusals>;
  /** Brings it back; resolves to the payload's refusals. */
  restore: () => Promise<Refusals>;
  deleting: boolean;
  restoring: boolean;
}

/**
 * Moving a record to the trash and back (admins and managers) with the confirm step, and a notice when the server
 * refuses: `The partner was not deleted: …`.
 */
export function useTrashActions(noun: string, { remove, restore, deleting, restoring }: TrashMutations) {
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const onDelete = async () => {
    setNotice(null);
    const refused = await refusalOf(remove);
    setConfirming(false);
    if (refused) setNotice(`The ${noun} was not deleted: ${refused}`);
  };
  const onRestore = async () => {
    setNotice(null);
    const refused = await refusalOf(restore);
    if (refused) setNotice(`The ${noun} was not restored: ${refused}`);
  };

  return {
    confirming,
    setConfirming,
    notice,
    dismissNotice: () => setNotice(null),
    onDelete,
    onRestore,
    deleting,
    restoring,
  };
}

export type TrashActions = ReturnType<typeof useTrashActions>;
