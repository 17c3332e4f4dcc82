// `npm run bench:publish [-- --count 20000] [-- --dir DIR] [-- --site DIST] [-- --keep] [-- --no-full] [-- --watch-rounds 5]`:
// builds a synthetic site (`npm run build` over `npm run content:generate`'s corpus),
// then publishes one new story, one edit, one deletion and a batch of 100 new stories,
// each as `npm run publish` runs it, in a child process under /usr/bin/time -v, so its
// wall clock and peak memory are its own; then one new story, one edit and one deletion
// saved while `npm run publish -- --watch` runs, each from the save to its publish, in
// rounds (median, range, and the first round apart). Reports the full build's wall clock and peak
// memory too. --dir reuses a content folder (a copy is edited, never the folder).
// Budgets (issue 16): ≤ 1 s per change and ≤ 5 s for 100 at 100,000 stories; the full
// build ≤ 1.5 GiB, and ≤ 62 s at 20,000 stories. --site publishes into a site already
// built from --dir's content (`npm run build`), without a full build of its own: the
// site keeps the bench's stories afterwards (build it again before another run).
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getOrAdd } from '#content/get-or-add.ts';
import { generateContent, parseArgs } from '../dev/generate-content.ts';
import { spread } from './stats.ts';
import { type Timed, timed } from './timed.ts';

