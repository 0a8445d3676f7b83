/**
 * Monaco (GraphiQL's editor) re-throws, from a timer, whatever reaches its "unexpected error" handler; a value that is
 * not an Error (a language-worker reply cut short, as when the schema is swapped under a pending request) would show
 * as a bare "Uncaught Object" with nothing to act on. Such values are logged as a warning instead; real Errors, from
 * the editor or from this page, stay uncaught and visible.
 */
const isBareValue = (value: unknown): boolean => typeof value === 'object' && value !== null && !(value instanceof Error);

export function quietBareEditorErrors(): void {
  window.addEventListener('error', (e) => {
    if (!isBareValue(e.error)) return;
    e.preventDefault();
    console.warn('IDE: the editor threw a value that is not an Error', e.error);
  });
  window.addEventListener('unhandledrejection', (e) => {
    if (!isBareValue(e.reason)) return;
    e.preventDefault();
    console.warn('IDE: the editor rejected with a value that is not an Error', e.reason);
  });
}
