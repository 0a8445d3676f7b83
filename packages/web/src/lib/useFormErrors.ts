import { useState } from 'react';
import { splitFailure, splitUserErrors, type UserErrorLike } from './formErrors';

export interface SaveOptions<P> {
  /** Whether the payload is a success (e.g. `(p) => p.customer`); without errors and without this it is one. */
  ok?: (payload: P) => unknown;
  /** Shown when the payload is refused without a message (no error, nothing saved). */
  nothing: string;
  /** Shown when the request failed for a reason not about a shown field (e.g. the server could not be reached). */
  unreachable: string | ((error: unknown) => string);
}

/**
 * Moves focus to the first field marked invalid in the open dialog (or else to its alert), once React has rendered
 * the messages: keyboard and screen-reader users land on what needs fixing.
 */
export function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const dialog = document.querySelector('[role="dialog"]');
    const target = dialog?.querySelector('[aria-invalid="true"]') ?? dialog?.querySelector('[role="alert"]');
    if (target instanceof HTMLElement) target.focus();
  });
}

/**
 * A form's messages in the one error model: next to a field (by input path, `address.zip`) or above the form
 * (`general`). `save` runs a mutation whose payload has `errors: [UserError!]!`, showing its refusals (or a failed
 * request's `BAD_USER_INPUT` errors) the same way, and returns the payload only when it succeeded.
 */
export function useFormErrors(shownFields: readonly string[], { focus = false } = {}) {
  const [byField, setByField] = useState<Record<string, string | undefined>>({});
  const [general, setGeneral] = useState<string[]>([]);

  /** The browser's own checks: shows them and says whether any failed. */
  const check = (invalid: Record<string, string | undefined>): boolean => {
    setGeneral([]);
    setByField(invalid);
    const failed = Object.values(invalid).some(Boolean);
    if (failed && focus) focusFirstInvalid();
    return failed;
  };

  const show = (fields: Record<string, string>, messages: string[]) => {
    setByField(fields);
    setGeneral(messages);
    if (focus) focusFirstInvalid();
  };

  const save = async <P extends { errors: readonly UserErrorLike[] }>(
    run: () => Promise<P | null | undefined>,
    { ok = () => true, nothing, unreachable }: SaveOptions<P>,
  ): Promise<P | null> => {
    setGeneral([]);
    try {
      const payload = await run();
      if (!payload) return null;
      if (!payload.errors.length && ok(payload)) return payload;
      const split = splitUserErrors(payload.errors, shownFields);
      show(split.byField, split.general.length || Object.keys(split.byField).length ? split.general : [nothing]);
    } catch (error) {
      const split = splitFailure(error, shownFields, typeof unreachable === 'string' ? () => unreachable : unreachable);
      show(split.byField, split.general);
    }
    return null;
  };

  return {
    errors: byField,
    general,
    setGeneral,
    check,
    save,
    /** A changed field's message no longer applies (no paths: every field's). */
    clear: (...paths: string[]) =>
      setByField((e) =>
        !paths.length ? {} : paths.some((p) => e[p]) ? Object.fromEntries(Object.entries(e).filter(([k]) => !paths.includes(k))) : e,
      ),
    reset: () => {
      setByField({});
      setGeneral([]);
    },
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
