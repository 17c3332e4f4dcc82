import { hydrate, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppReady } from '#app/app-ready.tsx';
import { readHydrationState } from '#app/hydration-state.ts';
import { createQueryClient } from '#app/query-client.ts';
import { createAppRouter } from '#app/router.tsx';
import '#app/styles/fonts.css';
import '#app/styles/base.css';

const queryClient = createQueryClient();
const prerendered = readHydrationState(document, window.location);
if (prerendered) hydrate(queryClient, prerendered.state);
const router = createAppRouter(queryClient);
const container = document.getElementById('root') as HTMLElement;
const app = (
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppReady>
        {/* No transitions: a move to a prefetched story renders at once, not as interruptible work. */}
        <RouterProvider router={router} useTransitions={false} />
      </AppReady>
    </QueryClientProvider>
  </StrictMode>
);

if (prerendered?.matchesUrl && container.hasChildNodes()) {
  // Prerendered HTML: once the page's route module is loaded, hydrate it in place. As a
  // transition, hydration yields to the browser every few milliseconds instead of holding
  // the main thread for the whole page (hundreds of ms on a slow phone); a tap on a part
  // not yet hydrated makes React hydrate that part first.
  const hydrateApp = () =>
    startTransition(() => {
      hydrateRoot(container, app);
    });
  if (router.state.initialized) hydrateApp();
  else {
    const stop = router.subscribe((next) => {
      if (!next.initialized) return;
      stop();
      hydrateApp();
    });
  }
} else {
  createRoot(container).render(app);
}
