import { useEffect, useId, useRef } from 'react';
import './shortcuts-dialog.css';

const SHORTCUTS: [key: string, action: string][] = [
  ['/', 'الانتقال إلى مربع البحث'],
  ['j', 'القصة التالية في القائمة'],
  ['k', 'القصة السابقة في القائمة'],
  ['s', 'حفظ القصة المفتوحة أو إزالتها من المحفوظات'],
  ['?', 'عرض هذه الاختصارات'],
  ['Esc', 'إغلاق النافذة'],
];

type Props = { onClose: () => void };

/** The list of keyboard shortcuts, in a modal dialog; the browser returns focus on close. */
export function ShortcutsDialog({ onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    // Guarded: StrictMode runs effects twice, and showModal on an open dialog throws.
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby={id} onClose={onClose}>
      <h2 id={id} className="shortcuts-dialog__title">
        اختصارات لوحة المفاتيح
      </h2>
      <table className="shortcuts-dialog__table">
        <thead>
          <tr>
            <th scope="col">المفتاح</th>
            <th scope="col">ما يفعله</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([key, action]) => (
            <tr key={key}>
              <td>
                <kbd dir="ltr">{key}</kbd>
              </td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts-dialog__note">
        لا تعمل الاختصارات أثناء الكتابة في مربع نص. على لوحة المفاتيح العربية تعمل المفاتيح نفسها
        في مواضعها.
      </p>
      <div className="shortcuts-dialog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          إغلاق
        </button>
      </div>
    </dialog>
  );
}
