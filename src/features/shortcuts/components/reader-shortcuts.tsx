import { lazy, Suspense, useCallback, useState } from 'react';
import { useReaderShortcuts } from '../model/use-reader-shortcuts.ts';

// The help is its own chunk: the first view carries only the key handling.
const ShortcutsDialog = lazy(() =>
  import('./shortcuts-dialog.tsx').then((m) => ({ default: m.ShortcutsDialog })),
);

/** Listens for the readers' shortcuts page-wide; `?` opens their list. */
export function ReaderShortcuts() {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  useReaderShortcuts(openHelp);
  if (!helpOpen) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutsDialog onClose={closeHelp} />
    </Suspense>
  );
}
