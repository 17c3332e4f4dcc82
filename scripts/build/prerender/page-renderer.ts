// Prerenders a story, the front page or the first page of a section or tag into static
// HTML that holds the full text and hydrates into the SPA.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrerenderedRoute } from '#app/route-files.ts';
import type { FrontPayload, ListHead, Rendition, StoryPayload } from '#content/api-schema.ts';
import { appPaths } from '#content/app-paths.ts';
import type { Section } from '#content/article-schema.ts';
import { getOrAdd } from '#content/get-or-add.ts';
import type * as SsrEntry from '../../../src/entry-server.tsx';
import type { InlineScript } from '../post-build/inline-scripts.ts';
import { escapeHtml, type HeadInfo, headTags, pageHeads, scriptJson } from './page-head.ts';
import { type Manifest, routeChunks } from './route-assets.ts';

export type RendererOptions = {
  outDir: string;
  ssrEntry: string;
  siteUrl: string;
  firstTaps: InlineScript;
  appLoader: InlineScript;
  sections: readonly Section[];
};

/** A prerendered page: its file in dist/ and its HTML. */
export type RenderedPage = { file: string; html: string };

export type PageRenderer = {
  front(front: FrontPayload): Promise<RenderedPage>;
  story(payload: StoryPayload): Promise<RenderedPage>;
  /** Page 1 of a section or a tag. */
  list(head: ListHead): Promise<RenderedPage>;
};

const readJson = async <T>(file: string): Promise<T> =>
  JSON.parse(await readFile(file, 'utf8')) as T;

/** The HTML file for a path: /article/x → article/x.html (what nginx and `vite preview` look for). */
export function htmlFileFor(urlPath: string): string {
  if (urlPath === '/') return 'home.html';
  return `${urlPath.slice(1).split('/').map(decodeURIComponent).join('/')}.html`;
}

/**
 * The prerenderer of the build and of `npm run publish`: the same React routes and
 * components the browser uses, in the app build's HTML shell, with its route's chunks.
 */
export async function createPageRenderer({
  outDir,
  ssrEntry,
  siteUrl,
  firstTaps,
  appLoader,
  sections,
}: RendererOptions): Promise<PageRenderer> {
  const { renderPage, pageSeeds, routeFiles, HERO_SIZES, LEAD_SIZES } = (await import(
    pathToFileURL(ssrEntry).href
  )) as typeof SsrEntry;
  const template = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const manifest = await readJson<Manifest>(path.join(outDir, '.vite', 'manifest.json'));
  const sectionsSeed = pageSeeds.sections([...sections]);
  // The shell with a route's scripts deferred is the same for every page of that route:
  // made once a route, not once a page (some 0.2 ms of regular expressions each).
  const shells = new Map<PrerenderedRoute, string>();
  const shellOf = (route: PrerenderedRoute) =>
    getOrAdd(shells, route, () =>
      deferAppScripts(template, routeChunks(manifest, routeFiles[route]), appLoader),
    );

  const render = async (
    urlPath: string,
    route: PrerenderedRoute,
    head: HeadInfo,
    seed: SsrEntry.SeedEntry[],
    preload?: string,
  ): Promise<RenderedPage> => {
    const { html, state } = await renderPage(urlPath, [sectionsSeed, ...seed]);
    const links = preload ? [preload] : [];
    // Every replacement is a function: a replacement string would read `$'`, `$&`… in a
    // headline as patterns and copy parts of the page into it.
    const page = shellOf(route)
      .replace(/<title>[\s\S]*?<\/title>\s*<meta name="description"[^>]*>/, () =>
        headTags(head, siteUrl),
      )
      // Early in <head>, ahead of the inline scripts that read it (data-saver.js).
      .replace(
        /<meta name="viewport"[^>]*>/,
        (viewport) => `${viewport}\n    ${links.join('\n    ')}`,
      )
      // Before any button: taps made before the app runs are kept (first-taps.js).
      .replace('</head>', () => `  ${firstTaps.tag}\n  </head>`)
      .replace(
        '<div id="root"></div>',
        () =>
          `<div id="root">${html}</div>\n    <script type="application/json" id="qari-state" data-path="${escapeHtml(urlPath)}">${scriptJson(state)}</script>`,
      );
    return { file: htmlFileFor(urlPath), html: page };
  };

  return {
    front: (front) =>
      render(
        '/',
        'front',
        pageHeads.front(front, siteUrl),
        [pageSeeds.front(front)],
        photoPreload(front.lead?.image, LEAD_SIZES),
      ),
    story: (payload) =>
      render(
        appPaths.story(payload.article.id),
        'story',
        pageHeads.story(payload, siteUrl),
        [pageSeeds.story(payload)],
        photoPreload(payload.article.hero && payload.media[payload.article.hero.src], HERO_SIZES),
      ),
    list: (list) =>
      render(
        appPaths.list(list.kind, list.id),
        list.kind,
        pageHeads.list(list, siteUrl),
        pageSeeds.list(list),
      ),
  };
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
 * The page's largest photo (the story's hero, the front page's lead) is usually its
 * largest paint: announced at high priority, ahead of everything else, by the inline
 * data-saver script from this template, unless the reader saves data (then no photo
 * loads before a tap). A <template> is inert: the browser fetches nothing it holds.
 */
function photoPreload(rendition: Rendition | undefined, sizes: string): string | undefined {
  if (!rendition?.avifSrcset) return undefined;
  return `<template id="qari-preload"><link rel="preload" as="image" type="image/avif" fetchpriority="high" imagesrcset="${escapeHtml(rendition.avifSrcset)}" imagesizes="${sizes}" /></template>`;
}
