import { existsSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { serviceWorkerRoutes } from '#app/service-worker/routes.ts';
import { pageMeta } from '#content/page-meta.ts';
import { readInlineScript } from '#scripts/build/post-build/inline-scripts.ts';
import { inlineStylesheet } from '#scripts/build/post-build/inline-stylesheet.ts';
import { escapeHtml } from '#scripts/build/prerender/page-head.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    react(),
    // Theme, text size and data saver before first paint, and the photos' early start
    // (or hold), inline: a file would be a request that the first paint waits for. The
    // CSP allows them by hash (scripts/build/post-build/inline-scripts.ts).
    {
      name: 'qari-inline-preferences-boot',
      transformIndexHtml: {
        order: 'pre',
        handler: (html) =>
          html.replace(
            '<!-- qari:preferences-boot -->',
            () =>
              `${readInlineScript('preferencesBoot').tag}\n    ${readInlineScript('dataSaver').tag}`,
          ),
      },
    },
    // The shell's title and description are the front page's, from the one place pages get them.
    {
      name: 'qari-shell-meta',
      transformIndexHtml: (html) => {
        const { title, description } = pageMeta.front();
        return html.replace(
          /<title>[\s\S]*?<\/title>(\s*)<meta name="description"[^>]*>/,
          (_all, space: string) =>
            `<title>${escapeHtml(title)}</title>${space}<meta name="description" content="${escapeHtml(description)}" />`,
        );
      },
    },
    // The stylesheet inside the page, not a request the first paint waits for.
    inlineStylesheet(),
    // `vite preview` serves the prerendered front page at `/` (index.html stays the
    // SPA shell that every other unknown path falls back to).
    {
      name: 'qari-preview-front-page',
      configurePreviewServer(server) {
        server.middlewares.use((req, _res, next) => {
          const [pathname, query] = (req.url ?? '').split('?');
          if (pathname === '/' && existsSync('dist/home.html'))
            req.url = `/home.html${query ? `?${query}` : ''}`;
          next();
        });
      },
    },
    // …and answers a missing API file with a JSON 404, as nginx does (deploy/site.conf),
    // not with the shell: a withdrawn story is missing, not a network failure.
    {
      name: 'qari-preview-api-404',
      configurePreviewServer(server) {
        server.middlewares.use((req, res, next) => {
          const raw = (req.url ?? '').split('?')[0] ?? '';
          if (!raw.startsWith('/api/')) return next();
          let pathname: string;
          try {
            pathname = decodeURIComponent(raw);
          } catch {
            pathname = raw;
          }
          if (existsSync(`dist${pathname}`)) return next();
          res.statusCode = 404;
          res.setHeader('content-type', 'application/json');
          res.setHeader('cache-control', 'no-cache');
          res.end('{"error":"not found"}\n');
        });
      },
    },
    // Workbox service worker: precaches the app shell and fonts; caches story JSON
    // and photos as they are read, so saved stories open with the network off
    // (src/app/service-worker/routes.ts).
    !isSsrBuild &&
      VitePWA({
        registerType: 'prompt',
        injectRegister: false,
        manifest: {
          name: 'قارئ — أخبار بالعربية',
          short_name: 'قارئ',
          description: 'أخبار العالم والشرق الأوسط بالعربية، مع قصص محفوظة تُقرأ دون اتصال.',
          lang: 'ar',
          dir: 'rtl',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          background_color: '#fbfaf7',
          theme_color: '#a1191f',
          icons: [
            { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
            {
              src: '/icons/maskable-512.png',
              sizes: '512x512',
              type: 'image/png',
              purpose: 'maskable',
            },
          ],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,woff2,svg,png,webmanifest}'],
          // Navigations are src/app/service-worker/routes.ts's: the network's page first,
          // the shell when it fails; so neither the fallback nor `/` → index.html.
          navigateFallback: null,
          directoryIndex: '',
          cleanupOutdatedCaches: true,
          runtimeCaching: serviceWorkerRoutes,
        },
      }),
  ],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest lets the budget check follow a page's chunks; the framework chunk
    // keeps React, React Router and TanStack Query apart from our own code.
    manifest: !isSsrBuild,
    // One stylesheet for the whole app, inlined into every page (inline-stylesheet.ts).
    cssCodeSplit: false,
    // Every browser we serve supports <link rel="modulepreload">: no polyfill.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The service worker registration is only ever imported in the browser.
      external: isSsrBuild ? ['virtual:pwa-register'] : [],
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              // With the bundler's runtime and Vite's preload helper, which the framework
              // and every chunk need: two files fewer on the first view.
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/]query-core|@tanstack[\\/]react-query|cookie|set-cookie-parser)[\\/]|^\0(rolldown\/runtime|vite\/preload-helper)\.js$/,
            },
            {
              // What every prerendered page (story, front, lists) shows: cards, toggles,
              // boundaries. One chunk rather than one per module: each file a first view
              // fetches costs a request and restarts compression. Not the modal dialog: only
              // the settings and shortcuts dialogs, loaded when opened, use it.
              name: 'views',
              test: /src[\\/](shared[\\/]ui[\\/](?!modal-dialog)|content[\\/]safe-href|features[\\/]bookmarks[\\/]components[\\/](bookmark-toggle|render-card-bookmark))/,
            },
          ],
        },
      },
    },
  },
  // Module workers (the bookmark import), so they can load code on demand as the page does.
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: false },
  test: {
    // Component tests load route modules lazily; on a busy 2-core CI machine 5 s is too tight.
    testTimeout: 15_000,
    // A worker runs its test files one after another in one environment: a fresh jsdom and
    // module graph per file cost 90% of the unit run (210 s against 23 s for src/). So a
    // test file leaves nothing behind: it restores what it stubs, and one that pins
    // process-wide state (the time zone) loads the modules it tests afresh.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/app/boot/**'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        // The inline boot scripts run against the page itself (listeners on the document,
        // markup in the body, attributes on <html>): each file gets a fresh window.
        extends: true,
        test: {
          name: 'boot',
          environment: 'jsdom',
          include: ['src/app/boot/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
          isolate: true,
        },
      },
      {
        // The build and import scripts run in Node (a file may ask for jsdom with
        // `// @vitest-environment jsdom`).
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
        },
      },
    ],
  },
}));
