// `npm run build`: check the content folder (QARI_CONTENT_DIR, default content/),
// build the app with Vite, write the static API and photos into dist/, then
// prerender every story, the front page and each section's and tag's first page.
// Nothing is written when any content file is invalid.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { checkContent, reportProblems, writeContent } from './content/build-content.ts';
import { checkBudgets, formatBudgets } from './post-build/check-budgets.ts';
import { compressDist } from './post-build/compress-dist.ts';
import { cspProblems, readInlineScript } from './post-build/inline-scripts.ts';
import { readInlineStyle } from './post-build/inline-stylesheet.ts';
import { prerenderSite } from './prerender/prerender-site.ts';
import { writeSiteFiles } from './prerender/site-files.ts';

const contentDir = path.resolve(process.env.QARI_CONTENT_DIR ?? 'content');
const siteUrl = (process.env.QARI_SITE_URL ?? 'http://localhost:5173').replace(/\/$/, '');
// QARI_DIST_DIR builds elsewhere than dist/ (the import flow builds a temporary folder
// while the rest of the suite serves dist/); its server bundle gets its own cache folder
// (inside node_modules, where the bundle's imports resolve).
const outDir = path.resolve(process.env.QARI_DIST_DIR ?? 'dist');
const ssrDir = path.resolve(
  'node_modules/.cache',
  process.env.QARI_DIST_DIR
    ? `qari-ssr-${createHash('sha256').update(outDir).digest('hex').slice(0, 8)}`
    : 'qari-ssr',
);
const started = performance.now();
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

const { problems, corpus } = await checkContent(contentDir);
if (!corpus) {
  console.error(reportProblems(problems));
  process.exit(1);
}
console.log(`Content: ${corpus.articles.length} stories in ${contentDir} are valid.`);

// The pages' inline scripts run only if the production CSP lists their hashes.
const inlineScripts = {
  preferencesBoot: readInlineScript('preferencesBoot'),
  dataSaver: readInlineScript('dataSaver'),
  firstTaps: readInlineScript('firstTaps'),
  appLoader: readInlineScript('appLoader'),
};

await build({ logLevel: 'warn', build: { outDir } });
// And the stylesheet inlined into every page, known once Vite has built it: both are
// checked here, so one build names every hash to change.
const headersConf = 'deploy/security-headers.conf';
const headers = await readFile(headersConf, 'utf8');
const style = readInlineStyle(
  await readFile(path.join(outDir, 'index.html'), 'utf8'),
  "the app's stylesheet",
);
const csp = [
  ...cspProblems(headers, headersConf, Object.values(inlineScripts)),
  ...cspProblems(headers, headersConf, style ? [style] : [], 'style-src'),
];
if (csp.length > 0) {
  console.error(csp.join('\n'));
  process.exit(1);
}
const stats = await writeContent(corpus, outDir, path.resolve('node_modules/.cache/qari-media'));
console.log(
  `API: ${stats.files} JSON files, ${stats.media} photos with renditions (${seconds(started)} s).`,
);

const prerenderStarted = performance.now();
await build({
  logLevel: 'warn',
  build: { ssr: 'src/entry-server.tsx', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
});
const { pages, stories, lists } = await prerenderSite({
  outDir,
  ssrEntry: path.join(ssrDir, 'entry-server.js'),
  siteUrl,
  firstTaps: inlineScripts.firstTaps,
  appLoader: inlineScripts.appLoader,
});
await writeSiteFiles(outDir, siteUrl, stories, lists);
console.log(`Prerendered ${pages} pages, sitemaps and feed in ${seconds(prerenderStarted)} s.`);
const compressStarted = performance.now();
const packed = await compressDist(outDir);
console.log(
  `Precompressed ${packed.files} files (gzip and brotli beside each) in ${seconds(compressStarted)} s.`,
);

const anyStory = stories[0];
if (anyStory) {
  const budgets = await checkBudgets(outDir, path.join(outDir, 'article', `${anyStory.id}.html`));
  console.log(formatBudgets(budgets));
  if (budgets.failures.length > 0) {
    console.error(budgets.failures.map((f) => `Over budget: ${f}`).join('\n'));
    process.exit(1);
  }
}
console.log(`Built ${path.relative('.', outDir)}/ in ${seconds(started)} s.`);
// Timers left by libraries (image workers, caches) must not keep the build alive.
process.exit(0);
