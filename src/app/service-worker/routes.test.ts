import { afterEach, describe, expect, it, vi } from 'vitest';
import { serviceWorkerRoutes } from './routes.ts';

type Fn = (...args: never[]) => unknown;
type Plugin = Record<string, Fn>;

/**
 * Workbox writes these functions into sw.js as their source text: each is rebuilt from
 * its text here, as sw.js has it, so one that leans on anything outside itself fails.
 */
function revive<T extends Fn>(fn: T): T {
  return new Function(`return (${fn.toString()});`)() as T;
}

/** The `nth` route caching into `cacheName` (routes are matched in order). */
function route(cacheName: string, nth = 0) {
  const found = serviceWorkerRoutes.filter((r) => r.options?.cacheName === cacheName)[nth];
  if (!found) throw new Error(`no route ${nth} caching into ${cacheName}`);
  const match = revive(found.urlPattern as Fn) as (o: {
    url: URL;
    request: Request;
    sameOrigin: boolean;
  }) => boolean;
  const plugins = (found.options?.plugins ?? []) as unknown as Plugin[];
  const hook = (name: string) => {
    const fn = plugins.find((p) => p[name])?.[name];
    if (!fn) throw new Error(`${cacheName} has no ${name}`);
    return revive(fn) as unknown as (o: Record<string, unknown>) => Promise<Response | null>;
  };
  /** Every plugin's `name` hook in order, each given what the one before returned (as Workbox does). */
  const chain = (name: string) => async (o: Record<string, unknown>, key: string) => {
    let value = o[key];
    for (const plugin of plugins) {
      const fn = plugin[name];
      if (fn)
        value = await (revive(fn) as unknown as (o: unknown) => Promise<unknown>)({
          ...o,
          [key]: value,
        });
    }
    return value;
  };
  return { route: found, match, hook, chain };
}

const ORIGIN = 'https://qari.test';
function matches(
  match: ReturnType<typeof route>['match'],
  href: string,
  mode: RequestMode = 'navigate',
  cache: RequestCache = 'default',
) {
  const url = new URL(href, ORIGIN);
  return match({
    url,
    request: { mode, cache } as Request,
    sameOrigin: url.origin === ORIGIN,
  });
}

const answer = (status: number, type?: string, body = 'x') =>
  new Response(status === 204 ? null : body, {
    status,
    headers: type ? { 'content-type': type } : {},
  });

describe('a live page’s check (NetworkFirst, never from the cache)', () => {
  const check = route('qari-api', 0);
  afterEach(() => vi.unstubAllGlobals());

  it('comes before the API route and takes only no-cache requests to /api/', () => {
    expect(serviceWorkerRoutes.indexOf(check.route)).toBeLessThan(
      serviceWorkerRoutes.indexOf(route('qari-api', 1).route),
    );
    expect(matches(check.match, '/api/front.json', 'cors', 'no-cache')).toBe(true);
    expect(matches(check.match, '/api/front.json', 'cors')).toBe(false);
    expect(matches(check.match, '/article/a', 'cors', 'no-cache')).toBe(false);
    expect(matches(check.match, 'https://elsewhere.test/api/a.json', 'cors', 'no-cache')).toBe(
      false,
    );
  });

  it('waits for the network, keeps JSON, and never answers from the cache', async () => {
    expect(check.route.options?.networkTimeoutSeconds).toBeUndefined();
    const json = answer(200, 'application/json');
    expect(await check.hook('cacheWillUpdate')({ response: json })).toBe(json);
    const use = check.chain('cachedResponseWillBeUsed');
    expect(await use({}, 'cachedResponse')).toBeNull();
    expect(await use({ cachedResponse: answer(200, 'application/json') }, 'cachedResponse')).toBe(
      null,
    );
  });
});

