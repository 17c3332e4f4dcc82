// The build and the browser must agree, for every page of the demo corpus, on what a
// card shows, what a page is titled, and under which query key its data lives. The
// build side is the real content build and prerender head; the browser side is the
// real router rendering from nothing but the prerender's cache seeds (a fetch fails the
// test, so a key the routes do not read would show).
import 'fake-indexeddb/auto';
import path from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  FrontPayload,
  ListHead,
  Rendition,
  StoryPayload,
  Teaser,
} from '#content/api-schema.ts';
import { appPaths } from '#content/app-paths.ts';
import { teaserOf } from '#content/teaser.ts';
import { buildApi } from '#scripts/build/content/build-api.ts';
import { loadContent } from '#scripts/build/content/load-content.ts';
import { headTags, pageHeads } from '#scripts/build/prerender/page-head.ts';
import { pageSeeds, type SeedEntry } from './page-seeds.ts';
import { createRoutes } from './router.tsx';

const SITE = 'https://qari.example';
type Built = {
  sections: SeedEntry;
  front: FrontPayload;
  stories: StoryPayload[];
  lists: ListHead[];
  teasers: Map<string, Teaser[]>;
};
let built: Built;

beforeAll(async () => {
  const { corpus } = await loadContent(path.resolve('content'));
  if (!corpus) throw new Error('the demo content does not check');
  // Stand-in renditions: what a card shows of a photo does not depend on the encoding.
  const renditions = new Map<string, Rendition>(
    [...corpus.media.values()].map((m) => [
      m.src,
      { src: `/${m.src}`, width: m.width, height: m.height },
    ]),
  );
  const stories: StoryPayload[] = [];
  const lists: ListHead[] = [];
  const teasers = new Map<string, Teaser[]>();
  const collect = (cards: readonly Teaser[]) => {
    for (const card of cards) teasers.set(card.id, [...(teasers.get(card.id) ?? []), card]);
  };
  let front: FrontPayload | undefined;
  for (const { path, payload } of buildApi(corpus, renditions)) {
    if (path.startsWith('/api/articles/')) {
      const story = payload as StoryPayload;
      stories.push(story);
      collect([...story.related, ...Object.values(story.readAlso)]);
    } else if (path === '/api/front.json') {
      front = payload as FrontPayload;
      collect([
        ...(front.lead ? [front.lead] : []),
        ...front.latest,
        ...front.rails.flatMap((r) => r.items),
      ]);
    } else if (path.startsWith('/api/sections/') || path.startsWith('/api/tags/')) {
      const list = payload as ListHead;
      if (path.endsWith('/head.json')) lists.push(list);
      collect(list.items);
    }
  }
  if (!front) throw new Error('no front page');
  built = { sections: pageSeeds.sections(corpus.sections), front, stories, lists, teasers };
  vi.stubGlobal('fetch', () =>
    Promise.reject(new Error('the page fetched: its seed was not read')),
  );
});
afterAll(() => vi.unstubAllGlobals());

/**
 * Renders a URL with the app's routes and only the given cache seeds, and waits until the
 * page has set its title (the route module loads lazily).
 */
async function renderFromSeeds(url: string, seeds: SeedEntry[], title: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  for (const seed of seeds) queryClient.setQueryData(seed.queryKey, seed.data);
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  await waitFor(() => expect(document.title).toBe(title), { timeout: 15_000 });
  expect(screen.queryByRole('alert')).toBeNull();
  return view;
}

const prerenderedTitle = (head: Parameters<typeof headTags>[0]) =>
  new DOMParser().parseFromString(`<head>${headTags(head, SITE)}</head>`, 'text/html').title;

describe('build and browser agree on the demo corpus', () => {
  it('every card of a story, wherever the build put it, is the card the browser makes of the story', () => {
    expect(built.stories.length).toBeGreaterThan(40);
    let cards = 0;
    for (const story of built.stories) {
      for (const card of built.teasers.get(story.article.id) ?? []) {
        expect(card).toEqual(teaserOf(story));
        cards++;
      }
    }
    expect(cards).toBeGreaterThan(built.stories.length);
  });

  it('every story page renders from its seed alone, titled as the prerender titles it', async () => {
    for (const story of built.stories) {
      const view = await renderFromSeeds(
        appPaths.story(story.article.id),
        [built.sections, pageSeeds.story(story)],
        prerenderedTitle(pageHeads.story(story, SITE)),
      );
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(story.article.headline);
      view.unmount();
    }
  }, 120_000);

  it('every first list page and the front page render from their seeds, titled as prerendered', async () => {
    for (const list of built.lists) {
      const view = await renderFromSeeds(
        appPaths.list(list.kind, list.id),
        [built.sections, ...pageSeeds.list(list)],
        prerenderedTitle(pageHeads.list(list, SITE)),
      );
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(list.name);
      view.unmount();
    }
    await renderFromSeeds(
      appPaths.front(),
      [built.sections, pageSeeds.front(built.front)],
      prerenderedTitle(pageHeads.front(built.front, SITE)),
    );
    expect(
      screen.getAllByRole('link', { name: built.front.latest[0]?.headline }).length,
    ).toBeGreaterThan(0);
  }, 120_000);
});
