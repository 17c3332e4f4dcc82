// `npx tsx scripts/bench/import-snapshot.ts <dir> [--items 10000]`: writes everything the
// importer produces for a fixed set of inputs into <dir>, so two versions of the importer
// can be compared byte for byte (`diff -r before after`): each format's fixtures, the
// bench's feed, and the blocks, text and drops of hand-written tricky HTML and of seeded
// random HTML (any markup, and plain story markup). Run it from the repository root (the
// reports name inputs as given).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport, type ImportOptions, runImport } from '../import/run-import.ts';
import { Drops } from '../import/shared/draft.ts';
import { htmlToBlocks, htmlToText } from '../import/shared/html-to-blocks.ts';
import { PLAIN_HTML, randomHtml, TRICKY_HTML } from '../import/test/html-cases.ts';
import { benchFeed } from './import-corpus.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    items: { type: 'string', default: '10000' },
    random: { type: 'string', default: '5000' },
  },
});
const [target] = positionals;
if (!target) {
  console.error('usage: npx tsx scripts/bench/import-snapshot.ts <dir> [--items 10000]');
  process.exit(2);
}
const dir = path.resolve(target);
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });

const LIMITS = { maxBytes: 200 * 1024 * 1024, timeoutMs: 20_000 };
/** Imports twice (the second run must change nothing) and keeps both reports. */
async function importInto(
  name: string,
  over: Partial<ImportOptions> & Pick<ImportOptions, 'format' | 'inputs'>,
) {
  const outDir = path.join(dir, name);
  const options: ImportOptions = {
    outDir,
    source: `snapshot-${name}`,
    fetchMedia: false,
    dryRun: false,
    prune: false,
    limits: LIMITS,
    ...over,
  };
  const first = formatReport(await runImport(options));
  const again = formatReport(await runImport(options));
  // Reports name the folder; the snapshot's own place must not make a difference.
  const report = `${first}\n\n--- again ---\n${again}\n`.replaceAll(dir, '<snapshot>');
  await writeFile(path.join(dir, `${name}.report.txt`), report);
}

const FIXTURES = 'scripts/import/fixtures';
await importInto('feed', { format: 'feed', inputs: [`${FIXTURES}/feed`] });
await importInto('wordpress', { format: 'wordpress', inputs: [`${FIXTURES}/wordpress`] });
await importInto('ans', {
  format: 'ans',
  inputs: [`${FIXTURES}/ans`],
  baseUrl: 'https://gulfdaily.example.com',
});
await importInto('optimo', { format: 'optimo', inputs: [`${FIXTURES}/optimo`] });
for (const file of ['feed/wordpress-rss.xml', 'feed/atom.xml', 'wordpress/wxr-export.xml']) {
  const name = `single-${file.replace(/\W+/g, '-')}`;
  await importInto(name, {
    format: file.startsWith('feed') ? 'feed' : 'wordpress',
    inputs: [`${FIXTURES}/${file}`],
  });
}

// One fixed place outside the snapshot: the manifest names its inputs, and two snapshots
// must not differ by the folders they were written to.
const feedDir = path.join(os.tmpdir(), 'qari-import-snapshot');
await mkdir(feedDir, { recursive: true });
const feed = path.join(feedDir, 'bench-feed.xml');
await writeFile(feed, benchFeed(Number(values.items)));
await importInto('bench', { format: 'feed', inputs: [feed] });
await rm(feedDir, { recursive: true, force: true });

/** The blocks, drops and text of each HTML string, one JSON line each. */
function mapped(htmls: readonly string[]): string {
  return htmls
    .map((html) => {
      const drops = new Drops();
      const blocks = htmlToBlocks(html, { baseUrl: 'https://news.example.com/a/b/', drops });
      return JSON.stringify({ html, blocks, drops: drops.lines(), text: htmlToText(html) });
    })
    .join('\n');
}
await writeFile(path.join(dir, 'tricky-html.jsonl'), `${mapped(TRICKY_HTML)}\n`);
const random = Array.from({ length: Number(values.random) }, (_, seed) => randomHtml(seed));
await writeFile(path.join(dir, 'random-html.jsonl'), `${mapped(random)}\n`);
const plain = Array.from({ length: Number(values.random) }, (_, seed) =>
  randomHtml(seed, PLAIN_HTML),
);
await writeFile(path.join(dir, 'random-plain-html.jsonl'), `${mapped(plain)}\n`);
console.log(`Snapshot written to ${dir}`);
