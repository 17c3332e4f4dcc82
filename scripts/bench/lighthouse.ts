// `npm run bench`: builds (if needed), serves dist/ with the production nginx, and
// prints side by side Lighthouse (mobile) for a story page, the front page and the
// same story as plain static HTML with no script (the limit); LCP(app) / LCP(limit);
// the median click-to-headline time between stories, warm (prefetched) and cold;
// and the bytes of JS, CSS and fonts each page loads.
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FrontPayload } from '#content/api-schema.ts';
import { type LighthouseFigures, runLighthouse } from './lighthouse-run.ts';
import { measureNavigation, median } from './navigation-timing.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const RUNS = Number(option('runs', '3'));
const PORT = Number(option('port', '8091'));
const BASE = `http://127.0.0.1:${PORT}`;
const dist = path.resolve('dist');

function startServer(): ChildProcess {
  const server = spawn('bash', ['deploy/serve-nginx.sh'], {
    env: { ...process.env, PORT: String(PORT) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return server;
}

async function waitFor(url: string, seconds = 120) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** The same story as a plain static page: the prerendered HTML without any script. */
async function writeLimitPage(storyId: string): Promise<string> {
  const html = await readFile(path.join(dist, 'article', `${storyId}.html`), 'utf8');
  const plain = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '');
  // A plain file at the root: any static server answers it as it is.
  const name = `bench-limit-${storyId}.html`;
  await writeFile(path.join(dist, name), plain);
  await writeFile(path.join(dist, `${name}.gz`), gzipSync(plain, { level: 9 }));
  return `/${name}`;
}

async function lighthouseMedian(url: string): Promise<LighthouseFigures> {
  const runs: LighthouseFigures[] = [];
  const failures: string[] = [];
  // A run Lighthouse could not finish is retried (at most RUNS more times) and said, never averaged in.
  for (let attempt = 0; runs.length < RUNS && attempt < RUNS * 2; attempt++) {
    try {
      runs.push(await runLighthouse(url));
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  for (const failure of failures) console.warn(`Lighthouse run failed for ${url}: ${failure}`);
  if (runs.length === 0) throw new Error(`No Lighthouse run finished for ${url}`);
  // The run with the median LCP stands for the page.
  return [...runs].sort((a, b) => a.lcp - b.lcp)[Math.floor(runs.length / 2)] as LighthouseFigures;
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function table(rows: [string, LighthouseFigures][]): string {
  const head = `${'page'.padEnd(16)}${pad('LCP', 9)}${pad('CLS', 7)}${pad('TBT', 8)}${pad('perf', 6)}${pad('a11y', 6)}${pad('b.p.', 6)}${pad('SEO', 6)}${pad('JS', 10)}${pad('CSS', 9)}${pad('fonts', 9)}`;
  const lines = rows.map(
    ([name, f]) =>
      `${name.padEnd(16)}${pad(`${Math.round(f.lcp)} ms`, 9)}${pad(f.cls.toFixed(3), 7)}${pad(`${Math.round(f.tbt)} ms`, 8)}${pad(f.scores.performance, 6)}${pad(f.scores.accessibility, 6)}${pad(f.scores.bestPractices, 6)}${pad(f.scores.seo, 6)}${pad(kb(f.bytes.script), 10)}${pad(kb(f.bytes.stylesheet), 9)}${pad(kb(f.bytes.font), 9)}`,
  );
  return [head, ...lines].join('\n');
}

if (!existsSync(path.join(dist, 'index.html')) || args.includes('--build')) {
  execSync('npm run build', { stdio: 'inherit' });
}
const front = JSON.parse(
  await readFile(path.join(dist, 'api', 'front.json'), 'utf8'),
) as FrontPayload;
const story = [front.lead, ...front.latest].find((t) => t?.image) ?? front.lead ?? front.latest[0];
if (!story) throw new Error('The corpus has no stories to measure.');
const limitPath = await writeLimitPage(story.id);
const server = startServer();
try {
  await waitFor(`${BASE}/api/sections.json`);
  console.log(
    `Measuring ${BASE} — story «${story.headline}» (${story.id}), ${RUNS} Lighthouse run(s) a page\n`,
  );
  const storyFigures = await lighthouseMedian(`${BASE}/article/${story.id}`);
  const limitFigures = await lighthouseMedian(`${BASE}${limitPath}`);
  const frontFigures = await lighthouseMedian(`${BASE}/`);
  console.log('Lighthouse 12.2.3, mobile (simulated slow 4G, 4× CPU):');
  console.log(
    table([
      ['story (app)', storyFigures],
      ['story (limit)', limitFigures],
      ['front (app)', frontFigures],
    ]),
  );
  console.log(
    `\nLCP ratio app / limit: ${(storyFigures.lcp / limitFigures.lcp).toFixed(2)} (goal ≤ 1.10)`,
  );

  const headlines = front.latest.slice(0, 7).map((t) => t.headline);
  const nav = await measureNavigation(`${BASE}/`, headlines);
  console.log(
    `Story-to-story move, click to headline painted (median of ${headlines.length}): warm ${median(nav.warm).toFixed(1)} ms (goal ≤ 50), cold ${median(nav.cold).toFixed(1)} ms`,
  );
} finally {
  server.kill('SIGTERM');
  await rm(path.join(dist, limitPath.slice(1)), { force: true });
  await rm(path.join(dist, `${limitPath.slice(1)}.gz`), { force: true });
}
