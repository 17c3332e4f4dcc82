// `npm run bench [-- --runs 3 --methods simulate,devtools --pages story,limit,front
// --skip-moves --port 8091]`: builds dist/ if
// missing, serves it with the production nginx (PORT or --port), and runs Lighthouse
// (mobile) on a story page, the front page and the limit: the same story as plain HTML
// (scripts/bench/limit-page.ts). Runs are interleaved, story, limit, front, round after
// round and method after method, so the noise of a shared machine falls on all three
// alike. Prints, per throttling method, the medians with their range, FCP and LCP
// ratios against the limit, the category scores and CLS; then the median
// click-to-headline time between stories, warm (prefetched) and cold.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FrontPayload, StoryPayload } from '#content/api-schema.ts';
import { benchStories } from './bench-pages.ts';
import { type LighthouseFigures, runLighthouse, type ThrottlingMethod } from './lighthouse-run.ts';
import { limitPage } from './limit-page.ts';
import { measureNavigation } from './navigation-timing.ts';
import { benchPort, startNginx } from './nginx-server.ts';
import { median, spread } from './stats.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const RUNS = Number(option('runs', '3'));
const METHODS = option('methods', 'simulate,devtools').split(',') as ThrottlingMethod[];
const PORT = benchPort(args, 8091);
const dist = path.resolve(process.env.QARI_DIST ?? 'dist');
const GOAL = 1.1;

type PageName = 'story' | 'limit' | 'front';
const PAGES = option('pages', 'story,limit,front').split(',') as PageName[];

/** Writes the limit page at the top of dist/ (with the precompressed copies nginx serves). */
async function writeLimitPage(payload: StoryPayload): Promise<string[]> {
  const name = `bench-limit-${payload.article.id}.html`;
  const html = limitPage(payload);
  const files = [name, `${name}.gz`, `${name}.br`];
  await writeFile(path.join(dist, name), html);
  await writeFile(path.join(dist, `${name}.gz`), gzipSync(html, { level: 9 }));
  await writeFile(
    path.join(dist, `${name}.br`),
    brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  );
  return files;
}

const ms = (n: number) => `${Math.round(n)}`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)}`;
const ratio = (a: number[], b: number[]) => median(a) / median(b);
const verdict = (r: number) =>
  `${r.toFixed(2)} ${r <= GOAL ? '✓' : '✗'} (goal ≤ ${GOAL.toFixed(2)})`;

function table(rows: [string, LighthouseFigures[]][]): string {
  const cols = ['page', 'FCP ms', 'LCP ms', 'CLS', 'TBT ms', 'perf', 'a11y', 'b.p.', 'SEO'];
  const widths = [6, 20, 20, 7, 8, 15, 15, 15, 15];
  const kbCols = ['JS KB', 'CSS KB', 'font KB', 'img KB', 'HTML KB'];
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[0] ?? 6) : c.padStart(widths[i] ?? 9))).join('');
  const out = [line([...cols, ...kbCols])];
  for (const [name, runs] of rows) {
    const scores = (key: keyof LighthouseFigures['scores']) =>
      spread(
        runs.map((r) => r.scores[key]),
        (n) => String(n),
      );
    const bytes = (key: keyof LighthouseFigures['bytes']) =>
      kb(median(runs.map((r) => r.bytes[key])));
    out.push(
      line([
        name,
        spread(
          runs.map((r) => r.fcp),
          ms,
        ),
        spread(
          runs.map((r) => r.lcp),
          ms,
        ),
        Math.max(...runs.map((r) => r.cls)).toFixed(3),
        ms(median(runs.map((r) => r.tbt))),
        scores('performance'),
        scores('accessibility'),
        scores('bestPractices'),
        scores('seo'),
        bytes('script'),
        bytes('stylesheet'),
        bytes('font'),
        bytes('image'),
        bytes('document'),
      ]),
    );
  }
  return out.join('\n');
}

if (!existsSync(path.join(dist, 'index.html'))) {
  if (process.env.QARI_DIST) throw new Error(`${dist}/index.html is missing`);
  execSync('npm run build', { stdio: 'inherit' });
}
const front = JSON.parse(
  await readFile(path.join(dist, 'api', 'front.json'), 'utf8'),
) as FrontPayload;
const { story } = benchStories(front);
const payload = JSON.parse(
  await readFile(path.join(dist, 'api', 'articles', `${story.id}.json`), 'utf8'),
) as StoryPayload;
const limitFiles = await writeLimitPage(payload);
const server = await startNginx(PORT);
try {
  const urls: Record<PageName, string> = {
    story: `${server.base}/article/${story.id}`,
    limit: `${server.base}/${limitFiles[0]}`,
    front: `${server.base}/`,
  };
  console.log(
    `Measuring ${server.base} — story «${story.headline}» (${story.id}); limit ${urls.limit}\n` +
      `Lighthouse 12.2.3, mobile (slow 4G, 4× CPU), ${RUNS} interleaved runs a page and method (${METHODS.join(', ')})\n`,
  );
  const results = new Map<ThrottlingMethod, Record<PageName, LighthouseFigures[]>>(
    METHODS.map((m) => [m, { story: [], limit: [], front: [] }]),
  );
  // Rounds until every page has RUNS runs under every method; a failed run is said and
  // retried in a later round (at most RUNS extra rounds), never averaged in.
  for (let round = 0; round < RUNS * 2; round++) {
    let pending = false;
    for (const method of METHODS) {
      const byPage = results.get(method) as Record<PageName, LighthouseFigures[]>;
      for (const page of PAGES) {
        if (byPage[page].length >= RUNS) continue;
        pending = true;
        try {
          byPage[page].push(await runLighthouse(urls[page], method));
        } catch (error) {
          console.warn(`Lighthouse (${method}) failed on ${page}: ${(error as Error).message}`);
        }
      }
    }
    if (!pending) break;
  }

  for (const [method, byPage] of results) {
    console.log(`\n— throttling: ${method} — median (min–max) of ${RUNS} runs`);
    console.log(table(PAGES.map((page) => [page, byPage[page]])));
    if (byPage.story.length && byPage.limit.length) {
      const fcp = (p: PageName) => byPage[p].map((r) => r.fcp);
      const lcp = (p: PageName) => byPage[p].map((r) => r.lcp);
      console.log(`story / limit  FCP ${verdict(ratio(fcp('story'), fcp('limit')))}`);
      console.log(`story / limit  LCP ${verdict(ratio(lcp('story'), lcp('limit')))}`);
      if (byPage.front.length)
        console.log(`front / limit  FCP ${verdict(ratio(fcp('front'), fcp('limit')))}`);
    }
  }

  if (!args.includes('--skip-moves')) {
    const headlines = front.latest.slice(0, 7).map((t) => t.headline);
    const nav = await measureNavigation(`${server.base}/`, headlines);
    console.log(
      `\nStory-to-story move, click to headline painted (median of ${headlines.length}): warm ${spread(nav.warm, (n) => n.toFixed(1))} ms (goal ≤ 50), cold ${spread(nav.cold, (n) => n.toFixed(1))} ms`,
    );
  }
} finally {
  await server.stop();
  for (const file of limitFiles) await rm(path.join(dist, file), { force: true });
}
