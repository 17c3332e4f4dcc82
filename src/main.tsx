import { hydrate, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
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
  // Prerendered HTML: wait until the page's route module is loaded, then hydrate it in place.
  const ready = router.state.initialized
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        const stop = router.subscribe((next) => {
          if (next.initialized) {
            stop();
            resolve();
          }
        });
      });
  void ready.then(() => hydrateRoot(container, app));
} else {
  createRoot(container).render(app);
}
