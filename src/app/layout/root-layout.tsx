import { useLayoutEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useBookmarksSync } from '../../features/bookmarks/model/use-bookmarks-sync.ts';
import { markClientNavigation } from '../../shared/lib/page-focus.ts';
import { LiveAnnouncer } from '../../shared/ui/announcer.tsx';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';
import { UpdatePrompt } from './update-prompt.tsx';
import '../styles/layout.css';

export function RootLayout() {
  const location = useLocation();
  const firstKey = useRef(location.key);
  useBookmarksSync();
  // A layout effect runs before the new page's own effects, which move focus to its h1.
  useLayoutEffect(() => {
    if (location.key !== firstKey.current) markClientNavigation();
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
      <UpdatePrompt />
      <ScrollRestoration />
    </>
  );
}
