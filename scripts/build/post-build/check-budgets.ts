// Performance budgets for a first story view, checked on every build, counting what a
// reader's browser downloads: every script it fetches until the network is idle
// (first-view-scripts.ts, checked against Chromium by the e2e suite) and the app's own
// share of it, the inline stylesheet, and fonts preloaded (none: a font never holds up
// the first paint). It also says which scripts arrive after the first paint and why,
// and what the service worker precaches once the reader saves a story.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { Manifest } from '../prerender/route-assets.ts';
import { type FirstViewGroup, firstViewScripts } from './first-view-scripts.ts';
import { inlineScriptBodies } from './inline-scripts.ts';
import { inlineStyleBodies } from './inline-stylesheet.ts';

export const BUDGETS = {
  /** Every script of a first story view until the network is idle, inline ones too. */
  totalJs: 130_000,
  /** The same beyond React + React Router + TanStack Query (≈108 KB here, bare). */
  ownJs: 25_000,
  css: 20_000,
  fontPreloads: 0,
};

type Sized = { file: string; gzip: number };

export type BudgetReport = {
  groups: (FirstViewGroup & { sizes: Sized[] })[];
  inlineJs: number;
  frameworkJs: number;
  totalJs: number;
  ownJs: number;
  css: number;
  fontPreloads: number;
  precache: { files: number; gzip: number };
  failures: string[];
};

const gzip = (data: string | Buffer) =>
  gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;

/** The files the service worker precaches, from the manifest Workbox wrote into sw.js. */
async function precacheSize(outDir: string): Promise<{ files: number; gzip: number }> {
  const sw = await readFile(path.join(outDir, 'sw.js'), 'utf8').catch(() => '');
  const urls = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1] as string);
  const sizes = await Promise.all(
    urls.map((url) =>
      readFile(path.join(outDir, url)).then(
        (data) => gzip(data),
        () => 0,
      ),
    ),
  );
  return { files: urls.length, gzip: sizes.reduce((a, b) => a + b, 0) };
}

/** What a reader's browser downloads to show one story, first load. */
export async function checkBudgets(outDir: string, storyHtml: string): Promise<BudgetReport> {
  const manifest = JSON.parse(
    await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const html = await readFile(storyHtml, 'utf8');
  const groups = await Promise.all(
    firstViewScripts(manifest).map(async (group) => ({
      ...group,
      sizes: await Promise.all(
        group.files.map(async (file) => ({
          file,
          gzip: gzip(await readFile(path.join(outDir, file))),
        })),
      ),
    })),
  );
  const files = groups.flatMap((g) => g.sizes);
  // The inline boot scripts are JavaScript the page carries too: count them as the app's.
  const inlineJs = gzip(inlineScriptBodies(html).join('\n'));
  const totalJs = files.reduce((sum, s) => sum + s.gzip, inlineJs);
  const frameworkJs = files
    .filter((s) => /\/framework-/.test(s.file))
    .reduce((sum, s) => sum + s.gzip, 0);
  const report: BudgetReport = {
    groups,
    inlineJs,
    frameworkJs,
    totalJs,
    ownJs: totalJs - frameworkJs,
    css: gzip(inlineStyleBodies(html).join('\n')),
    fontPreloads: (html.match(/<link rel="preload" as="font"/g) ?? []).length,
    precache: await precacheSize(outDir),
    failures: [],
  };
  const over = (what: string, value: number, limit: number) => {
    if (value > limit)
      report.failures.push(`${what}: ${value} bytes gzip, over the budget of ${limit}`);
  };
  over('Scripts a first story view fetches until idle', totalJs, BUDGETS.totalJs);
  over("The app's own JavaScript (beyond the framework)", report.ownJs, BUDGETS.ownJs);
  over('CSS for a first story view', report.css, BUDGETS.css);
  if (report.fontPreloads > BUDGETS.fontPreloads) {
    report.failures.push(
      `${report.fontPreloads} fonts preloaded, over the budget of ${BUDGETS.fontPreloads}: a preloaded font competes with the page for its first round trips`,
    );
  }
  return report;
}

export function formatBudgets(report: BudgetReport): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  const count = report.groups.reduce((n, g) => n + g.files.length, 0);
  const lines = [
    'Budgets for a first story view (gzip -9):',
    `  Scripts until idle  ${kb(report.totalJs)} of ${kb(BUDGETS.totalJs)} in ${count} files and the inline scripts (framework ${kb(report.frameworkJs)}, app ${kb(report.ownJs)} of ${kb(BUDGETS.ownJs)})`,
    `    before the first paint: inline only, ${kb(report.inlineJs)} (theme, size and data saver; the first-taps keeper; the loader)`,
    '    after the first paint (once the page has loaded and its first paint is on screen, or at once when a tap needs the app):',
  ];
  for (const group of report.groups) {
    const size = group.sizes.reduce((sum, s) => sum + s.gzip, 0);
    const names = group.files.map((f) => path.basename(f)).join(', ');
    lines.push(`      ${kb(size).padStart(8)}  ${names}\n                ${group.why}`);
  }
  lines.push(
    `  CSS                 ${kb(report.css)} of ${kb(BUDGETS.css)}, inline in the page`,
    `  Fonts preloaded     ${report.fontPreloads} of ${BUDGETS.fontPreloads}`,
    `  Service worker    with the first saved story, not before: precaches ${report.precache.files} files, ${kb(report.precache.gzip)} (offline reading)`,
  );
  return lines.join('\n');
}
