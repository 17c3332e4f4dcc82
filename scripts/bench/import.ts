// `npm run bench:import [-- --items 10000] [--threads n]`: imports one RSS feed of N
// WordPress-like items (Arabic text with Latin runs, content:encoded with headings, figures,
// lists, links, a script to drop) into an empty folder, as `npm run import -- feed` does,
// and reports the time and the process's peak memory against the budget: 10,000 items in
// under 10 s and under 1 GiB. Threads are chosen as the importer chooses them, or --threads.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from '../import/run-import.ts';
import { benchFeed } from './import-corpus.ts';

const BUDGET_SECONDS = 10;
const BUDGET_BYTES = 1024 ** 3;

const { values } = parseArgs({
  options: { items: { type: 'string', default: '10000' }, threads: { type: 'string' } },
});
const count = Number(values.items);

/** Writes the feed and lets go of it, so that the peak memory measured is the importer's. */
async function writeFeed(file: string): Promise<number> {
  const xml = benchFeed(count);
  await writeFile(file, xml);
  return Buffer.byteLength(xml);
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-bench-import-'));
try {
  const feed = path.join(dir, 'feed.xml');
  const feedBytes = await writeFeed(feed);
  const out = path.join(dir, 'content');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await runImport({
    format: 'feed',
    inputs: [feed],
    outDir: out,
    fetchMedia: false,
    dryRun: false,
    prune: false,
    limits: { maxBytes: 200 * 1024 * 1024, timeoutMs: 20_000 },
    ...(values.threads ? { threads: Number(values.threads) } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // System time is mostly the file system creating 10,000 files: it varies with others' disk use.
  const split = `user ${(cpu.user / 1e6).toFixed(2)} + system ${(cpu.system / 1e6).toFixed(2)}`;
  const peak = process.resourceUsage().maxRSS * 1024;
  const imported = report.items.filter((i) => i.status === 'imported').length;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `Imported ${imported} of ${count} feed items (${mb(feedBytes)} of RSS) in ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s: ${split}); peak RSS ${mb(peak)}.`,
  );
  // Wall time on a shared machine includes waiting for the cores: the load says how busy they were.
  console.log(
    `Load average while measuring: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} on ${os.cpus().length} cores.`,
  );
  console.log(`Budget: under ${BUDGET_SECONDS} s and under ${mb(BUDGET_BYTES)} for 10,000 items.`);
  const over =
    imported !== count || (count >= 10_000 && (seconds > BUDGET_SECONDS || peak > BUDGET_BYTES));
  if (over) {
    console.error(report.failures.map((f) => `${f.input}: ${f.message}`).join('\n'));
    console.error('Over budget (or items missing).');
    process.exitCode = 1;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