describe('the API cache (NetworkFirst)', () => {
  const api = route('qari-api', 1);
  afterEach(() => vi.unstubAllGlobals());

  it('handles this site’s /api/ only', () => {
    expect(matches(api.match, '/api/articles/a.json', 'cors')).toBe(true);
    expect(matches(api.match, '/article/a', 'cors')).toBe(false);
    expect(matches(api.match, 'https://elsewhere.test/api/a.json', 'cors')).toBe(false);
  });

  it('keeps only JSON answers with status 200', async () => {
    const keep = api.hook('cacheWillUpdate');
    for (const type of ['application/json', 'application/json; charset=utf-8']) {
      const response = answer(200, type);
      expect(await keep({ response })).toBe(response);
    }
    for (const response of [
      answer(200, 'text/html'),
      answer(200),
      answer(200, 'text/plain'),
      answer(404, 'application/json'),
      answer(503, 'application/json'),
    ]) {
      expect(await keep({ response })).toBeNull();
    }
  });

  it('takes a 2xx that is not JSON (a captive portal’s page) as no network, so a cached copy answers', async () => {
    vi.stubGlobal('caches', { open: vi.fn().mockResolvedValue({ delete: vi.fn() }) });
    const succeed = api.hook('fetchDidSucceed');
    await expect(succeed({ response: answer(200, 'text/html') })).rejects.toThrow();
    await expect(succeed({ response: answer(200) })).rejects.toThrow();
    for (const response of [
      answer(200, 'application/json'),
      answer(404, 'application/json'),
      answer(404),
      answer(503, 'text/html'),
    ]) {
      expect(await succeed({ response })).toBe(response);
    }
  });

  it('forgets its copy of a file the server no longer has (a withdrawn story)', async () => {
    const remove = vi.fn().mockResolvedValue(true);
    const open = vi.fn().mockResolvedValue({ delete: remove });
    vi.stubGlobal('caches', { open });
    const succeed = api.hook('fetchDidSucceed');
    const request = new Request(`${ORIGIN}/api/articles/gone.json`);
    await succeed({ request, response: answer(404, 'application/json') });
    expect(open).toHaveBeenCalledWith('qari-api');
    expect(remove).toHaveBeenCalledWith(request, { ignoreVary: true });
    remove.mockClear();
    await succeed({ request, response: answer(200, 'application/json') });
    await succeed({ request, response: answer(503, 'application/json') });
    expect(remove).not.toHaveBeenCalled();
  });

  it('never answers from an entry that is not JSON (one cached before these rules)', async () => {
    const use = api.hook('cachedResponseWillBeUsed');
    expect(await use({ cachedResponse: answer(200, 'text/html') })).toBeNull();
    expect(await use({ cachedResponse: undefined })).toBeNull();
    const json = answer(200, 'application/json');
    expect(await use({ cachedResponse: json })).toBe(json);
  });
});

describe('the media cache (CacheFirst)', () => {
  const media = route('qari-media');

  it('handles this site’s /media/ only', () => {
    expect(matches(media.match, '/media/photos/a-800.avif', 'no-cors')).toBe(true);
    expect(matches(media.match, 'https://cdn.example.com/media/a.jpg', 'no-cors')).toBe(false);
  });

  it('keeps only images with status 200, and never answers from anything else', async () => {
    const keep = media.hook('cacheWillUpdate');
    const use = media.hook('cachedResponseWillBeUsed');
    for (const type of ['image/avif', 'image/jpeg', 'image/webp']) {
      const response = answer(200, type);
      expect(await keep({ response })).toBe(response);
      expect(await use({ cachedResponse: response })).toBe(response);
    }
    for (const response of [answer(200, 'text/html'), answer(200), answer(404, 'image/jpeg')]) {
      expect(await keep({ response })).toBeNull();
    }
    expect(await use({ cachedResponse: answer(200, 'text/html') })).toBeNull();
  });
});

describe('navigations (NetworkFirst, then the app shell)', () => {
  const pages = route('qari-pages');
  afterEach(() => vi.unstubAllGlobals());

  it('are the app’s pages, never its files', () => {
    for (const path of [
      '/',
      '/article/a-b',
      '/section/world?page=2',
      '/tag/%D9%85%D9%8A%D8%A7%D9%87',
      '/search?q=x',
      '/bookmarks',
      '/no/such/page',
    ]) {
      expect(matches(pages.match, path), path).toBe(true);
    }
    for (const path of [
      '/feed.xml',
      '/sitemap.xml',
      '/sitemaps/stories-2026-11.xml',
      '/news-sitemap.xml',
      '/robots.txt',
      '/manifest.webmanifest',
      '/404.html',
      '/api/front.json',
      '/media/photos/a.jpg',
      '/assets/index-a1.js',
      '/icons/icon.svg',
    ]) {
      expect(matches(pages.match, path), path).toBe(false);
    }
    expect(matches(pages.match, '/article/a', 'cors')).toBe(false);
    expect(matches(pages.match, 'https://elsewhere.test/article/a')).toBe(false);
  });

  it('waits a short time for the network', () => {
    expect(pages.route.handler).toBe('NetworkFirst');
    expect(pages.route.options?.networkTimeoutSeconds).toBe(3);
  });

  it('never keeps a page, and answers with the precached shell when the network fails or is slow', async () => {
    expect(await pages.hook('cacheWillUpdate')({ response: answer(200, 'text/html') })).toBeNull();
    const shell = answer(200, 'text/html', '<div id="root"></div>');
    const match = vi.fn().mockResolvedValue(shell);
    vi.stubGlobal('caches', { match });
    expect(await pages.hook('cachedResponseWillBeUsed')({ cachedResponse: undefined })).toBe(shell);
    expect(match).toHaveBeenCalledWith('/index.html', { ignoreSearch: true });
  });

  it('takes a server error as no network, so the shell answers', async () => {
    const succeed = pages.hook('fetchDidSucceed');
    await expect(succeed({ response: answer(502, 'text/html') })).rejects.toThrow();
    for (const status of [200, 301, 404]) {
      const response = answer(status, 'text/html');
      expect(await succeed({ response })).toBe(response);
    }
  });
});
