// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArticles, loadContent, MAX_STORY_BYTES } from './load-content.ts';
import { formatProblem, type Problem } from './problem.ts';

type Json = Record<string, unknown>;
type Files = Record<string, string | Buffer | Json | Json[]>;

const SECTIONS = [
  { id: 'world', name: 'العالم' },
  { id: 'economy', name: 'اقتصاد' },
];

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A content folder in the OS temp dir; objects are written as JSON, strings and buffers as is. */
async function contentFolder(files: Files, { sections = true } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-load-'));
  made.push(dir);
  const all: Files = { ...(sections ? { 'sections.json': SECTIONS } : {}), ...files };
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  for (const [name, content] of Object.entries(all)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    const data =
      typeof content === 'string' || Buffer.isBuffer(content)
        ? content
        : JSON.stringify(content, null, 2);
    await writeFile(file, data);
  }
  return dir;
}

function story(id: string, patch: Json = {}): Json {
  return {
    schemaVersion: 1,
    id,
    headline: `خبر ${id}`,
    section: 'world',
    publishedAt: '2026-03-01T10:00:00+03:00',
    body: [{ type: 'paragraph', content: ['نص الخبر'] }],
    ...patch,
  };
}

const articles = (...list: Json[]): Files =>
  Object.fromEntries(list.map((a) => [`articles/${a.id}.json`, a]));

function jpeg(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } },
  })
    .jpeg()
    .toBuffer();
}

async function problemLines(files: Files, options?: { sections?: boolean }): Promise<string[]> {
  const { problems, corpus } = await loadContent(await contentFolder(files, options));
  if (problems.length > 0) expect(corpus).toBeNull();
  return problems.map(formatProblem);
}

