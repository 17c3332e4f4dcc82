// `npm run bench:content [-- --count 20000] [-- --dir DIR] [-- --cold] [-- --keep]`:
// times the content part of the build (checkContent + writeContent) on a synthetic
// corpus, in a child process so its peak memory is its own. The budget is 15 s and
// 1 GiB for 20,000 stories. --dir reuses a content folder instead of generating one;
// --cold uses an empty media cache (renditions encoded afresh) instead of the normal one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkContent, reportProblems, writeContent } from '../build/content/build-content.ts';
import { generateContent, parseArgs } from '../dev/generate-content.ts';

const BUDGET_SECONDS_PER_20K = 15;
const BUDGET_MIB = 1024;
const TIME = '/usr/bin/time';
const MiB = 1024 * 1024;

type ChildReport = {
  stories: number;
  files: number;
  media: number;
  checkSeconds: number;
  writeSeconds: number;
  maxRssKiB: number;
};

/** In the child: the content build exactly as scripts/build/build.ts runs it, minus Vite. */
async function runChild(dir: string, out: string, cache: string): Promise<void> {
  const started = performance.now();
  const { problems, corpus } = await checkContent(dir);
  if (!corpus) {
    console.error(reportProblems(problems));
    process.exit(1);
  }
  const checked = performance.now();
  const stats = await writeContent(corpus, out, cache);
  const report: ChildReport = {
    ...stats,
    checkSeconds: (checked - started) / 1000,
    writeSeconds: (performance.now() - checked) / 1000,
    // process.resourceUsage().maxRSS is in KiB on Linux and macOS.
    maxRssKiB: process.resourceUsage().maxRSS,
  };
  console.log(`BENCH ${JSON.stringify(report)}`);
}

function run(command: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out, err }));
  });
}

/** "1:02.34" or "0:12.50" or "1:00:02" from GNU time's wall-clock line, in seconds. */
function clockSeconds(text: string): number {
  return text
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
}

async function outputStats(dir: string) {
  let files = 0;
  let bytes = 0;
  let largestJson = { file: '', bytes: 0 };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { size } = await stat(file);
    files++;
    bytes += size;
    if (entry.name.endsWith('.json') && size > largestJson.bytes) {
      largestJson = { file: path.relative(dir, file), bytes: size };
    }
  }
  return { files, bytes, largestJson };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    await runChild(args.dir as string, args.out as string, args.cache as string);
    return;
  }
  const count = Number(args.count ?? 20000);
  const temps: string[] = [];
  const temp = async (prefix: string) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    temps.push(dir);
    return dir;
  };

  let dir: string;
  if (args.dir) {
    dir = path.resolve(args.dir);
    console.log(`Content: ${dir} (reused)`);
  } else {
    dir = await temp('qari-bench-content-');
    const started = performance.now();
    await generateContent({ count, out: dir });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Generated ${count} stories in ${seconds} s: ${dir}`);
  }
  const out = await temp('qari-bench-out-');
  const cache = args.cold
    ? await temp('qari-bench-cache-')
    : path.resolve('node_modules/.cache/qari-media');

  const script = fileURLToPath(import.meta.url);
  const childArgs = [
    '--import',
    'tsx',
    script,
    '--child',
    '--dir',
    dir,
    '--out',
    out,
    '--cache',
    cache,
  ];
  const timed = existsSync(TIME);
  const started = performance.now();
  const result = timed
    ? await run(TIME, ['-v', process.execPath, ...childArgs])
    : await run(process.execPath, childArgs);
  const wallSeconds = (performance.now() - started) / 1000;
  const line = result.out.split('\n').find((l) => l.startsWith('BENCH '));
  if (result.code !== 0 || !line) {
    console.error(result.out, result.err);
    console.error(`The content build failed (exit ${result.code}).`);
    process.exitCode = 1;
    return;
  }
  const report = JSON.parse(line.slice('BENCH '.length)) as ChildReport;
  const rssLine = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.err);
  const clockLine = /Elapsed \(wall clock\) time[^:]*: ([\d:.]+)/.exec(result.err);
  const rssMiB = (rssLine ? Number(rssLine[1]) : report.maxRssKiB) / 1024;
  const seconds = clockLine ? clockSeconds(clockLine[1] as string) : wallSeconds;
  const output = await outputStats(out);
  const perK = report.stories / 1000;

  const rows: [string, string][] = [
    ['stories', report.stories.toLocaleString('en')],
    ['total seconds (child, wall clock)', seconds.toFixed(2)],
    ['  check (read + validate)', report.checkSeconds.toFixed(2)],
    ['  write (renditions + JSON)', report.writeSeconds.toFixed(2)],
    ['seconds per 1,000 stories', (seconds / perK).toFixed(3)],
    [`peak RSS MiB (${rssLine ? '/usr/bin/time -v' : 'resourceUsage'})`, rssMiB.toFixed(1)],
    ['MiB per 1,000 stories', (rssMiB / perK).toFixed(2)],
    ['output files', output.files.toLocaleString('en')],
    [
      'output bytes',
      `${output.bytes.toLocaleString('en')} (${(output.bytes / MiB).toFixed(1)} MiB)`,
    ],
    ['photos with renditions', String(report.media)],
    [
      'largest JSON file',
      `${output.largestJson.file} (${output.largestJson.bytes.toLocaleString('en')} bytes)`,
    ],
    ['media cache', args.cold ? 'cold (empty temp folder)' : cache],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [key, value] of rows) console.log(`${key.padEnd(width)}  ${value}`);

  const secondsBudget = (BUDGET_SECONDS_PER_20K * report.stories) / 20000;
  const within = seconds < secondsBudget && rssMiB < BUDGET_MIB;
  console.log(
    `Budget: ${secondsBudget.toFixed(1)} s and ${BUDGET_MIB} MiB for ${report.stories} stories → ${within ? 'within budget' : 'OVER BUDGET'}`,
  );
  if (!within) process.exitCode = 1;

  if (args.keep) console.log(`Kept: ${temps.join(' ')}`);
  else await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
