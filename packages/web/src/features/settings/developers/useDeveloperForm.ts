import { useState } from 'react';
import { useFormErrors } from '../../../lib/useFormErrors';

/**
 * A developer form's values (a key's, an endpoint's) and messages in the one error model, `fields` shown next to
 * their inputs: `set` changes values and clears the messages of the paths it names.
 */
export function useDeveloperForm<V extends object>(initial: V, fields: readonly string[]) {
  const [values, setValues] = useState<V>(initial);
  const form = useFormErrors(fields, { focus: true });
  const set = (patch: Partial<V>, ...paths: string[]) => {
    setValues((v) => ({ ...v, ...patch }));
    form.clear(...paths);
  };
  return { values, set, form };
}

export type DeveloperForm<V extends object> = ReturnType<typeof useDeveloperForm<V>>;

/** The list with `item` added, or taken out when it was there (a check box's toggle). */
export const toggled = <T>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