const tsx = path.resolve('node_modules/.bin/tsx');
const PUBLISHED = /Published in (\d+) ms[^\n]*\n/;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const count = Number(args.count ?? 20000);
  const root = await mkdtemp(path.join(os.tmpdir(), 'qari-bench-publish-'));
  const content = path.join(root, 'content');
  if (args.dir) await cp(path.resolve(args.dir), content, { recursive: true });
  else await generateContent({ count, out: content });
  const stories = (await readdir(path.join(content, 'articles'))).length;
  const env = {
    ...process.env,
    QARI_CONTENT_DIR: content,
    QARI_DIST_DIR: args.site ? path.resolve(args.site) : path.join(root, 'dist'),
  };
  const rows: [string, string][] = [];
  const fail = (what: string, run: Timed) => {
    console.error(run.out.slice(-4000), run.err.slice(-4000));
    throw new Error(`${what} failed (exit ${run.code})`);
  };

  if (args['no-full'] !== 'true' && !args.site) {
    const build = await timed([tsx, 'scripts/build/build.ts'], env);
    if (build.code !== 0) fail('The build', build);
    const publishLine = /Published \d+ stories: .* in ([\d.]+) s\./.exec(build.out);
    rows.push([
      `full build, ${stories.toLocaleString('en')} stories`,
      `${build.seconds.toFixed(1)} s wall (publish part ${publishLine?.[1] ?? '?'} s), peak ${build.peakMiB.toFixed(0)} MiB`,
    ]);
    console.log(build.out.trim());
  }

  const sample = JSON.parse(
    await readFile(
      path.join(content, 'articles', (await readdir(path.join(content, 'articles')))[0] as string),
      'utf8',
    ),
  );
  const newest = new Date(Date.UTC(2030, 0, 1));
  let serial = 0;
  const addStory = async () => {
    serial++;
    const id = `bench-new-${serial}`;
    const story = {
      ...sample,
      id,
      headline: `${sample.headline} ${serial}`,
      publishedAt: new Date(newest.getTime() + serial * 60_000).toISOString(),
    };
    delete story.related;
    delete story.updatedAt;
    await writeFile(path.join(content, 'articles', `${id}.json`), JSON.stringify(story, null, 2));
    return id;
  };
  const publish = async (what: string) => {
    // As `npm run publish` runs it: from the bundle (scripts/build/run-bundled.mjs).
    const run = await timed(
      [process.execPath, 'scripts/build/run-bundled.mjs', 'scripts/build/publish.ts'],
      env,
    );
    if (run.code !== 0) fail(`Publishing ${what}`, run);
    const line = /Published in (\d+) ms: (\d+) files written, (\d+) removed/.exec(run.out);
    rows.push([
      what,
      `${run.seconds.toFixed(2)} s wall (in-process ${line?.[1] ?? '?'} ms; ${line?.[2]} written, ${line?.[3]} removed), peak ${run.peakMiB.toFixed(0)} MiB`,
    ]);
  };

  // Over a site built before (--site), the copy's mtimes are not quite the folder's:
  // every file is hashed once, and the state takes the new stamps in.
  if (args.site) await publish('first publish over the copy');
  // Warm the file cache the way a live site is: one publish with nothing to do.
  await publish('nothing changed');
  const first = await addStory();
  await publish('one new story');
  const editFile = path.join(content, 'articles', `${first}.json`);
  const edited = JSON.parse(await readFile(editFile, 'utf8'));
  edited.headline = `${edited.headline} (محدّث)`;
  edited.updatedAt = new Date(newest.getTime() + 3 * 60 * 60_000).toISOString();
  await writeFile(editFile, JSON.stringify(edited, null, 2));
  await publish('one edit');
  await unlink(editFile);
  await publish('one deletion');
  for (let i = 0; i < 100; i++) await addStory();
  await publish('100 new stories');

  // The same changes saved while `npm run publish -- --watch` runs: from the save to the
  // line that says it is published (the 50 ms debounce included).
  const watcher = spawn(
    process.execPath,
    ['scripts/build/run-bundled.mjs', 'scripts/build/publish.ts', '--watch'],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let pending = '';
  let published: ((ms: string) => void) | undefined;
  watcher.stdout.on('data', (chunk) => {
    pending += chunk;
    for (let m = PUBLISHED.exec(pending); m; m = PUBLISHED.exec(pending)) {
      pending = pending.slice(m.index + m[0].length);
      published?.(m[1] as string);
    }
  });
  const nextPublish = () =>
    new Promise<string>((resolve) => {
      published = resolve;
    });
  let stopping = false;
  watcher.on('exit', (code) => {
    if (stopping) return;
    console.error(`npm run publish -- --watch ended (exit ${code})`);
    process.exit(1);
  });
  await nextPublish();
  // Rounds of the three changes: the first is a process's first change (code run for
  // the first time), the rest what a newsroom's watcher does all day; the median of
  // every round, then the first apart.
  const rounds = Number(args['watch-rounds'] ?? 5);
  const fromSave = new Map<string, { seconds: number[]; inProcess: number[] }>();
  const watched = async (what: string, change: () => Promise<unknown>) => {
    const done = nextPublish();
    const started = performance.now();
    await change();
    const inProcess = Number(await done);
    const times = getOrAdd(fromSave, what, () => ({ seconds: [], inProcess: [] }));
    times.seconds.push((performance.now() - started) / 1000);
    times.inProcess.push(inProcess);
  };
  for (let round = 0; round < rounds; round++) {
    let watchedId = '';
    await watched('one new story', async () => {
      watchedId = await addStory();
    });
    await watched('one edit', async () => {
      const file = path.join(content, 'articles', `${watchedId}.json`);
      const story = JSON.parse(await readFile(file, 'utf8'));
      await writeFile(file, JSON.stringify({ ...story, headline: `${story.headline} (محدّث)` }));
    });
    await watched('one deletion', () =>
      unlink(path.join(content, 'articles', `${watchedId}.json`)),
    );
  }
  for (const [what, { seconds, inProcess }] of fromSave) {
    rows.push([
      `${what}, --watch`,
      `${spread(seconds, (n) => n.toFixed(2))} s from save, ${rounds} rounds (in-process ${spread(inProcess, (n) => n.toFixed(0))} ms); the first ${seconds[0]?.toFixed(2)} s`,
    ]);
  }
  stopping = true;
  watcher.kill();

  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(
    `\nbench:publish (${os.availableParallelism()} CPUs, load ${os.loadavg()[0]?.toFixed(1)})`,
  );
  for (const [key, value] of rows) console.log(`${key.padEnd(width)}  ${value}`);
  if (args.keep === 'true') console.log(`Kept: ${root}`);
  else await rm(root, { recursive: true, force: true });
}

await main();