describe('loadContent problems', () => {
  it('reports broken JSON with line and column', async () => {
    const broken = '{\n  "schemaVersion": 1,\n  "id": "a"\n  "headline": "x"\n}\n';
    expect(await problemLines({ 'articles/a.json': broken })).toEqual([
      'articles/a.json: (root): invalid JSON at line 4, column 3: a comma was expected',
    ]);
  });

  it('reports an id that differs from the file name', async () => {
    expect(await problemLines({ 'articles/foo.json': story('bar') })).toEqual([
      'articles/foo.json: id: must equal the file name ("foo")',
    ]);
  });

  it('reports an unknown section', async () => {
    expect(await problemLines(articles(story('a', { section: 'sport' })))).toEqual([
      'articles/a.json: section: unknown section "sport"',
    ]);
  });

  it('reports an unknown readAlso id and an unknown related id', async () => {
    const a = story('a', {
      body: [
        { type: 'paragraph', content: ['x'] },
        { type: 'readAlso', items: [{ id: 'b' }, { id: 'ghost' }] },
      ],
      related: ['b', 'phantom'],
    });
    expect(await problemLines(articles(a, story('b')))).toEqual([
      'articles/a.json: related[1]: unknown story id "phantom"',
      'articles/a.json: body[1].items[1].id: unknown story id "ghost"',
    ]);
  });

  it('reports a story related to itself', async () => {
    expect(await problemLines(articles(story('a', { related: ['a'] })))).toEqual([
      'articles/a.json: related[0]: a story cannot be related to itself',
    ]);
  });

  it('takes tag names as checked: bidi controls do not make a second name', async () => {
    const a = story('a', { tags: [{ id: 'energy', name: 'طاقة' }] });
    const b = story('b', { tags: [{ id: 'energy', name: '\u202Bطاقة\u202C' }] });
    expect(await problemLines(articles(a, b))).toEqual([]);
  });

  it('compares tag names without bidi controls in invalid files too, blaming no valid file', async () => {
    const a = story('a', { tags: [{ id: 'energy', name: 'طاقة' }] });
    const odd = (id: string) =>
      story(id, { headline: '', tags: [{ id: 'energy', name: '\u202Bطاقة\u202C' }] });
    const lines = await problemLines(articles(a, odd('b'), odd('c')));
    expect(lines.filter((line) => line.includes('is named'))).toEqual([]);
    expect(lines.some((line) => line.startsWith('articles/b.json: headline'))).toBe(true);
  });

  it('names a story path it cannot read', async () => {
    const dir = await contentFolder(articles(story('a')));
    await mkdir(path.join(dir, 'articles', 'b.json'));
    const { problems } = await loadContent(dir);
    expect(problems.map(formatProblem)).toContain(
      'articles/b.json: (root): file cannot be read (EISDIR)',
    );
  });

  it('reports a tag id carrying two names, naming the first file', async () => {
    const a = story('a', { tags: [{ id: 'energy', name: 'طاقة' }] });
    const b = story('b', {
      tags: [
        { id: 'oil', name: 'نفط' },
        { id: 'energy', name: 'الطاقة' },
      ],
    });
    expect(await problemLines(articles(a, b))).toEqual([
      'articles/b.json: tags[1].name: tag "energy" is named "الطاقة" here but "طاقة" in articles/a.json',
    ]);
  });

  it('reports javascript: and data: links', async () => {
    const a = story('a', {
      body: [
        { type: 'paragraph', content: ['x', { text: 'y', href: 'javascript:alert(1)' }] },
        { type: 'quote', content: [{ text: 'z', href: 'data:text/html,<b>' }] },
        { type: 'readAlso', items: [{ url: 'JAVASCRIPT:alert(1)', title: 't' }] },
      ],
    });
    expect(await problemLines(articles(a))).toEqual([
      'articles/a.json: body[0].content[1].href: javascript: URLs are not allowed',
      'articles/a.json: body[1].content[0].href: data: URLs are not allowed',
      'articles/a.json: body[2].items[0].url: javascript: URLs are not allowed',
    ]);
  });

  it('reports a missing media file and a media file that is not an image', async () => {
    const a = story('a', {
      hero: { src: 'media/photos/missing.jpg', alt: 'x' },
      body: [{ type: 'image', image: { src: 'media/notes.jpg', alt: '' } }],
    });
    const b = story('b', { hero: { src: 'media/photos/missing.jpg', alt: 'x' } });
    expect(
      await problemLines({ ...articles(a, b), 'media/notes.jpg': 'just some text, not a JPEG' }),
    ).toEqual([
      'articles/a.json: hero.src: media file "media/photos/missing.jpg" not found',
      'articles/a.json: body[0].image.src: media file "media/notes.jpg" is not a readable image',
      'articles/b.json: hero.src: media file "media/photos/missing.jpg" not found',
    ]);
  });

  it('reports an invalid date and an updatedAt before publishedAt', async () => {
    const a = story('a', { publishedAt: '2026-02-30T10:00:00+03:00' });
    const b = story('b', { updatedAt: '2026-03-01T09:00:00+03:00' });
    expect(await problemLines(articles(a, b))).toEqual([
      'articles/a.json: publishedAt: must be an ISO 8601 date-time with an offset',
      'articles/b.json: updatedAt: must not be before publishedAt',
    ]);
  });

  it('reports a file over 2 MB without parsing it', async () => {
    const big = JSON.stringify(story('big')).replace('{', `{${' '.repeat(MAX_STORY_BYTES)}`);
    const size = Buffer.byteLength(big);
    expect(await problemLines({ 'articles/big.json': big, ...articles(story('ok')) })).toEqual([
      `articles/big.json: (root): file is ${size} bytes, over the 2 MB limit`,
    ]);
  });

  it('reports a missing sections.json', async () => {
    expect(await problemLines(articles(story('a')), { sections: false })).toEqual([
      'sections.json: (root): file is missing',
    ]);
  });

  it('reports a duplicate section id and a bad sections.json', async () => {
    const sections = [...SECTIONS, { id: 'world', name: 'عالم' }];
    expect(await problemLines({ 'sections.json': sections, ...articles(story('a')) })).toEqual([
      'sections.json: [2].id: duplicate section id "world"',
    ]);
    expect(await problemLines({ 'sections.json': [], ...articles(story('a')) })).toEqual([
      'sections.json: (root): must list at least one section',
    ]);
  });

  it('reports an unknown field and a missing required field', async () => {
    const a = story('a', { headlin: 'typo' });
    const b = story('b');
    delete b.headline;
    const c = story('c', { hero: { src: 'media/x.jpg', alt: 'x', captoin: 'typo' } });
    expect(await problemLines(articles(a, b, c))).toEqual([
      'articles/a.json: headlin: unknown field (not in the article schema)',
      'articles/b.json: headline: required field is missing',
      'articles/c.json: hero.captoin: unknown field (not in the article schema)',
      // The image is checked even though the file is invalid, so one run names everything.
      'articles/c.json: hero.src: media file "media/x.jpg" not found',
    ]);
  });

  it('reports a value of the wrong type as such, not as an unknown field', async () => {
    const lines = await problemLines(articles(story('a', { hero: 5, body: ['text'] })));
    expect(lines).toEqual([
      expect.stringMatching(/^articles\/a\.json: hero: Invalid type: Expected Object/),
      expect.stringMatching(/^articles\/a\.json: body\[0\]: /),
    ]);
    expect(lines.join('\n')).not.toContain('unknown field');
  });

  it('reports a missing articles folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-load-'));
    made.push(dir);
    await writeFile(path.join(dir, 'sections.json'), JSON.stringify(SECTIONS));
    const { problems, corpus } = await loadContent(dir);
    expect(corpus).toBeNull();
    expect(problems.map(formatProblem)).toEqual(['articles/: (root): folder is missing']);
  });

  it('names every bad file among valid ones and never blames a valid file', async () => {
    const good = ['g1', 'g2', 'g3', 'g4', 'g5'].map((id, i) =>
      story(id, {
        tags: [{ id: 'energy', name: 'طاقة' }],
        related: i > 0 ? ['g1'] : undefined,
        body: [
          { type: 'paragraph', content: [{ text: 'x', href: '/article/g1' }] },
          ...(i > 0 ? [{ type: 'readAlso', items: [{ id: 'g1' }] }] : []),
        ],
      }),
    );
    const bad = {
      'articles/b-json.json': '{ "schemaVersion": 1, ',
      'articles/b-section.json': story('b-section', { section: 'nope' }),
      'articles/b-link.json': story('b-link', {
        body: [{ type: 'paragraph', content: [{ text: 'x', href: 'vbscript:x' }] }],
      }),
      'articles/b-related.json': story('b-related', { related: ['g1', 'gone'] }),
      'articles/b-id.json': story('other-id'),
      'articles/b-tag.json': story('b-tag', { tags: [{ id: 'energy', name: 'نفط' }] }),
      'articles/b-date.json': story('b-date', { publishedAt: 'yesterday' }),
    };
    const { problems, corpus } = await loadContent(
      await contentFolder({ ...articles(...good), ...bad }),
    );
    expect(corpus).toBeNull();
    const blamed = new Set(problems.map((p) => p.file));
    expect([...blamed].sort()).toEqual(Object.keys(bad).sort());
    // Five files call the tag "طاقة": the one that differs is the one blamed.
    expect(problems.map(formatProblem)).toContain(
      'articles/b-tag.json: tags[0].name: tag "energy" is named "نفط" here but "طاقة" in articles/g1.json',
    );
    // Sorted by file, so the report reads top to bottom.
    const files = problems.map((p) => p.file);
    expect(files).toEqual([...files].sort((a, b) => a.localeCompare(b)));
  });
});

