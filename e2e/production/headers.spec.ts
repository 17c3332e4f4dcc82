import { type APIResponse, expect, type Page, test } from '@playwright/test';
import { cspHash, inlineScriptBodies } from '#scripts/build/post-build/inline-scripts.ts';
import { inlineStyleBodies } from '#scripts/build/post-build/inline-stylesheet.ts';

/**
 * The production server (deploy/nginx.conf): status codes, caching, compression and
 * security headers, and a CSP the app runs under. Only against nginx:
 * `npm run test:nginx` (QARI_NGINX=1, PLAYWRIGHT_BASE_URL at the server).
 */
test.describe('production serving', { tag: '@nginx' }, () => {
  test.skip(!process.env.QARI_NGINX, 'runs against nginx only: npm run test:nginx');

  type Front = { lead: { id: string }; latest: { id: string }[] };

  const SECURITY_HEADERS: Record<string, RegExp> = {
    'content-security-policy': /default-src 'self'/,
    'x-content-type-options': /^nosniff$/,
    'referrer-policy': /^strict-origin-when-cross-origin$/,
    'permissions-policy': /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
    'x-frame-options': /^DENY$/i,
  };

  function cspDirectives(response: APIResponse) {
    const csp = response.headers()['content-security-policy'] ?? '';
    return new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values] as const),
    );
  }

  function scriptSources(directives: ReturnType<typeof cspDirectives>): string[] {
    return directives.get('script-src') ?? directives.get('default-src') ?? [];
  }

  function expectSecurityHeaders(response: APIResponse) {
    const headers = response.headers();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(headers[name], `${response.url()}: ${name}`).toMatch(value);
    }
    const directives = cspDirectives(response);
    const scriptSrc = scriptSources(directives);
    expect(scriptSrc, 'script-src').not.toContain("'unsafe-inline'");
    expect(scriptSrc, 'script-src').not.toContain("'unsafe-eval'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  }

  async function front(request: import('@playwright/test').APIRequestContext): Promise<Front> {
    const response = await request.get('/api/front.json');
    expect(response.status()).toBe(200);
    return (await response.json()) as Front;
  }

  test('a story page and the front page are HTML with the security headers', async ({
    request,
  }) => {
    const { lead } = await front(request);
    for (const path of ['/', `/article/${lead.id}`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^text\/html/);
      expect(response.headers()['cache-control']).toMatch(/no-cache|max-age=\d{1,3}\b/);
      expectSecurityHeaders(response);
      const html = await response.text();
      expect(html).toContain('<div id="root">');
      // Inline scripts (not data blocks) run only when the CSP names their hash.
      const inline = inlineScriptBodies(html);
      expect(inline.length, `${path}: the preferences boot is inline`).toBeGreaterThan(0);
      const allowed = scriptSources(cspDirectives(response));
      for (const body of inline) {
        expect(allowed, `${path}: CSP allows the inline script ${body.slice(0, 60)}…`).toContain(
          cspHash(body),
        );
      }
      // The stylesheet is inline too, allowed by its hash, never by 'unsafe-inline'.
      const styles = inlineStyleBodies(html);
      expect(styles, `${path}: one inline stylesheet`).toHaveLength(1);
      const styleSrc = cspDirectives(response).get('style-src') ?? [];
      expect(styleSrc).not.toContain("'unsafe-inline'");
      expect(styleSrc, `${path}: CSP allows the inline stylesheet`).toContain(
        cspHash(styles[0] ?? ''),
      );
      expect(html, `${path}: no stylesheet to wait for`).not.toMatch(/<link[^>]+rel="stylesheet"/);
    }
  });

  test('hashed assets are immutable and precompressed', async ({ request }) => {
    const html = await (await request.get('/')).text();
    // Prerendered pages name the app's entry in the #qari-app data block, for the inline
    // loader; the shell loads it directly.
    const script = html.match(/(?:<script[^>]+src=|"entry":)"(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script, 'the page loads a script from /assets/').toBeTruthy();
    for (const path of [script].filter((p): p is string => Boolean(p))) {
      const response = await request.get(path, { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(headers['content-encoding'], `${path} is sent compressed`).toMatch(/^(br|gzip)$/);
      expect(headers.vary).toMatch(/Accept-Encoding/i);
      expectSecurityHeaders(response);
    }
    const missing = await request.get('/assets/no-such-chunk-0000.js');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['cache-control']).not.toMatch(/immutable/);
    expect(missing.headers()['content-type']).not.toMatch(/html/);
  });

  test('story JSON is JSON, cached briefly', async ({ request }) => {
    const { lead } = await front(request);
    const response = await request.get(`/api/articles/${lead.id}.json`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
    const cacheControl = response.headers()['cache-control'] ?? '';
    const maxAge = Number(cacheControl.match(/max-age=(\d+)/)?.[1] ?? Number.NaN);
    expect(
      /no-cache/.test(cacheControl) || maxAge <= 300,
      `short caching, got "${cacheControl}"`,
    ).toBe(true);
    expect(response.headers().etag ?? response.headers()['last-modified']).toBeTruthy();
    expectSecurityHeaders(response);
    expect(((await response.json()) as { article: { id: string } }).article.id).toBe(lead.id);
  });

  for (const path of ['/no/such/page', '/article/no-such-story', '/section/no-such-section']) {
    test(`${path} is a 404 with the app's HTML`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
      expect(response.headers()['content-type']).toMatch(/^text\/html/);
      expectSecurityHeaders(response);
      const html = await response.text();
      expect(html).toContain('<div id="root">');
      expect(html).toMatch(/<script type="module"[^>]+src="\/assets\/[^"]+\.js"/);
    });
  }

  test('the client routes without a page answer 200 with the app', async ({ request }) => {
    for (const path of ['/search', '/search?q=%D8%A7%D9%84%D9%86%D9%81%D8%B7', '/bookmarks']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
    const sections = (await (await request.get('/api/sections.json')).json()) as { id: string }[];
    const section = encodeURIComponent(sections[0]?.id ?? '');
    expect((await request.get(`/section/${section}`)).status()).toBe(200);
    expect((await request.get(`/section/${section}?page=1`)).status()).toBe(200);
  });

  /** Every section's path and page count, from the API. */
  async function pagedLists(request: import('@playwright/test').APIRequestContext) {
    const sections = (await (await request.get('/api/sections.json')).json()) as { id: string }[];
    const lists: { path: string; pageCount: number }[] = [];
    for (const { id } of sections) {
      const slug = encodeURIComponent(id);
      const first = await request.get(`/api/sections/${slug}/head.json`);
      const { pageCount } = (await first.json()) as { pageCount: number };
      lists.push({ path: `/section/${slug}`, pageCount });
    }
    return lists;
  }

  test('one URL per page: file names and aliases redirect to the page', async ({ request }) => {
    const { lead } = await front(request);
    const [section] = await pagedLists(request);
    const tagPath = (
      (await (await request.get(`/api/articles/${lead.id}.json`)).json()) as {
        article: { tags?: { id: string }[] };
      }
    ).article.tags?.map((t) => `/tag/${encodeURIComponent(t.id)}`)[0];
    const moves: [string, string][] = [
      ['/index', '/'],
      ['/home', '/'],
      ['/home.html', '/'],
      [`/article/${lead.id}.html`, `/article/${lead.id}`],
      [`/article/${lead.id}.html?ref=x`, `/article/${lead.id}?ref=x`],
      [`${section!.path}.html`, section!.path],
    ];
    if (tagPath) moves.push([`${tagPath}.html`, tagPath]);
    for (const [from, to] of moves) {
      const response = await request.get(from, { maxRedirects: 0 });
      expect(response.status(), from).toBe(301);
      expect(response.headers().location, from).toBe(to);
      expectSecurityHeaders(response);
    }
    // The shell's own file: a reader who types it goes to the front page; the service
    // worker, which precaches it, still gets it.
    const typed = await request.get('/index.html', {
      maxRedirects: 0,
      headers: { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' },
    });
    expect(typed.status()).toBe(301);
    expect(typed.headers().location).toBe('/');
    const precached = await request.get('/index.html', { headers: { 'sec-fetch-dest': 'empty' } });
    expect(precached.status()).toBe(200);
    expect(await precached.text()).toContain('<div id="root">');
  });

  test('the not-found page itself is a 404', async ({ request }) => {
    const response = await request.get('/404.html');
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<div id="root">');
  });

  test('a list page past the last, or not a page number, is a 404', async ({ request }) => {
    const lists = await pagedLists(request);
    // A later page that exists is the shell, with 200.
    const paged = lists.find((l) => l.pageCount > 1) ?? lists[0]!;
    expect((await request.get(`${paged.path}?page=${paged.pageCount}`)).status()).toBe(200);
    for (const page of [String(paged.pageCount + 1), '999', '0', '-1', '1.5', 'abc', '2%2F..']) {
      const response = await request.get(`${paged.path}?page=${page}`);
      expect(response.status(), `?page=${page}`).toBe(404);
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  test('a missing API file is a 404 that is not HTML', async ({ request }) => {
    const response = await request.get('/api/articles/no-such.json');
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).not.toMatch(/html/);
    expect(await response.text()).not.toContain('<html');
    expectSecurityHeaders(response);
  });

  test('the service worker and the manifest are always revalidated', async ({ request }) => {
    const sw = await request.get('/sw.js');
    expect(sw.status()).toBe(200);
    expect(sw.headers()['cache-control']).toMatch(/no-cache/);
    expect(sw.headers()['content-type']).toMatch(/javascript/);
    const manifest = await request.get('/manifest.webmanifest');
    expect(manifest.status()).toBe(200);
    expect(manifest.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers()['cache-control']).toMatch(/no-cache/);
  });

  /** Records CSP violations and console errors from the page's start. */
  async function watch(page: Page): Promise<string[]> {
    const problems: string[] = [];
    await page.exposeFunction('__qariViolation', (text: string) => problems.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __qariViolation: (t: string) => void })
          .__qariViolation;
        report(
          `CSP ${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    return problems;
  }

  test('the app runs under the CSP: first loads, client-side moves, not found', async ({
    page,
    request,
  }) => {
    const { lead, latest } = await front(request);
    const problems = await watch(page);

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // A client-side move to a story the page has not loaded (its skeleton, then the story).
    const other = latest.find((s) => s.id !== lead.id) ?? lead;
    await page.locator(`a[href="/article/${other.id}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/article/${other.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    await page.goto(`/article/${lead.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    const notFound = await page.goto('/article/no-such-story');
    expect(notFound?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('غير موجودة');

    await page.goto('/bookmarks');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('المحفوظات');

    // Fail on what the CSP blocked; other errors (the not-found page's own 404s, app bugs)
    // are not this server's, so they are attached to the report instead.
    const blocked = problems.filter((p) =>
      /^CSP |Content.Security.Policy|Permissions.Policy/i.test(p),
    );
    const unrelated = problems.filter((p) => !blocked.includes(p));
    if (unrelated.length > 0) {
      test
        .info()
        .annotations.push({ type: 'other console errors', description: unrelated.join('\n') });
    }
    expect(blocked).toEqual([]);
  });
});
