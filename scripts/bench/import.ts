// `npm run bench:import [-- --items 10000]`: imports one RSS feed of N WordPress-like items
// (Arabic text with Latin runs, content:encoded with headings, figures, lists, links, a
// script to drop) into an empty folder, as `npm run import -- feed` does, and reports the
// time and the process's peak memory against the budget: 10,000 items in under 10 s and
// under 1 GiB.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from '../import/run-import.ts';

const BUDGET_SECONDS = 10;
const BUDGET_BYTES = 1024 ** 3;

const { values } = parseArgs({ options: { items: { type: 'string', default: '10000' } } });
const count = Number(values.items);

const WORDS =
  'أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني وتعزيز الاستثمار في الطاقة المتجددة والبنية التحتية والتعليم والصحة في المدن والقرى'.split(
    ' ',
  );
const CATEGORIES = [
  'سياسة',
  'اقتصاد',
  'رياضة',
  'ثقافة',
  'تكنولوجيا',
  'صحة',
  'العالم',
  'Tech',
  'Energy',
  'بيئة',
];

function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');
}

function item(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  const paragraphs = Array.from(
    { length: 6 },
    (_, p) =>
      `<p>${sentence(i + p, 30)} <strong>${sentence(i + p + 1, 3)}</strong> <a href="https://example.com/${i}/${p}">Reuters ${p}</a> ${sentence(i + p + 2, 20)}.</p>`,
  ).join('\n');
  return `<item>
<title>${sentence(i, 9)} ${i}</title>
<link>https://bench.example.com/2025/10/${day}/story-${i}/</link>
<dc:creator><![CDATA[${sentence(i, 2)}]]></dc:creator>
<pubDate>Tue, ${day} Oct 2025 09:30:00 +0300</pubDate>
${[0, 1, 2].map((c) => `<category><![CDATA[${CATEGORIES[(i + c * 3) % CATEGORIES.length]}]]></category>`).join('')}
<guid isPermaLink="false">https://bench.example.com/?p=${i}</guid>
<description><![CDATA[<p>${sentence(i, 25)} [&#8230;]</p>]]></description>
<content:encoded><![CDATA[${paragraphs}
<h2>${sentence(i, 4)}</h2>
<figure><img src="https://bench.example.com/img/${i}.jpg" alt="${sentence(i, 5)}" width="1200" height="800"><figcaption>${sentence(i, 6)} <span class="credit">AFP</span></figcaption></figure>
<ul><li>${sentence(i, 5)}</li><li>${sentence(i + 1, 5)}</li></ul>
<script>track(${i})</script>]]></content:encoded>
<media:content url="https://bench.example.com/img/hero-${i}.jpg" medium="image" width="1600" height="900"><media:credit>AFP</media:credit></media:content>
</item>`;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-bench-import-'));
try {
  const feed = path.join(dir, 'feed.xml');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>bench</title><link>https://bench.example.com</link><description>bench</description><language>ar</language>
${Array.from({ length: count }, (_, i) => item(i)).join('\n')}
</channel></rss>`;
  await writeFile(feed, xml);
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
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peak = process.resourceUsage().maxRSS * 1024;
  const imported = report.items.filter((i) => i.status === 'imported').length;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `Imported ${imported} of ${count} feed items (${mb(Buffer.byteLength(xml))} of RSS) in ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s); peak RSS ${mb(peak)}.`,
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
