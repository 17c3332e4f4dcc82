// @vitest-environment node
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '#scripts/build/content/load-content.ts';
import { formatProblem } from '#scripts/build/content/problem.ts';
import { type ImportOptions, runImport } from './run-import.ts';
import { FIXTURES } from './test/fixture-doc.ts';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-import-'));
  made.push(dir);
  return dir;
}

const LIMITS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 5000 };
const options = (outDir: string, over: Partial<ImportOptions> = {}): ImportOptions => ({
  format: 'feed',
  inputs: [path.join(FIXTURES, 'feed')],
  outDir,
  fetchMedia: false,
  dryRun: false,
  prune: false,
  limits: LIMITS,
  ...over,
});

/** Every file under `dir` with its bytes, for before/after comparisons. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (sub: string) => {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) await walk(rel);
      else files[rel] = (await readFile(path.join(dir, rel))).toString('base64');
    }
  };
  await walk('');
  return files;
}

async function buildProblems(dir: string) {
  const { problems } = await loadContent(dir);
  return problems.map(formatProblem);
}

describe('runImport: each format builds', () => {
  const cases: [ImportOptions['format'], string, Partial<ImportOptions>][] = [
    ['feed', 'feed', {}],
    ['wordpress', 'wordpress', {}],
    ['ans', 'ans', { baseUrl: 'https://gulfdaily.example.com' }],
    ['optimo', 'optimo', {}],
  ];
  for (const [format, folder, extra] of cases) {
    it(`writes a ${format} folder the content build accepts`, async () => {
      const out = await tempDir();
      const report = await runImport(
        options(out, { format, inputs: [path.join(FIXTURES, folder)], ...extra }),
      );
      expect(report.failures).toEqual([]);
      expect(report.items.filter((i) => i.status === 'imported').length).toBeGreaterThan(1);
      expect(await buildProblems(out)).toEqual([]);
    });
  }
});

// Workers load a bundle of the importer, made with esbuild when its sources changed.
describe('runImport: on several threads', { timeout: 90_000 }, () => {
  it('writes the same files and report on two threads as on one, items split between them', async () => {
    for (const [format, folder] of [
      ['feed', 'feed'],
      ['wordpress', 'wordpress'],
    ] as const) {
      const inputs = [path.join(FIXTURES, folder)];
      const one = await tempDir();
      const two = await tempDir();
      const single = await runImport(options(one, { format, inputs, source: 'same', threads: 1 }));
      const split = await runImport(options(two, { format, inputs, source: 'same', threads: 2 }));
      expect({ ...split, outDir: one }).toEqual(single);
      expect(await snapshot(two)).toEqual(await snapshot(one));
    }
  });

  it('fails a document as on one thread when an item on another thread cannot be mapped', async () => {
    const dir = await tempDir();
    const story = (n: number, elements: string) =>
      `{"type":"story","_id":"S${n}","headlines":{"basic":"خبر ${n}"},"first_publish_date":"2025-10-14T09:30:00Z","content_elements":[${elements}]}`;
    // Galleries in galleries, deeper than the mapping's stack: the whole document is refused.
    const depth = 100_000;
    const deep = `${'{"type":"gallery","content_elements":['.repeat(depth)}${']}'.repeat(depth)}`;
    const text = '{"type":"text","content":"نص"}';
    const stories = [1, 2, 3, 4].map((n) => story(n, n === 2 ? deep : text));
    await writeFile(path.join(dir, 'stories.json'), `[${stories.join(',')}]`);
    const run = (threads: number) =>
      runImport(
        options(path.join(dir, `out-${threads}`), {
          format: 'ans',
          inputs: [path.join(dir, 'stories.json')],
          threads,
        }),
      );
    const single = await run(1);
    expect(single.failures).toEqual([
      { input: path.join(dir, 'stories.json'), message: 'refused: nested too deeply to read' },
    ]);
    expect(single.items).toEqual([]);
    const split = await run(2);
    expect(split.failures).toEqual(single.failures);
    expect(split.items).toEqual([]);
  });
});

describe('runImport: re-runs, dry runs, ownership, pruning', () => {
  it('changes no byte when run again on the same input', async () => {
    const out = await tempDir();
    await runImport(options(out));
    const before = await snapshot(out);
    const again = await runImport(options(out));
    expect(
      again.items.filter((i) => i.status !== 'skipped').every((i) => i.status === 'unchanged'),
    ).toBe(true);
    expect(await snapshot(out)).toEqual(before);
  });

  it('writes nothing on --dry-run, but reports what it would do', async () => {
    const out = path.join(await tempDir(), 'content');
    const report = await runImport(options(out, { dryRun: true }));
    expect(report.items.filter((i) => i.status === 'imported')).toHaveLength(7);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('merges sections.json, keeping existing sections first and as named', async () => {
    const out = await tempDir();
    await writeFile(
      path.join(out, 'sections.json'),
      `${JSON.stringify(
        [
          { id: 'culture', name: 'ثقافة وفنون' },
          { id: 'sport', name: 'رياضة' },
        ],
        null,
        2,
      )}\n`,
    );
    await runImport(options(out));
    const sections = JSON.parse(await readFile(path.join(out, 'sections.json'), 'utf8'));
    expect(sections.slice(0, 2)).toEqual([
      { id: 'culture', name: 'ثقافة وفنون' },
      { id: 'sport', name: 'رياضة' },
    ]);
    expect(sections.map((s: { id: string }) => s.id)).toContain('اقتصاد');
  });

  it('sends categories where the sections map says, "*" taking the rest', async () => {
    const out = await tempDir();
    const map = path.join(out, 'map.json');
    await writeFile(
      map,
      JSON.stringify({
        اقتصاد: { id: 'economy', name: 'اقتصاد' },
        '*': { id: 'news', name: 'أخبار' },
      }),
    );
    const report = await runImport(
      options(out, { sectionsMap: map, inputs: [path.join(FIXTURES, 'feed/wordpress-rss.xml')] }),
    );
    expect(report.sectionsAdded).toEqual([
      { id: 'economy', name: 'اقتصاد' },
      { id: 'news', name: 'أخبار' },
    ]);
  });

  it('never touches a file this source did not write', async () => {
    const out = await tempDir();
    const first = await runImport(options(out, { dryRun: true }));
    const id = first.items.find((i) => i.status === 'imported')?.id as string;
    await mkdir(path.join(out, 'articles'), { recursive: true });
    await writeFile(path.join(out, 'articles', `${id}.json`), 'hand-written');
    const report = await runImport(options(out));
    expect(report.items.find((i) => i.id === id)).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/this source did not write it/),
    });
    expect(await readFile(path.join(out, 'articles', `${id}.json`), 'utf8')).toBe('hand-written');
  });

  it('prunes only what this source wrote before and no longer lists', async () => {
    const out = await tempDir();
    const source = 'alsharq';
    const all = await runImport(
      options(out, { source, inputs: [path.join(FIXTURES, 'feed/wordpress-rss.xml')] }),
    );
    await writeFile(path.join(out, 'articles', 'hand-made.json'), '{}');
    const feed = readFileSync(path.join(FIXTURES, 'feed/wordpress-rss.xml'), 'utf8');
    const shorter = path.join(out, 'shorter.xml');
    // The feed without its first item, as a live feed drops old items.
    await writeFile(shorter, feed.replace(/<item>[\s\S]*?<\/item>/, ''));
    const report = await runImport(options(out, { source, inputs: [shorter], prune: true }));
    const gone = all.items.find((i) => i.status === 'imported')?.id;
    expect(report.pruned).toEqual([`articles/${gone}.json`]);
    const left = await readdir(path.join(out, 'articles'));
    expect(left).toContain('hand-made.json');
    expect(left).not.toContain(`${gone}.json`);
    const manifest = JSON.parse(
      await readFile(path.join(out, '.imports', `${source}.json`), 'utf8'),
    );
    expect(manifest.articles).not.toContain(gone);
  });

  it('prunes nothing when an input could not be read', async () => {
    const out = await tempDir();
    await runImport(options(out, { source: 's' }));
    const report = await runImport(
      options(out, { source: 's', inputs: [path.join(out, 'missing.xml')], prune: true }),
    );
    expect(report.failures).toEqual([
      { input: path.join(out, 'missing.xml'), message: 'no such file or folder' },
    ]);
    expect(report.pruned).toEqual([]);
    expect(report.pruneNote).toMatch(/nothing pruned/);
  });
});

describe('runImport: hostile and unreachable inputs', () => {
  let server: Server;
  let base = '';
  const photo = readFileSync(path.resolve('content/media/photos/dandelion-seeds.jpg'));
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.setHeader('content-type', 'application/rss+xml');
        res.end(
          `<rss version="2.0"><channel><link>${base}/</link><item><title>صورة من الخادم</title><guid>${base}/1</guid><pubDate>Tue, 14 Oct 2025 09:30:00 +0300</pubDate><description>&lt;p&gt;نص&lt;/p&gt;</description><enclosure url="${base}/photo.jpg" type="image/jpeg" length="1"/></item></channel></rss>`,
        );
      } else if (req.url === '/photo.jpg') {
        res.setHeader('content-type', 'image/jpeg');
        res.end(photo);
      } else if (req.url === '/huge.xml') {
        res.write('<rss>');
        const chunk = 'x'.repeat(64 * 1024);
        const timer = setInterval(() => {
          if (!res.write(chunk)) return;
        }, 1);
        res.on('close', () => clearInterval(timer));
      } else if (req.url === '/slow.xml') {
        setTimeout(() => res.end('<rss/>'), 3000);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fetches a feed URL and, with --fetch-media, its photo into media/', async () => {
    const out = await tempDir();
    const report = await runImport(
      options(out, { inputs: [`${base}/feed.xml`], fetchMedia: true, source: 'local' }),
    );
    expect(report.failures).toEqual([]);
    const article = JSON.parse(
      await readFile(path.join(out, 'articles', `${report.items[0]?.id}.json`), 'utf8'),
    );
    expect(article.hero.src).toMatch(/^media\/imports\/local\/[0-9a-z]{16}\.jpg$/);
    expect(await buildProblems(out)).toEqual([]);
  });

  it('leaves out a photo without width and height (and says so) unless --fetch-media', async () => {
    const out = await tempDir();
    const report = await runImport(options(out, { inputs: [`${base}/feed.xml`] }));
    expect(report.drops).toEqual([
      `${base}/feed.xml: ${report.items[0]?.id}: photo ${base}/photo.jpg dropped: it is on http: (--fetch-media downloads it)`,
    ]);
  });

  it('refuses inputs over the size cap, slow servers and missing networks, clearly', async () => {
    const out = await tempDir();
    // A port nothing listens on: what fetch meets when the network (or the host) is not there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const report = await runImport(
      options(out, {
        inputs: [
          `${base}/huge.xml`,
          `${base}/slow.xml`,
          `${base}/gone.xml`,
          `http://127.0.0.1:${closedPort}/feed.xml`,
        ],
        limits: { maxBytes: 256 * 1024, timeoutMs: 1000 },
      }),
    );
    expect(report.failures.map((f) => f.message)).toEqual([
      'over the 0.3 MB limit',
      'no answer within 1 s',
      'the server answered HTTP 404',
      'could not reach the host (ECONNREFUSED): is the network there?',
    ]);
  });

  it('refuses a file over the size cap before reading it', async () => {
    const out = await tempDir();
    const big = path.join(out, 'big.xml');
    await writeFile(big, `<rss>${' '.repeat(300 * 1024)}</rss>`);
    const report = await runImport(
      options(out, { inputs: [big], limits: { maxBytes: 256 * 1024, timeoutMs: 1000 } }),
    );
    expect(report.failures[0]?.message).toMatch(/over the 262144 byte limit/);
  });
});
