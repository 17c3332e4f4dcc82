import { ModalDialog } from '#shared/ui/modal-dialog.tsx';
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

/** The list of keyboard shortcuts, in a modal dialog. */
export function ShortcutsDialog({ onClose }: Props) {
  return (
    <ModalDialog title="اختصارات لوحة المفاتيح" onClose={onClose}>
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
      <p className="modal-dialog__note">
        لا تعمل الاختصارات أثناء الكتابة في مربع نص. على لوحة المفاتيح العربية تعمل المفاتيح نفسها
        في مواضعها.
      </p>
    </ModalDialog>
  );
}
