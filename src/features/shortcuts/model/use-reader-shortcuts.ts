import { useEffect } from 'react';

type ShortcutKeys = typeof import('./shortcut-keys.ts');

let keys: ShortcutKeys | undefined;
const loadKeys = () =>
  import('./shortcut-keys.ts').then((loaded) => {
    keys = loaded;
    return loaded;
  });

/**
 * The readers' keys, page-wide: `/` search box, `j`/`k` next and previous story, `?`
 * their help (`s` saves, in features/bookmarks). What they do loads at the first key
 * press that may be one (a chunk of under 1 KB), out of the first view; that key is
 * handled when it arrives.
 */
export function useReaderShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (keys) keys.handleShortcut(event, openHelp);
      else if (!event.ctrlKey && !event.metaKey && !event.altKey && event.key.length === 1)
        void loadKeys().then((loaded) => loaded.handleShortcut(event, openHelp));
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [openHelp]);
}
