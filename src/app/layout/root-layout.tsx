import { useCallback, useLayoutEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useRevalidator } from 'react-router';
import { useFirstTapSaves } from '#features/bookmarks/model/use-bookmark-toggle.ts';
import { useBookmarksSync } from '#features/bookmarks/model/use-bookmarks-sync.ts';
import { useApplyPreferences } from '#features/preferences/model/use-apply-preferences.ts';
import { ReaderShortcuts } from '#features/shortcuts/components/reader-shortcuts.tsx';
import { markClientNavigation } from '#shared/lib/page-focus.ts';
import { applyFetchedWebFonts } from '#shared/lib/web-fonts.ts';
import { LiveAnnouncer } from '#shared/ui/announcer.tsx';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';
import { UpdatePrompt } from './update-prompt.tsx';
import { useLiveFeature } from './use-live-feature.ts';
import '../styles/layout.css';

export function RootLayout() {
  const location = useLocation();
  const firstKey = useRef(location.key);
  useBookmarksSync();
  useFirstTapSaves();
  // Breaking news and the open story's notices: loaded when the checks start.
  const live = useLiveFeature();
  // Counts and reading times across features read the digits when they render: a
  // revalidation re-renders every route component (keeping state and DOM), and costs
  // nothing more, as loaders only start fetches for data that is not fresh.
  const { revalidate } = useRevalidator();
  useApplyPreferences(useCallback(() => void revalidate(), [revalidate]));
  // A layout effect runs before the new page's own effects, which move focus to its h1
  // (a layout): the fonts a first visit fetched apply to the new page from its first one.
  useLayoutEffect(() => {
    if (location.key === firstKey.current) return;
    applyFetchedWebFonts();
    markClientNavigation();
  }, [location.key]);

  return (
    <>
      <a className="skip-link" href="#main">
        تخطَّ إلى المحتوى
      </a>
      <SiteHeader />
      <main id="main" className="page site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
      <LiveAnnouncer />
      <ReaderShortcuts />
      <UpdatePrompt />
      {live && <live.LiveLayer />}
      <ScrollRestoration />
    </>
  );
}
