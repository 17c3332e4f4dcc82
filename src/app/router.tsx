import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import type { ListKind } from '#content/api-schema.ts';
import { frontQuery } from '#shared/api/front-query.ts';
import { listPageQuery } from '#shared/api/list-page-query.ts';
import { storyQuery } from '#shared/api/story-query.ts';
import { pageNumber } from '#shared/lib/page-number.ts';
import { registerRoutePreloader } from '#shared/lib/route-preload.ts';
import { RootLayout } from './layout/root-layout.tsx';
import { loadRoute } from './route-modules.ts';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { RouteErrorView } from './routes/route-error-view.tsx';

registerRoutePreloader('story', loadRoute.story);

/** Loaders never wait for data, so the first render follows at once: nothing to show meanwhile. */
function NothingYet() {
  return null;
}

/**
 * Routes start fetching in their loader without waiting for it: the page renders
 * at once, from the cache when the story was prefetched, else with a skeleton.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const listLoader =
    (kind: ListKind) =>
    ({ params, request }: LoaderFunctionArgs) => {
      const page = pageNumber(new URL(request.url).searchParams.get('page'));
      if (params.id && page) void queryClient.prefetchQuery(listPageQuery(kind, params.id, page));
      return null;
    };

  return [
    {
      path: '/',
      Component: RootLayout,
      ErrorBoundary: RouteErrorView,
      HydrateFallback: NothingYet,
      children: [
        {
          index: true,
          loader: () => {
            void queryClient.prefetchQuery(frontQuery());
            return null;
          },
          lazy: () => loadRoute.front().then((m) => ({ Component: m.FrontRoute })),
        },
        {
          path: 'article/:id',
          loader: ({ params }) => {
            if (params.id) void queryClient.prefetchQuery(storyQuery(params.id));
            return null;
          },
          lazy: () => loadRoute.story().then((m) => ({ Component: m.StoryRoute })),
        },
        {
          path: 'section/:id',
          loader: listLoader('section'),
          lazy: () => loadRoute.section().then((m) => ({ Component: m.SectionRoute })),
        },
        {
          path: 'tag/:id',
          loader: listLoader('tag'),
          lazy: () => loadRoute.tag().then((m) => ({ Component: m.TagRoute })),
        },
        {
          path: 'search',
          // The loader comes with the route module: the search engine and its index stay out of the first view.
          lazy: () =>
            loadRoute.search().then((m) => ({
              Component: m.SearchRoute,
              loader: m.createSearchLoader(queryClient),
            })),
        },
        {
          path: 'bookmarks',
          lazy: () => loadRoute.bookmarks().then((m) => ({ Component: m.BookmarksRoute })),
        },
        { path: '*', Component: NotFoundRoute },
      ],
    },
  ];
}

/** The browser's router; the prerender renders the same routes with a static router. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
