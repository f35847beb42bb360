import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A native <dialog> opened with showModal(): the browser gives focus trapping,
 * Escape to close and the top layer, with no style injection (CSP-safe).
 */
export function Modal({ title, onClose, children, className, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the first focusable element, which can be a container
      // (cmdk's root has tabindex=-1); typing should start in the first field.
      dialog.querySelector<HTMLElement>('input, textarea, select')?.focus();
    }
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-label={title}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="modal-panel">{children}</div>
    </dialog>
  );
}
