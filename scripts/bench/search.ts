// `npm run bench:search [-- --count 20000] [-- --dir DIR] [-- --queries 200]`: builds the
// search index of a synthetic corpus (or of DIR) exactly as the content build does, then
// reports its size (raw and gzip, per shard and in all) and query times (median, p95)
// through the browser's own search code: the first page (newest shard, as most queries
// need) and the worst case (every shard searched: a rare word, or a deep page).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { SearchDoc, SearchManifest } from '#content/api-schema.ts';
import {
  normalizeArabic,
  queryWords,
  searchIndexOptions,
  tokenizeWords,
} from '#content/arabic-search-terms.ts';
import type { LoadedShard } from '#features/search/api/search-index-query.ts';
import { searchShard } from '#features/search/model/search-shard.ts';
import { checkContent, reportProblems } from '../build/content/build-content.ts';
import { searchIndexFiles } from '../build/content/search-index.ts';
import { generateContent, parseArgs, seededRandom } from '../dev/generate-content.ts';

const BUDGET_MS = 50;
const KB = 1024;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Realistic queries: headline words as readers type them (no hamza, with clitics, partial, pairs). */
function makeQueries(docs: readonly SearchDoc[], count: number): string[] {
  const random = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const words = docs
    .slice(0, 4000)
    .flatMap((d) => tokenizeWords(d.headline))
    .filter((w) => normalizeArabic(w).length >= 3);
  const queries: string[] = [];
  while (queries.length < count) {
    const word = pick(words);
    const kind = queries.length % 5;
    if (kind === 0) queries.push(word);
    else if (kind === 1) queries.push(word.replace(/[أإآ]/g, 'ا').replace(/ة$/, 'ه'));
    else if (kind === 2) queries.push(`و${word.startsWith('ال') ? word : `ال${word}`}`);
    else if (kind === 3) queries.push(`${word} ${pick(words)}`);
    else queries.push(word.slice(0, Math.max(3, word.length - 2))); // half typed
  }
  return queries;
}

function timeQueries(shards: readonly LoadedShard[], queries: readonly string[]) {
  const times: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const started = performance.now();
    const words = queryWords(query);
    for (const shard of shards) hits += searchShard(shard, words).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), hits };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const count = Number(args.count ?? 20000);
  const queryCount = Number(args.queries ?? 200);
  let dir = args.dir ? path.resolve(args.dir) : '';
  let temp = '';
  if (!dir) {
    temp = await mkdtemp(path.join(os.tmpdir(), 'qari-bench-search-'));
    dir = temp;
    await generateContent({ count, out: dir });
  }
  const { problems, corpus } = await checkContent(dir);
  if (!corpus) {
    console.error(reportProblems(problems));
    process.exit(1);
  }

  const buildStarted = performance.now();
  const files = [...searchIndexFiles(corpus)].map(({ path: p, payload }) => ({
    path: p,
    json: JSON.stringify(payload),
  }));
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const manifestFile = files.find((f) => f.path.endsWith('manifest.json'));
  const manifest = JSON.parse(manifestFile?.json ?? '{}') as SearchManifest;

  const shards: LoadedShard[] = [];
  const loadTimes: number[] = [];
  let raw = 0;
  let gzip = 0;
  const rows: string[] = [];
  for (const file of files) {
    const size = Buffer.byteLength(file.json);
    const gz = gzipSync(file.json).length;
    raw += size;
    gzip += gz;
    rows.push(
      `  ${file.path.padEnd(28)} ${(size / KB).toFixed(0).padStart(7)} KB  ${(gz / KB).toFixed(0).padStart(6)} KB gzip`,
    );
    if (file.path === manifestFile?.path) continue;
    const started = performance.now();
    const parsed = JSON.parse(file.json) as {
      docs: SearchDoc[];
      index: Parameters<typeof MiniSearch.loadJS>[0];
    };
    shards.push({ index: MiniSearch.loadJS(parsed.index, searchIndexOptions), docs: parsed.docs });
    loadTimes.push(performance.now() - started);
  }

  const queries = makeQueries(
    shards.flatMap((s) => s.docs),
    queryCount,
  );
  // Warm up the JIT as a page that has already answered one query would be.
  timeQueries(shards, queries.slice(0, 20));
  const first = timeQueries(shards.slice(0, 1), queries);
  const all = timeQueries(shards, queries);

  const firstShard = files[0];
  const firstGzip = firstShard ? gzipSync(firstShard.json).length : 0;
  console.log(`Search index for ${corpus.articles.length.toLocaleString('en')} stories (${dir})`);
  console.log(
    `  built in ${buildSeconds.toFixed(2)} s; ${manifest.shards.length} shards of ≤ ${manifest.shards[0]?.stories ?? 0} stories; ${manifest.bodyWords} body words indexed`,
  );
  for (const row of rows) console.log(row);
  console.log(
    `  total                        ${(raw / KB).toFixed(0).padStart(7)} KB  ${(gzip / KB).toFixed(0).padStart(6)} KB gzip`,
  );
  console.log(
    `First query downloads: manifest + newest shard = ${((firstGzip + gzipSync(manifestFile?.json ?? '').length) / KB).toFixed(0)} KB gzip`,
  );
  console.log(
    `Shard load (JSON.parse + MiniSearch.loadJS), median: ${percentile(
      [...loadTimes].sort((a, b) => a - b),
      0.5,
    ).toFixed(1)} ms`,
  );
  console.log(
    `${queries.length} queries, e.g. ${queries
      .slice(0, 5)
      .map((q) => `«${q}»`)
      .join(' ')}`,
  );
  console.log(
    `  newest shard (first page): median ${first.median.toFixed(2)} ms, p95 ${first.p95.toFixed(2)} ms`,
  );
  console.log(
    `  every shard (worst case):  median ${all.median.toFixed(2)} ms, p95 ${all.p95.toFixed(2)} ms (${all.hits.toLocaleString('en')} hits)`,
  );
  const within = all.p95 < BUDGET_MS;
  console.log(
    `Budget: p95 under ${BUDGET_MS} ms with every shard → ${within ? 'within budget' : 'OVER BUDGET'}`,
  );
  if (!within) process.exitCode = 1;
  if (temp) await rm(temp, { recursive: true, force: true });
}

await main();
