import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Button } from './Button';
import { cx } from './cx';
import { useDismiss } from './useDismiss';
import styles from './ui.module.css';

export interface DialogProps {
  title: string;
  /** Escape, a click outside or Cancel; ignored while `busy`. */
  onClose: () => void;
  /** When given, the dialog is a form and this runs on submit (Enter included). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  busy?: boolean;
  /** Buttons at the bottom right. */
  actions?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}

/**
 * Puts the focus back on what had it when the dialog opened (the button that opened it) once the dialog is gone,
 * unless something else has taken it meanwhile or that element is gone too.
 */
function useReturnFocus(ref: RefObject<HTMLElement | null>) {
  // Read while rendering: a field with `autoFocus` takes the focus before any effect runs.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.isConnected) return; // still shown (effects run twice in development)
      const focused = document.activeElement;
      const lost = !focused || focused === document.body || !!dialog?.contains(focused);
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [ref, opener]);
}

/** A modal dialog (a form when `onSubmit` is given) over a dimmed page; full width on phones. */
export function Dialog({ title, onClose, onSubmit, busy = false, actions, size = 'sm', children }: DialogProps) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  useDismiss(ref, !busy, onClose);
  useReturnFocus(ref);
  const shared = {
    className: cx(styles.dialog, styles[`dialog_${size}`]),
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': titleId,
    'aria-busy': busy || undefined,
  } as const;
  const content = (
    <>
      <h2 id={titleId} className={styles.dialogTitle}>
        {title}
      </h2>
      <div className={styles.dialogBody}>{children}</div>
      {actions && <div className={styles.dialogActions}>{actions}</div>}
    </>
  );
  return (
    <div className={styles.backdrop}>
      {onSubmit ? (
        <form
          ref={ref as RefObject<HTMLFormElement>}
          {...shared}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit(e);
          }}
        >
          {content}
        </form>
      ) : (
        <div ref={ref as RefObject<HTMLDivElement>} {...shared}>
          {content}
        </div>
      )}
    </div>
  );
}

export interface FormDialogProps extends Omit<DialogProps, 'actions' | 'onSubmit'> {
  /** Runs on submit (Enter included). */
  onSubmit: () => unknown;
  /** The submit button's text. */
  submitLabel: ReactNode;
  submitVariant?: 'primary' | 'danger';
  submitDisabled?: boolean;
  /** Extra classes for both buttons (e.g. larger touch targets). */
  buttonClassName?: string;
}

/** A dialog that is a form, with Cancel and a submit button (both wait while `busy`). */
export function FormDialog({
  onSubmit,
  submitLabel,
  submitVariant = 'primary',
  submitDisabled,
  buttonClassName,
  busy = false,
  onClose,
  ...dialog
}: FormDialogProps) {
  return (
    <Dialog
      {...dialog}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void onSubmit()}
      actions={
        <>
          <Button onClick={onClose} disabled={busy} className={buttonClassName}>
            Cancel
          </Button>
          <Button type="submit" variant={submitVariant} loading={busy} disabled={submitDisabled} className={buttonClassName}>
            {submitLabel}
          </Button>
        </>
      }
    />
  );
}

export interface ConfirmButtonsProps {
  /** The danger button's text (`Delete customer`). */
  confirmLabel: ReactNode;
  onConfirm: () => unknown;
  /** The way back (`Cancel`, `Keep it`); focused first unless told otherwise, so Enter does not destroy. */
  cancelLabel?: ReactNode;
  onCancel: () => void;
  focusCancel?: boolean;
  /** The confirmed action runs: the danger button spins, the way back waits. */
  busy?: boolean;
}

/** A confirm step's buttons: the way back, and the destructive action in red. */
export function ConfirmButtons({ confirmLabel, onConfirm, cancelLabel = 'Cancel', onCancel, focusCancel = true, busy = false }: ConfirmButtonsProps) {
  return (
    <>
      <Button onClick={onCancel} disabled={busy} autoFocus={focusCancel}>
        {cancelLabel}
      </Button>
      <Button variant="danger" loading={busy} onClick={() => void onConfirm()}>
        {confirmLabel}
      </Button>
    </>
  );
}
