// `npm run bench:content [-- --count 20000] [-- --dir DIR] [-- --out DIR]`: the content build's own
// work, as `npm run build` does it — the whole content folder checked (before Vite), then
// the search index built and written (after the pages) — in a child process under
// /usr/bin/time -v, so its wall clock and peak memory are its own. The story and list
// files are written with their pages, and timed with the full build (`bench:publish`).
// --out: where to write the index (a temporary folder by default; its disk counts: on
// this machine's ext4 disk the writes take twice as long as the work, on /dev/shm not).
// Budget (issue 17): 15 s and 1 GiB at 20,000 stories.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkContent, reportProblems } from '../build/content/build-content.ts';
import { readStory } from '../build/content/read-story.ts';
import { writeSearchIndex } from '../build/content/search-index.ts';
import { SiteWriter } from '../build/site/site-writer.ts';
import { generateContent, parseArgs } from '../dev/generate-content.ts';
import { timed } from './timed.ts';

const BUDGET = { secondsAt20k: 15, mib: 1024 };
const REPORT = /^CONTENT (.*)$/m;

type ChildReport = { stories: number; checkSeconds: number; indexSeconds: number; files: number };

/** In the child: check the folder, then write the index as the build's writer does. */
async function child(dir: string, out: string): Promise<void> {
  const started = performance.now();
  const { problems, content } = await checkContent(dir);
  if (!content) {
    console.error(reportProblems(problems));
    process.exit(1);
  }
  const checked = performance.now();
  const writer = new SiteWriter(out, false);
  // As the build: each story read again when its turn comes.
  const search = {
    stories: [...content.kept.values()],
    article: (id: string) => readStory(content.dir, id, content.kept.get(id)?.file.hash),
    sections: new Map(content.sections.map((s) => [s.id, s])),
  };
  await writeSearchIndex(search, (file, payload) =>
    writer.write(file.slice(1), JSON.stringify(payload)),
  );
  await writer.settle();
  const report: ChildReport = {
    stories: content.kept.size,
    checkSeconds: (checked - started) / 1000,
    indexSeconds: (performance.now() - checked) / 1000,
    files: writer.handOff.content.length,
  };
  console.log(`CONTENT ${JSON.stringify(report)}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return child(String(args.child), String(args.out));
  const count = Number(args.count ?? 20000);
  const root = await mkdtemp(path.join(os.tmpdir(), 'qari-bench-content-'));
  try {
    const dir = args.dir ? path.resolve(String(args.dir)) : path.join(root, 'content');
    if (!args.dir) await generateContent({ count, out: dir });
    const tsx = path.resolve('node_modules/.bin/tsx');
    const out = args.out
      ? path.resolve(String(args.out), 'qari-bench-content')
      : path.join(root, 'dist');
    const run = await timed(
      [tsx, 'scripts/bench/content.ts', '--child', dir, '--out', out],
      process.env,
    );
    if (args.out) await rm(out, { recursive: true, force: true });
    const line = REPORT.exec(run.out)?.[1];
    if (run.code !== 0 || !line) {
      console.error(run.out.slice(-4000), run.err.slice(-4000));
      throw new Error(`the content build failed (exit ${run.code})`);
    }
    const report = JSON.parse(line) as ChildReport;
    const stories = (await readdir(path.join(dir, 'articles'))).length;
    const budget = (BUDGET.secondsAt20k * stories) / 20000;
    console.log(`Content build of ${stories.toLocaleString('en')} stories (${dir}), into ${out}`);
    console.log(`  check of the folder  ${report.checkSeconds.toFixed(1)} s`);
    console.log(
      `  search index         ${report.indexSeconds.toFixed(1)} s (${report.files.toLocaleString('en')} files written)`,
    );
    console.log(
      `  the process          ${run.seconds.toFixed(1)} s wall with its start, peak ${run.peakMiB.toFixed(0)} MiB`,
    );
    const work = report.checkSeconds + report.indexSeconds;
    const missed = [
      work > budget ? `${work.toFixed(1)} s > ${budget.toFixed(1)} s` : '',
      run.peakMiB > BUDGET.mib ? `${run.peakMiB.toFixed(0)} MiB > ${BUDGET.mib} MiB` : '',
    ].filter(Boolean);
    console.log(
      `Budget: ${BUDGET.secondsAt20k} s per 20,000 stories (${budget.toFixed(1)} s here) and ${BUDGET.mib} MiB: ${missed.length ? `MISSED (${missed.join(', ')})` : `within (${work.toFixed(1)} s)`}`,
    );
    if (missed.length) process.exitCode = 1;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
