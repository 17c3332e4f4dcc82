import { type ReactNode, useEffect, useId, useRef } from 'react';
import './modal-dialog.css';

type Props = { title: string; onClose: () => void; children: ReactNode };

/**
 * A modal `<dialog>` with a title and «إغلاق»: opens when shown, closes on Esc or the
 * button, and the browser returns focus to what opened it.
 */
export function ModalDialog({ title, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    // Guarded: StrictMode runs effects twice, and showModal on an open dialog throws.
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="modal-dialog" aria-labelledby={id} onClose={onClose}>
      <h2 id={id} className="modal-dialog__title">
        {title}
      </h2>
      {children}
      <div className="modal-dialog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          إغلاق
        </button>
      </div>
    </dialog>
  );
}
