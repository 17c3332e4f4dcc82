// Performance budgets for a first story view, checked on every build: JavaScript
// (total, and the app's own on top of the framework), CSS, and critical fonts.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { routeModules } from '#app/route-modules.ts';
import type { Manifest } from '../prerender/route-assets.ts';
import { inlineScriptBodies } from './inline-scripts.ts';

export const BUDGETS = {
  /** React + React Router + TanStack Query measure ≈104 KB here, bare. */
  totalJs: 130_000,
  ownJs: 25_000,
  css: 20_000,
  criticalFonts: 2,
};

export type BudgetReport = {
  js: { file: string; gzip: number }[];
  frameworkJs: number;
  totalJs: number;
  ownJs: number;
  css: number;
  criticalFonts: number;
  failures: string[];
};

const gzipSize = async (file: string) =>
  gzipSync(await readFile(file), { level: constants.Z_BEST_COMPRESSION }).length;

function collect(manifest: Manifest, keys: string[]) {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return { js: [...js], css: [...css] };
}

/** What a reader's browser downloads to show one story, first load. */
export async function checkBudgets(outDir: string, storyHtml: string): Promise<BudgetReport> {
  const manifest = JSON.parse(
    await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const { js, css } = collect(manifest, ['index.html', routeModules.story.file]);
  const html = await readFile(storyHtml, 'utf8');
  const sizes = await Promise.all(
    js.map(async (file) => ({ file, gzip: await gzipSize(path.join(outDir, file)) })),
  );
  // The inline boot scripts are JavaScript the page carries too: count them as the app's.
  const inline = inlineScriptBodies(html).join('\n');
  if (inline) sizes.push({ file: '(inline scripts)', gzip: gzipSync(inline, { level: 9 }).length });
  const totalJs = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const frameworkJs = sizes
    .filter((s) => /\/framework-/.test(s.file))
    .reduce((sum, s) => sum + s.gzip, 0);
  const cssSizes = await Promise.all(css.map((file) => gzipSize(path.join(outDir, file))));
  const cssTotal = cssSizes.reduce((sum, n) => sum + n, 0);
  const criticalFonts = (html.match(/<link rel="preload" as="font"/g) ?? []).length;
  const report: BudgetReport = {
    js: sizes,
    frameworkJs,
    totalJs,
    ownJs: totalJs - frameworkJs,
    css: cssTotal,
    criticalFonts,
    failures: [],
  };
  const over = (what: string, value: number, limit: number) => {
    if (value > limit)
      report.failures.push(`${what}: ${value} bytes gzip, over the budget of ${limit}`);
  };
  over('JavaScript for a first story view', totalJs, BUDGETS.totalJs);
  over("The app's own JavaScript (beyond the framework)", report.ownJs, BUDGETS.ownJs);
  over('CSS for a first story view', cssTotal, BUDGETS.css);
  if (criticalFonts > BUDGETS.criticalFonts) {
    report.failures.push(
      `${criticalFonts} fonts on the critical path, over the budget of ${BUDGETS.criticalFonts}`,
    );
  }
  return report;
}

export function formatBudgets(report: BudgetReport): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  return [
    'Budgets for a first story view (gzip -9):',
    `  JavaScript  ${kb(report.totalJs)} of ${kb(BUDGETS.totalJs)} (framework ${kb(report.frameworkJs)}, app ${kb(report.ownJs)} of ${kb(BUDGETS.ownJs)})`,
    `  CSS         ${kb(report.css)} of ${kb(BUDGETS.css)}`,
    `  Fonts       ${report.criticalFonts} preloaded of ${BUDGETS.criticalFonts}`,
  ].join('\n');
}
