// Whether this page saves data («موفّر البيانات»): `<html data-save-data>`, set before
// the first paint by src/app/boot/preferences-boot.js from the reader's setting or the
// browser's Save-Data, and kept in step by the preferences sync. Then no web font and
// no photo until tapped (src/app/boot/data-saver.js), and no fetch ahead of a tap.
export function isSavingData(): boolean {
  return typeof document !== 'undefined' && document.documentElement.hasAttribute('data-save-data');
}
