// Prerenders every story, the front page and the first page of every section and
// tag into static HTML that holds the full text and hydrates into the SPA.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FrontPayload, ListPage, Rendition, StoryPayload } from '#content/api-schema.ts';
import type { Section } from '#content/article-schema.ts';
import type { RenderedPage, SeedEntry } from '../../../src/entry-server.tsx';
import { mapLimit } from '../content/map-limit.ts';
import type { InlineScript } from '../post-build/inline-scripts.ts';
import {
  escapeHtml,
  type HeadInfo,
  headTags,
  SITE_NAME,
  scriptJson,
  shareImage,
} from './page-head.ts';
import { type Manifest, routeChunks } from './route-assets.ts';

export type StoryEntry = {
  id: string;
  headline: string;
  summary: string | undefined;
  publishedAt: string;
  updatedAt: string | undefined;
  section: string;
};

type RenderPage = (path: string, seed: readonly SeedEntry[]) => Promise<RenderedPage>;
export type PrerenderOptions = {
  outDir: string;
  ssrEntry: string;
  siteUrl: string;
  firstTaps: InlineScript;
  appLoader: InlineScript;
};

/** Must match the `sizes` of the hero in src/features/stories/components/story-figure.tsx. */
const HERO_SIZES = '(min-width: 52rem) 48rem, 100vw';
/** Must match the `sizes` of the lead card in src/shared/ui/story-card.tsx. */
const LEAD_SIZES = '(min-width: 64rem) 40rem, 100vw';

const ROUTE_MODULES = {
  front: 'src/app/routes/front-route.tsx',
  story: 'src/app/routes/story-route.tsx',
  section: 'src/app/routes/section-route.tsx',
  tag: 'src/app/routes/tag-route.tsx',
} as const;

const readJson = async <T>(file: string): Promise<T> =>
  JSON.parse(await readFile(file, 'utf8')) as T;

/** The HTML file for a path: /article/x → article/x.html (what nginx and `vite preview` look for). */
export function htmlFileFor(urlPath: string): string {
  if (urlPath === '/') return 'home.html';
  return `${urlPath.slice(1).split('/').map(decodeURIComponent).join('/')}.html`;
}

