import type { CellSaveResult } from '../../ui';

/**
 * What an in-place edit's save answered, for `EditableCell`: null when saved (the mutation's answer updates the
 * cache), else the message of the payload's first UserError, or of the request's failure.
 */
export async function saveErrorOf<D>(
  request: Promise<{ data?: D | null; error?: { message: string } | undefined }>,
  errors: (data: D) => ReadonlyArray<{ message: string }>,
): Promise<CellSaveResult> {
  try {
    const r = await request;
    if (r.error) return r.error.message;
    return r.data ? (errors(r.data)[0]?.message ?? null) : 'It could not be saved.';
  } catch (e) {
    return e instanceof Error ? e.message : 'It could not be saved.';
  }
}
