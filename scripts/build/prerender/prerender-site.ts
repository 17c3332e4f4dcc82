// Prerenders every story, the front page and the first page of every section and
// tag into static HTML that holds the full text and hydrates into the SPA.

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrerenderedRoute } from '#app/route-modules.ts';
import type { FrontPayload, ListHead, StoryPayload } from '#content/api-schema.ts';
import { appPaths } from '#content/app-paths.ts';
import type { Section } from '#content/article-schema.ts';
import type * as SsrEntry from '../../../src/entry-server.tsx';
import { mapLimit } from '../content/map-limit.ts';
import type { InlineScript } from '../post-build/inline-scripts.ts';
import { escapeHtml, type HeadInfo, headTags, pageHeads, scriptJson } from './page-head.ts';
import { type Manifest, routeAssets } from './route-assets.ts';

export type StoryEntry = {
  id: string;
  headline: string;
  summary: string | undefined;
  publishedAt: string;
  updatedAt: string | undefined;
  section: string;
};

export type PrerenderOptions = {
  outDir: string;
  ssrEntry: string;
  siteUrl: string;
  appLoader: InlineScript;
};

const readJson = async <T>(file: string): Promise<T> =>
  JSON.parse(await readFile(file, 'utf8')) as T;

/** The HTML file for a path: /article/x → article/x.html (what nginx and `vite preview` look for). */
export function htmlFileFor(urlPath: string): string {
  if (urlPath === '/') return 'home.html';
  return `${urlPath.slice(1).split('/').map(decodeURIComponent).join('/')}.html`;
}

export async function prerenderSite({ outDir, ssrEntry, siteUrl, appLoader }: PrerenderOptions) {
  const { renderPage, pageSeeds, routeModules, HERO_SIZES } = (await import(
    pathToFileURL(ssrEntry).href
  )) as typeof SsrEntry;
  const template = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const manifest = await readJson<Manifest>(path.join(outDir, '.vite', 'manifest.json'));
  const api = path.join(outDir, 'api');
  const sections = await readJson<Section[]>(path.join(api, 'sections.json'));
  const sectionsSeed = pageSeeds.sections(sections);
  const fonts = await criticalFonts(path.join(outDir, 'assets'));
  let pages = 0;

  const write = async (
    urlPath: string,
    route: PrerenderedRoute | null,
    head: HeadInfo,
    seed: SsrEntry.SeedEntry[],
    heroPreload?: string,
  ) => {
    const { html, state } = await renderPage(urlPath, [sectionsSeed, ...seed]);
    const assets = route ? routeAssets(manifest, routeModules[route].file) : { js: [], css: [] };
    const links = [
      ...(heroPreload ? [heroPreload] : []),
      ...fonts.map(
        (href) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="/${href}" />`,
      ),
    ];
    // After the app's own stylesheet, so the cascade is the one the browser build has.
    const styles = assets.css.map(
      (href) => `<link rel="stylesheet" crossorigin href="/${href}" />`,
    );
    // Every replacement is a function: a replacement string would read `$'`, `$&`… in a
    // headline as patterns and copy parts of the page into it.
    const page = deferAppScripts(template, assets.js, appLoader)
      .replace(/<title>[\s\S]*?<\/title>\s*<meta name="description"[^>]*>/, () =>
        headTags(head, siteUrl),
      )
      // Early in <head>, ahead of any script, so the photo and fonts are asked for first.
      .replace(
        /<meta name="viewport"[^>]*>/,
        (viewport) => `${viewport}\n    ${links.join('\n    ')}`,
      )
      .replace('</head>', () => `  ${styles.join('\n    ')}\n  </head>`)
      .replace(
        '<div id="root"></div>',
        () =>
          `<div id="root">${html}</div>\n    <script type="application/json" id="qari-state" data-path="${escapeHtml(urlPath)}">${scriptJson(state)}</script>`,
      );
    const file = path.join(outDir, htmlFileFor(urlPath));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, page);
    pages++;
  };

  const front = await readJson<FrontPayload>(path.join(api, 'front.json'));
  await write('/', 'front', pageHeads.front(front, siteUrl), [pageSeeds.front(front)]);

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
    const urlPath = appPaths.story(article.id);
    await write(
      urlPath,
      'story',
      pageHeads.story(payload, siteUrl),
      [pageSeeds.story(payload)],
      heroPreloadLink(payload, HERO_SIZES),
    );
  });

  const lists: string[] = [];
  for (const kind of ['section', 'tag'] as const) {
    const dir = path.join(api, kind === 'section' ? 'sections' : 'tags');
    // A corpus without tags has no tags/ folder.
    const ids = (await readdir(dir, { withFileTypes: true }).catch(() => []))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    await mapLimit(ids, 4, async (id) => {
      const list = await readJson<ListHead>(path.join(dir, id, 'head.json'));
      const urlPath = appPaths.list(kind, id);
      lists.push(urlPath);
      await write(urlPath, kind, pageHeads.list(list, siteUrl), pageSeeds.list(list));
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
      () =>
        `  <script type="application/json" id="qari-app">${scriptJson({ entry, preload })}</script>\n    ${appLoader.tag}\n  </body>`,
    );
}

/**
 * The hero photo is usually the largest paint: announce it in <head> at high
 * priority, so it does not wait behind the scripts for bandwidth.
 */
function heroPreloadLink(payload: StoryPayload, sizes: string): string | undefined {
  const hero = payload.article.hero;
  const rendition = hero && payload.media[hero.src];
  if (!rendition?.avifSrcset) return undefined;
  return `<link rel="preload" as="image" type="image/avif" fetchpriority="high" imagesrcset="${escapeHtml(rendition.avifSrcset)}" imagesizes="${sizes}" />`;
}

/** The two fonts every page paints with first: Naskh 400 (text) and Plex Sans 700 (headlines), Arabic subsets. */
async function criticalFonts(assetsDir: string): Promise<string[]> {
  const files = await readdir(assetsDir);
  return ['noto-naskh-arabic-arabic-400-normal', 'ibm-plex-sans-arabic-arabic-700-normal'].flatMap(
    (prefix) => {
      const file = files.find((f) => f.startsWith(prefix) && f.endsWith('.woff2'));
      return file ? [`assets/${file}`] : [];
    },
  );
}