export async function prerenderSite({
  outDir,
  ssrEntry,
  siteUrl,
  firstTaps,
  appLoader,
}: PrerenderOptions) {
  const { renderPage } = (await import(pathToFileURL(ssrEntry).href)) as { renderPage: RenderPage };
  const template = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const manifest = await readJson<Manifest>(path.join(outDir, '.vite', 'manifest.json'));
  const api = path.join(outDir, 'api');
  const sections = await readJson<Section[]>(path.join(api, 'sections.json'));
  const sectionsSeed: SeedEntry = { queryKey: ['sections'], data: sections };
  let pages = 0;

  const write = async (
    urlPath: string,
    route: keyof typeof ROUTE_MODULES | null,
    head: HeadInfo,
    seed: SeedEntry[],
    preload?: string,
  ) => {
    const { html, state } = await renderPage(urlPath, [sectionsSeed, ...seed]);
    const chunks = route ? routeChunks(manifest, ROUTE_MODULES[route]) : [];
    const links = preload ? [preload] : [];
    const page = deferAppScripts(template, chunks, appLoader)
      .replace(/<title>[\s\S]*?<\/title>\s*<meta name="description"[^>]*>/, headTags(head, siteUrl))
      // Early in <head>, ahead of the inline scripts that read it (data-saver.js).
      .replace(/(<meta name="viewport"[^>]*>)/, `$1\n    ${links.join('\n    ')}`)
      // Before any button: taps made before the app runs are kept (first-taps.js).
      .replace('</head>', () => `  ${firstTaps.tag}\n  </head>`)
      .replace(
        '<div id="root"></div>',
        `<div id="root">${html}</div>\n    <script type="application/json" id="qari-state" data-path="${escapeHtml(urlPath)}">${scriptJson(state)}</script>`,
      );
    const file = path.join(outDir, htmlFileFor(urlPath));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, page);
    pages++;
  };

  const front = await readJson<FrontPayload>(path.join(api, 'front.json'));
  await write(
    '/',
    'front',
    {
      title: `${SITE_NAME} — أخبار بالعربية`,
      description:
        'آخر الأخبار من العالم والشرق الأوسط والاقتصاد والرياضة والتكنولوجيا والثقافة، بالعربية.',
      canonical: `${siteUrl}/`,
    },
    [{ queryKey: ['front'], data: front }],
    photoPreload(front.lead?.image, LEAD_SIZES),
  );

  const storyFiles = (await readdir(path.join(api, 'articles'))).filter((f) => f.endsWith('.json'));
  const stories: StoryEntry[] = [];
  await mapLimit(storyFiles, 4, async (name) => {
    const payload = await readJson<StoryPayload>(path.join(api, 'articles', name));
    const { article } = payload;
    stories.push({
      id: article.id,
      headline: article.headline,
      summary: article.summary,
      publishedAt: article.publishedAt,
      updatedAt: article.updatedAt,
      section: payload.section.name,
    });
    const urlPath = `/article/${encodeURIComponent(article.id)}`;
    await write(
      urlPath,
      'story',
      {
        title: `${article.headline} | ${SITE_NAME}`,
        description: article.summary ?? article.headline,
        canonical: `${siteUrl}${urlPath}`,
        image: shareImage(payload, siteUrl),
        article: payload,
      },
      [{ queryKey: ['story', article.id], data: payload }],
      photoPreload(article.hero && payload.media[article.hero.src], HERO_SIZES),
    );
  });

  const lists: string[] = [];
  for (const kind of ['section', 'tag'] as const) {
    const dir = path.join(api, kind === 'section' ? 'sections' : 'tags');
    const ids = (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    await mapLimit(ids, 4, async (id) => {
      const list = await readJson<ListPage>(path.join(dir, id, '1.json'));
      const urlPath = `/${kind}/${encodeURIComponent(id)}`;
      lists.push(urlPath);
      await write(
        urlPath,
        kind,
        {
          title: `${list.name} | ${SITE_NAME}`,
          description: `${kind === 'section' ? 'قسم' : 'تصنيف'} ${list.name}: آخر القصص في ${SITE_NAME}.`,
          canonical: `${siteUrl}${urlPath}`,
        },
        [{ queryKey: ['list', kind, id, 1], data: list }],
      );
    });
  }
  return { pages, stories, lists };
}

/**
 * The page is readable before any script runs: the app's entry and its chunks are
 * started by the inline app loader once the page has loaded and painted, so they never
 * compete with the text, fonts and hero photo (see src/app/boot/app-loader.js). What to
 * load goes in a JSON data block, so the loader's text, and its CSP hash, is the same
 * on every page.
 */
export function deferAppScripts(
  html: string,
  routeChunks: readonly string[],
  appLoader: InlineScript,
): string {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)?.[1];
  if (!entry) return html;
  const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map(
    (m) => m[1],
  );
  const preload = [...new Set([...preloads, ...routeChunks.map((href) => `/${href}`)])];
  return html
    .replace(/\s*<link rel="modulepreload" crossorigin href="[^"]+">/g, '')
    .replace(/\s*<script type="module" crossorigin src="[^"]+"><\/script>/, '')
    .replace(
      '</body>',
      `  <script type="application/json" id="qari-app">${scriptJson({ entry, preload })}</script>\n    ${appLoader.tag}\n  </body>`,
    );
}

/**
 * The page's largest photo (the story's hero, the front page's lead) is usually its
 * largest paint: announced at high priority, ahead of everything else, by the inline
 * data-saver script from this template, unless the reader saves data (then no photo
 * loads before a tap). A <template> is inert: the browser fetches nothing it holds.
 */
function photoPreload(rendition: Rendition | undefined, sizes: string): string | undefined {
  if (!rendition?.avifSrcset) return undefined;
  return `<template id="qari-preload"><link rel="preload" as="image" type="image/avif" fetchpriority="high" imagesrcset="${escapeHtml(rendition.avifSrcset)}" imagesizes="${sizes}" /></template>`;
}
