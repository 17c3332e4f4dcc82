// What the service worker does with requests it does not precache (vite.config.ts hands
// these to Workbox). Workbox copies every function below into sw.js as source text, so
// each must stand alone: no imports, no names from outside itself (routes.test.ts
// rebuilds each from its text to make sure). The rules, and why: docs/robustness.md.
import type { RuntimeCaching } from 'workbox-build';

const DAY = 24 * 60 * 60;

/** Story and list JSON: only JSON is kept, and only JSON is ever served from the cache. */
const jsonOnly = {
  cacheWillUpdate: async ({ response }: { response: Response }) =>
    response.status === 200 &&
    /^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '')
      ? response
      : null,
  // A 2xx that is not JSON came from something between us and the server (a hotel's
  // login page): taken as no network, so the cached copy answers, or the app's
  // failure view (and its saved copy) does.
  // A 404 is a story (or list) the newsroom withdrew: its kept copy goes too, so it is
  // not served offline either (a reader who saved it still has their saved copy).
  fetchDidSucceed: async ({ request, response }: { request: Request; response: Response }) => {
    if (
      response.ok &&
      !/^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '')
    ) {
      throw new Error(`Not JSON: ${response.headers.get('content-type')}`);
    }
    if (response.status === 404) {
      await (await caches.open('qari-api')).delete(request, { ignoreVary: true });
    }
    return response;
  },
  // Entries cached before these rules existed are checked on the way out too.
  cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) =>
    cachedResponse &&
    /^application\/(?:[\w.+-]+\+)?json\b/i.test(cachedResponse.headers.get('content-type') ?? '')
      ? cachedResponse
      : null,
};

/** Never answers from the cache (after jsonOnly, which it overrides): the network or a failure. */
const networkOnly = {
  cachedResponseWillBeUsed: async () => null,
};

/** Photos: only images are kept (their URLs are content-hashed, so a bad entry would stay for 60 days). */
const imagesOnly = {
  cacheWillUpdate: async ({ response }: { response: Response }) =>
    response.status === 200 && /^image\//i.test(response.headers.get('content-type') ?? '')
      ? response
      : null,
  cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) =>
    cachedResponse && /^image\//i.test(cachedResponse.headers.get('content-type') ?? '')
      ? cachedResponse
      : null,
};

/**
 * Pages: the network's (prerendered HTML, or the server's 404 page) when it answers in
 * time, else the precached app shell. Pages are never kept: a kept page would be stale,
 * and the shell reads the same stories from the API cache and the saved copies.
 */
const pageOrShell = {
  cacheWillUpdate: async () => null,
  // A server error is no page to show: the shell and its failure view do better.
  fetchDidSucceed: async ({ response }: { response: Response }) => {
    if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
    return response;
  },
  // Nothing is ever kept, so "from the cache" means the shell, from the precache.
  cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) =>
    cachedResponse ?? (await caches.match('/index.html', { ignoreSearch: true })) ?? null,
};

export const serviceWorkerRoutes: RuntimeCaching[] = [
  {
    // Navigations to the app's routes; files (feed.xml, sitemap.xml, robots.txt, 404.html,
    // anything with an extension) and the API, media, asset and icon folders go to the
    // network untouched, never to the app.
    urlPattern: ({ request, url, sameOrigin }) =>
      request.mode === 'navigate' &&
      sameOrigin &&
      !/^\/(?:api|media|assets|icons)\//.test(url.pathname) &&
      !/\.[^/]*$/.test(url.pathname),
    handler: 'NetworkFirst',
    options: {
      cacheName: 'qari-pages',
      // Long enough for a server that answers (a prerendered page paints sooner than the
      // shell and its script); short enough that a flaky network falls back to the shell.
      networkTimeoutSeconds: 3,
      plugins: [pageOrShell],
    },
  },
  {
    // An open page's check for a newer list or story (src/features/live, `cache:
    // 'no-cache'`): the network's answer or a failure, never the kept copy, which may be
    // older than what the page shows. What it brings is kept for reading offline.
    urlPattern: ({ request, url, sameOrigin }) =>
      sameOrigin && url.pathname.startsWith('/api/') && request.cache === 'no-cache',
    handler: 'NetworkFirst',
    options: {
      cacheName: 'qari-api',
      expiration: { maxEntries: 500, maxAgeSeconds: 30 * DAY },
      plugins: [jsonOnly, networkOnly],
    },
  },
  {
    urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/'),
    handler: 'NetworkFirst',
    options: {
      cacheName: 'qari-api',
      networkTimeoutSeconds: 4,
      expiration: { maxEntries: 500, maxAgeSeconds: 30 * DAY },
      plugins: [jsonOnly],
    },
  },
  {
    urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/media/'),
    handler: 'CacheFirst',
    options: {
      cacheName: 'qari-media',
      expiration: { maxEntries: 400, maxAgeSeconds: 60 * DAY },
      plugins: [imagesOnly],
    },
  },
];
