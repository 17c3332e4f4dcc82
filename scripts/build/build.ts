// `npm run build`: check the content folder (QARI_CONTENT_DIR, default content/),
// build the app with Vite, then publish the whole content into dist/ from nothing
// (scripts/build/site/publish-site.ts, the code `npm run publish` runs): photos, the
// static API, every prerendered page, the search index, sitemaps and feed, and the
// state the next publish starts from. Nothing is written when any content file is invalid.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { checkContent, reportProblems } from './content/build-content.ts';
import { checkBudgets, formatBudgets } from './post-build/check-budgets.ts';
import { DistCompressor, defaultWorkers } from './post-build/compress-dist.ts';
import { cspProblems } from './post-build/inline-scripts.ts';
import { readInlineStyle } from './post-build/inline-stylesheet.ts';
import { appBuildFromEnv } from './site/app-build.ts';
import { replaceDist } from './site/old-dist.ts';
import { publishSite } from './site/publish-site.ts';
import { viteBuildsApart } from './site/vite-apart.ts';

// React on the server in its production build, in this thread and the render pool's
// (Vite's build set this when it ran in this process): the development build checks
// every element, a third of a page's render.
process.env.NODE_ENV ??= 'production';

const app = appBuildFromEnv();
const { contentDir, outDir, ssrDir } = app;
const started = performance.now();
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

// Vite builds the app in a child process while this one checks the content: the two
// use a core each, and Vite's memory (some 400 MiB, whatever the content) goes back to
// the system before the publish. It builds into a folder beside dist/, put in place
// only once the content is valid: bad content leaves the last build's dist/ as it was,
// and stops Vite at once.
const viteOut = `${outDir}.vite-${process.pid}`;
const vite = viteBuildsApart([
  { logLevel: 'warn', build: { outDir: viteOut, emptyOutDir: true } },
  {
    logLevel: 'warn',
    build: { ssr: 'src/entry-server.tsx', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
  },
]);
const { problems, content } = await checkContent(contentDir);
if (!content) {
  await vite.stop();
  await rm(viteOut, { recursive: true, force: true });
  console.error(reportProblems(problems));
  process.exit(1);
}
console.log(`Content: ${content.kept.size} stories in ${contentDir} are valid.`);
await vite.done;
// The last build's files go aside, to be removed once the site is made (old-dist.ts).
const oldDist = await replaceDist(outDir, viteOut);

// The pages' inline scripts and the stylesheet inlined into every page (known once
// Vite has built it) run only if the production CSP lists their hashes: both are
// checked here, so one build names every hash to change.
const headersConf = 'deploy/security-headers.conf';
const headers = await readFile(headersConf, 'utf8');
const style = readInlineStyle(
  await readFile(path.join(outDir, 'index.html'), 'utf8'),
  "the app's stylesheet",
);
const csp = [
  ...cspProblems(headers, headersConf, Object.values(app.inlineScripts)),
  ...cspProblems(headers, headersConf, style ? [style] : [], 'style-src'),
];
if (csp.length > 0) {
  console.error(csp.join('\n'));
  process.exit(1);
}
console.log(`App built in ${seconds(started)} s.`);

const publishStarted = performance.now();
// Each file the publish writes is compressed by worker threads while the main thread
// renders the next pages (every core busy, not one then all); Vite's files at the end.
// One core fewer until then: the main thread's rendering is the longest road, and a
// third thread on two cores slowed it by a third.
const compressor = new DistCompressor(outDir, { workers: defaultWorkers() - 1 });
const published = await publishSite(app, {
  full: true,
  content,
  written: (file) => compressor.add(file),
}).catch((error: unknown) => {
  // A story saved while the build ran (read-story.ts), maybe from a render thread: its line.
  const changed = /articles\/\S+ changed while the build ran[^\n]*/.exec(String(error));
  if (!changed) throw error;
  console.error(changed[0]);
  process.exit(1);
});
if (!published.ok) {
  console.error(reportProblems(published.problems));
  process.exit(1);
}
console.log(
  `Published ${published.stories} stories: ${published.pages} pages, their API, search index, sitemaps and feed in ${seconds(publishStarted)} s.`,
);
const compressStarted = performance.now();
compressor.widen(defaultWorkers());
await compressor.addRest();
const packed = await compressor.done();
console.log(
  `Precompressed ${packed.files} files (gzip and brotli beside each), ${seconds(compressStarted)} s after the publish.`,
);

const [anyStory] = content.kept.keys();
if (anyStory) {
  const budgets = await checkBudgets(outDir, path.join(outDir, 'article', `${anyStory}.html`));
  console.log(formatBudgets(budgets));
  if (budgets.failures.length > 0) {
    console.error(budgets.failures.map((f) => `Over budget: ${f}`).join('\n'));
    process.exit(1);
  }
}
// The last build's files go in the background: the site is built (old-dist.ts).
if (oldDist.aside.length > 0) {
  oldDist.removeOld().catch(() => undefined);
  const names = oldDist.aside.map((dir) => path.relative('.', dir)).join(', ');
  console.log(`Removing the last build's files (${names}) in the background.`);
}
console.log(`Built ${path.relative('.', outDir)}/ in ${seconds(started)} s.`);
// Timers left by libraries (image workers, caches) must not keep the build alive.
process.exit(0);
