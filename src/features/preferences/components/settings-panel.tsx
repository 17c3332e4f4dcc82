import { useId, useState } from 'react';
import {
  type Preferences,
  savePreferences,
  savesData,
  type TextSize,
  type Theme,
} from '#shared/storage/preferences-store.ts';
import { ModalDialog } from '#shared/ui/modal-dialog.tsx';
// Loaded with the panel: the first change applies at once (use-apply-preferences.ts
// loads the sync only when there is something to apply).
import '../model/preferences-sync.ts';
import { usePreferences } from '../model/use-preferences.ts';
import './settings-panel.css';

const TEXT_SIZE_LABELS: [TextSize, string][] = [
  ['small', 'صغير'],
  ['medium', 'متوسط'],
  ['large', 'كبير'],
  ['x-large', 'كبير جداً'],
];
const THEME_LABELS: [Theme, string][] = [
  ['light', 'فاتح'],
  ['dark', 'داكن'],
  ['system', 'حسب النظام'],
];
const DIGITS_LABELS: [Preferences['digits'], string, string][] = [
  // Samples without a range dash: a dash between Eastern digits reorders in RTL.
  ['latn', 'أرقام غربية', '123'],
  ['arab', 'أرقام عربية مشرقية', '١٢٣'],
];

type Props = { onClose: () => void };

/** The reader preferences: a modal dialog; every change applies and is saved at once. */
export function SettingsPanel({ onClose }: Props) {
  const id = useId();
  const preferences = usePreferences();
  const [saveFailed, setSaveFailed] = useState(false);

  const update = (change: Partial<Preferences>) => setSaveFailed(!savePreferences(change));

  return (
    <ModalDialog title="الإعدادات" onClose={onClose}>
      <fieldset className="settings-panel__group">
        <legend>حجم النص</legend>
        {TEXT_SIZE_LABELS.map(([value, label]) => (
          <label key={value} className="settings-panel__option">
            <input
              type="radio"
              name={`${id}-text-size`}
              value={value}
              checked={preferences.textSize === value}
              onChange={() => update({ textSize: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="settings-panel__group">
        <legend>المظهر</legend>
        {THEME_LABELS.map(([value, label]) => (
          <label key={value} className="settings-panel__option">
            <input
              type="radio"
              name={`${id}-theme`}
              value={value}
              checked={preferences.theme === value}
              onChange={() => update({ theme: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="settings-panel__group">
        <legend>الأرقام</legend>
        {DIGITS_LABELS.map(([value, label, sample]) => (
          <label key={value} className="settings-panel__option">
            <input
              type="radio"
              name={`${id}-digits`}
              value={value}
              checked={preferences.digits === value}
              onChange={() => update({ digits: value })}
            />
            {label} <bdi className="settings-panel__sample">({sample})</bdi>
          </label>
        ))}
      </fieldset>
      <fieldset className="settings-panel__group">
        <legend>التاريخ</legend>
        <label className="settings-panel__option">
          <input
            type="checkbox"
            checked={preferences.hijri}
            onChange={(event) => update({ hijri: event.target.checked })}
          />
          إظهار التاريخ الهجري بجانب الميلادي
        </label>
      </fieldset>
      <fieldset className="settings-panel__group">
        <legend>البيانات</legend>
        <label className="settings-panel__option">
          <input
            type="checkbox"
            checked={savesData(preferences.dataSaver)}
            aria-describedby={`${id}-data-saver`}
            onChange={(event) => update({ dataSaver: event.target.checked ? 'on' : 'off' })}
          />
          موفّر البيانات
        </label>
        <p id={`${id}-data-saver`} className="settings-panel__note">
          بلا خطوط الويب، ولا تُحمَّل الصور حتى تضغط عليها، ولا يُنزَّل من التطبيق إلا ما تطلبه. يُفعَّل وحده
          حين يطلب متصفحك توفير البيانات.
        </p>
      </fieldset>
      {saveFailed && (
        <p role="status" className="modal-dialog__note">
          تعذّر حفظ الإعدادات في هذا المتصفح: ستبقى حتى تغلق الصفحة فقط.
        </p>
      )}
      <p className="modal-dialog__note">
        اضغط <kbd>?</kbd> لعرض اختصارات لوحة المفاتيح.
      </p>
    </ModalDialog>
  );
}