describe('checkArticles', () => {
  it('takes the photos a publish knows as they are, and probes the others', async () => {
    const a = story('a', {
      hero: { src: 'media/photos/known.jpg', alt: 'صورة' },
      body: [{ type: 'image', image: { src: 'media/photos/new.jpg', alt: '' } }],
    });
    const dir = await contentFolder({
      ...articles(a),
      'media/photos/known.jpg': await jpeg(64, 48),
      'media/photos/new.jpg': await jpeg(20, 10),
    });
    // Sizes the file does not have: had it been probed again, 64 × 48 would show.
    const known = { src: 'media/photos/known.jpg', file: 'as known', width: 7, height: 5 };
    const problems: Problem[] = [];
    const { media } = await checkArticles(
      dir,
      ['a.json'],
      {
        sections: SECTIONS,
        knownIds: new Set(['a']),
        otherTags: () => [],
        knownMedia: new Map([[known.src, known]]),
        problems,
      },
      (article) => article.id,
    );
    expect(problems).toEqual([]);
    expect([...media.values()]).toEqual([
      known,
      {
        src: 'media/photos/new.jpg',
        file: path.join(dir, 'media/photos/new.jpg'),
        width: 20,
        height: 10,
      },
    ]);
  });
});

describe('loadContent corpus', () => {
  it('returns the corpus of a valid folder with photo sizes read from the files', async () => {
    const rotated = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#336699' },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const a = story('a', {
      tags: [{ id: 'energy', name: 'طاقة' }],
      hero: { src: 'media/photos/p.jpg', alt: 'صورة' },
      body: [
        { type: 'paragraph', content: ['نص'] },
        { type: 'image', image: { src: 'media/photos/r.jpg', alt: '' } },
        {
          type: 'image',
          image: { src: 'https://cdn.example.com/x.jpg', alt: 'x', width: 9, height: 9 },
        },
      ],
      related: ['b'],
    });
    const b = story('b', {
      section: 'economy',
      tags: [{ id: 'energy', name: 'طاقة' }],
      hero: { src: 'media/photos/p.jpg', alt: 'same photo' },
      body: [{ type: 'readAlso', items: [{ id: 'a' }] }],
    });
    const dir = await contentFolder({
      ...articles(a, b),
      'media/photos/p.jpg': await jpeg(64, 48),
      'media/photos/r.jpg': rotated,
      'media/photos/unused.txt': 'not referenced, so not checked',
    });
    const { problems, corpus } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(corpus?.dir).toBe(dir);
    expect(corpus?.sections).toEqual(SECTIONS);
    expect(corpus?.articles.map((x) => x.id).sort()).toEqual(['a', 'b']);
    expect(corpus?.articles.find((x) => x.id === 'a')?.lang).toBe('ar');
    expect([...(corpus?.media.values() ?? [])].sort((x, y) => x.src.localeCompare(y.src))).toEqual([
      {
        src: 'media/photos/p.jpg',
        file: path.join(dir, 'media/photos/p.jpg'),
        width: 64,
        height: 48,
      },
      // EXIF orientation 6 turns the 40×30 pixels upright: 30 wide, 40 high.
      {
        src: 'media/photos/r.jpg',
        file: path.join(dir, 'media/photos/r.jpg'),
        width: 30,
        height: 40,
      },
    ]);
  });
});
