// Renders a page to HTML at build time (the prerender), with the same routes and
// components the browser uses, and returns the query cache it was rendered from.
import {
  type DehydratedState,
  dehydrate,
  type QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import {
  createStaticHandler,
  createStaticRouter,
  type StaticHandler,
  StaticRouterProvider,
} from 'react-router';
import type { SeedEntry } from '#app/page-seeds.ts';
import { createQueryClient } from '#app/query-client.ts';
import { createRoutes } from '#app/router.tsx';

// What the prerender takes from the app besides the renderer: the cache seeds, the route
// modules' files and the photo sizes of the hero and the lead card, so their keys, files and values are written once.
export { pageSeeds, type SeedEntry } from '#app/page-seeds.ts';
export { routeFiles } from '#app/route-files.ts';
export { HERO_SIZES } from '#features/stories/components/story-figure.tsx';
export { LEAD_SIZES } from '#shared/ui/story-card.tsx';

export type RenderedPage = { html: string; state: DehydratedState };

/** A query client and the static handler over routes that load through it. */
type PageContext = { queryClient: QueryClient; handler: StaticHandler };

/**
 * Contexts free to render a page: made once and used again, page after page. Making the
 * handler flattens and ranks every route, some 5 % of a story page's render at build
 * time. A page in progress holds its context, so pages rendered side by side never share one.
 */
const freeContexts: PageContext[] = [];

function takeContext(): PageContext {
  const free = freeContexts.pop();
  if (free) return free;
  const queryClient = createQueryClient();
  return { queryClient, handler: createStaticHandler(createRoutes(queryClient)) };
}

export async function renderPage(path: string, seed: readonly SeedEntry[]): Promise<RenderedPage> {
  const pageContext = takeContext();
  const { queryClient, handler } = pageContext;
  try {
    for (const { queryKey, data } of seed) queryClient.setQueryData(queryKey, data);
    const context = await handler.query(new Request(new URL(path, 'http://prerender.invalid')));
    if (context instanceof Response)
      throw new Error(`Unexpected redirect while prerendering ${path}`);
    const router = createStaticRouter(handler.dataRoutes, context);
    const html = renderToString(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </QueryClientProvider>
      </StrictMode>,
    );
    const state = dehydrate(queryClient);
    // No clock in the page: the same content renders the same bytes in a build and in a
    // publish (the browser counts the data fresh when it hydrates: #app/hydration-state.ts).
    for (const query of state.queries) {
      query.state.dataUpdatedAt = 0;
      query.dehydratedAt = 0;
    }
    return { html, state };
  } finally {
    // Empties the cache for the next page, and drops its garbage-collection timers,
    // which would keep the build process alive.
    queryClient.clear();
    freeContexts.push(pageContext);
  }
}
