// @vitest-environment node
// The hostile-content corpus: what an attacker, a careless editor or a bad paste puts in
// a content folder, run through the real build (content check, JSON API, prerender,
// feed and sitemaps) and read back the way a browser and a feed reader read it. Text
// must come out as the same text; what cannot be text must stop the build with every
// problem named (docs/robustness.md).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from './content/build-content.ts';
import { loadContent } from './content/load-content.ts';
import { formatProblem } from './content/problem.ts';
import { publishSite } from './site/publish-site.ts';
import { TEST_SITE as SITE, testAppBuild } from './site/test-app-build.ts';

type Json = Record<string, unknown>;
type Files = Record<string, string | Json | Json[]>;

/** The inline loader as it could be: a `$` pattern in a script is code, kept as it is. */
const LOADER_BODY = "load('$&', '$`', \"$'\", '$$');";

/** Every String.replace pattern, markup that would close or open elements, quotes, entities. */
const HOSTILE_TEXTS = [
  "سعر $' الصرف",
  'الدولار $` يرتفع',
  'مؤشر $& الأسهم',
  'ربح $$ مضاعف',
  'حصة $1 و $<name> و $0',
  '</script><script>window.__pwned=1</script>',
  '</title><title>عنوان مزوّر',
  '<!-- تعليق --> و <![CDATA[ x ]]> و ]]>',
  '"اقتباس" و \'مفرد\' و `مائل`',
  '&amp; و & و &lt; و &#39; و &nbsp;',
  'سطر\u2028فاصل\u2029فقرة',
  'جدول\tو\nسطر',
  'رمز 𝕏 و 👩‍💻 و \u200f علامة',
  '<div id="root"></div><html>',
];

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function writeFiles(dir: string, files: Files): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

async function contentFolder(files: Files): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-hostile-'));
  made.push(dir);
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeFiles(dir, files);
  return dir;
}

/** The real build over a content folder, minus Vite: API, prerendered pages, feed and sitemaps. */
async function buildSite(files: Files): Promise<string> {
  const dir = await contentFolder(files);
  const { problems, content } = await checkContent(dir);
  expect(problems.map(formatProblem)).toEqual([]);
  if (!content) throw new Error('the fixture corpus is invalid');
  const out = path.join(dir, 'dist');
  const published = await publishSite(await testAppBuild(dir, out, { loaderBody: LOADER_BODY }), {
    full: true,
    content,
  });
  expect(published.ok).toBe(true);
  return out;
}

const page = async (out: string, file: string) =>
  new JSDOM(await readFile(path.join(out, file), 'utf8')).window.document;
/** Parsing as XML throws when the file is not well-formed. */
const xml = async (out: string, file: string) =>
  new JSDOM(await readFile(path.join(out, file), 'utf8'), { contentType: 'application/xml' }).window
    .document;

const meta = (doc: Document, key: string) =>
  doc.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content');

function jsonBlock(doc: Document, selector: string): unknown {
  const text = doc.querySelector(selector)?.textContent;
  if (text == null) throw new Error(`no ${selector}`);
  return JSON.parse(text);
}

/** Every text field of a story holds hostile text; story n takes the texts from n on. */
function hostileStory(n: number): Json {
  const text = (k: number) => HOSTILE_TEXTS[(n + k) % HOSTILE_TEXTS.length] as string;
  return {
    schemaVersion: 1,
    id: `hostile-${n}`,
    headline: text(0),
    summary: text(1),
    section: 'money',
    tags: [{ id: 'fx', name: 'صرف $& <b>' }],
    publishedAt: new Date(Date.UTC(2026, 10, 29, 8, n)).toISOString(),
    dateline: text(2),
    source: text(3),
    authors: [text(4)],
    hero: {
      src: 'https://cdn.example.com/p.jpg',
      alt: text(5),
      caption: text(6),
      credit: text(7),
      width: 1200,
      height: 800,
    },
    body: [
      { type: 'paragraph', content: [text(8), { text: text(9), strong: true }] },
      { type: 'heading', text: text(10) },
      { type: 'quote', content: [text(11)], cite: text(12) },
      {
        type: 'readAlso',
        items: [{ url: 'https://example.com/a?x=1&y=$1', title: text(13) }],
      },
    ],
  };
}

const STORIES = HOSTILE_TEXTS.map((_, n) => hostileStory(n));

describe('hostile text through the whole build comes out as the same text', () => {
  let out = '';
  beforeAll(async () => {
    out = await buildSite({
      'sections.json': [{ id: 'money', name: 'مال $\' و "أعمال"' }],
      ...Object.fromEntries(STORIES.map((s) => [`articles/${s.id}.json`, s])),
    });
  }, 120_000);

  it.each(STORIES.map((s) => [s.id as string, s]))(
    '%s: title, description, Open Graph, JSON-LD, state and body',
    async (id, story) => {
      const doc = await page(out, `article/${id}.html`);
      const headline = story.headline as string;
      const summary = story.summary as string;
      const hero = story.hero as Json;
      // One document: nothing was copied into it and nothing closed it early.
      expect(doc.querySelectorAll('html')).toHaveLength(1);
      expect(doc.querySelectorAll('title')).toHaveLength(1);
      expect(doc.querySelectorAll('#root')).toHaveLength(1);
      expect(doc.querySelectorAll('#qari-state')).toHaveLength(1);
      expect(doc.querySelector('title')?.textContent).toBe(`${headline} | قارئ`);
      expect(meta(doc, 'description')).toBe(summary);
      expect(meta(doc, 'og:title')).toBe(`${headline} | قارئ`);
      expect(meta(doc, 'og:description')).toBe(summary);
      expect(meta(doc, 'twitter:title')).toBe(`${headline} | قارئ`);
      expect(meta(doc, 'twitter:description')).toBe(summary);
      expect(meta(doc, 'og:image:alt')).toBe(hero.alt);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `${SITE}/article/${id}`,
      );
      expect(jsonBlock(doc, 'script[type="application/ld+json"]')).toMatchObject({
        headline,
        description: summary,
        articleSection: 'مال $\' و "أعمال"',
        keywords: 'صرف $& <b>',
        author: [{ '@type': 'Person', name: (story.authors as string[])[0] }],
      });
      const state = jsonBlock(doc, '#qari-state') as {
        queries: { queryKey: unknown[]; state: { data: unknown } }[];
      };
      const seeded = state.queries.find((q) => q.queryKey[0] === 'story')?.state.data as {
        article: Json;
      };
      expect(seeded.article).toMatchObject({ headline, summary, body: story.body });
      // The text shows as text: the only h1 is the headline, and no script came in with it.
      expect(doc.querySelectorAll('h1')).toHaveLength(1);
      expect(doc.querySelector('h1')?.textContent).toBe(headline);
      expect(doc.querySelector('main')?.textContent).toContain(
        ((story.body as Json[])[1] as Json).text,
      );
      const scripts = [...doc.querySelectorAll('script')].map(
        (s) => s.getAttribute('type') ?? s.textContent,
      );
      expect(scripts).toEqual([
        'application/ld+json',
        'boot();',
        'keep();',
        'application/json',
        'application/json',
        LOADER_BODY,
      ]);
      expect(JSON.parse(doc.querySelector('#qari-app')?.textContent ?? '')).toEqual({
        entry: '/assets/index-a1.js',
        preload: ['/assets/framework-b2.js'],
      });
    },
  );

  it('the front page and the section and tag pages carry the same text in their state', async () => {
    for (const file of ['home.html', 'section/money.html', 'tag/fx.html']) {
      const doc = await page(out, file);
      expect(doc.querySelectorAll('html'), file).toHaveLength(1);
      const state = JSON.stringify(jsonBlock(doc, '#qari-state'));
      for (const story of STORIES) expect(state, file).toContain(JSON.stringify(story.headline));
    }
    const section = await page(out, 'section/money.html');
    expect(section.title).toBe('مال $\' و "أعمال" | قارئ');
    expect(meta(section, 'description')).toBe('قسم مال $\' و "أعمال": آخر القصص في قارئ.');
  });

  it('feed.xml, sitemap.xml and news-sitemap.xml are well-formed, with the text intact', async () => {
    const feed = await xml(out, 'feed.xml');
    const entries = [...feed.getElementsByTagName('entry')];
    expect(entries.map((e) => e.getElementsByTagName('title')[0]?.textContent).sort()).toEqual(
      STORIES.map((s) => s.headline).sort(),
    );
    expect(entries.map((e) => e.getElementsByTagName('summary')[0]?.textContent).sort()).toEqual(
      STORIES.map((s) => s.summary).sort(),
    );
    const news = await xml(out, 'news-sitemap.xml');
    expect([...news.getElementsByTagName('news:title')].map((t) => t.textContent).sort()).toEqual(
      STORIES.map((s) => s.headline).sort(),
    );
    const sitemap = await xml(out, 'sitemaps/pages.xml');
    expect([...sitemap.getElementsByTagName('loc')].map((l) => l.textContent)).toContain(
      `${SITE}/tag/fx`,
    );
  });
});

describe('content that cannot be text stops the build, every problem named', () => {
  const story = (id: string, patch: Json = {}): Json => ({
    schemaVersion: 1,
    id,
    headline: `خبر ${id}`,
    section: 'world',
    publishedAt: '2026-11-29T10:00:00+03:00',
    body: [{ type: 'paragraph', content: ['نص'] }],
    ...patch,
  });
  const files: Files = {
    'sections.json': [{ id: 'world', name: 'العالم' }],
    // A line break pasted from Word, and the other C0/C1 controls.
    'articles/vertical-tab.json': story('vertical-tab', { headline: 'سطر\u000bمن وورد' }),
    'articles/nul.json': story('nul', { summary: 'صفر\u0000' }),
    'articles/c1.json': story('c1', { dateline: 'موسكو\u0085' }),
    'articles/delete.json': story('delete', { authors: ['اسم\u007f'] }),
    'articles/escape.json': story('escape', {
      body: [{ type: 'paragraph', content: ['\u001b[31mأحمر'] }],
    }),
    // Not characters at all.
    'articles/nonchar.json': story('nonchar', { headline: 'عنوان\ufffe' }),
    'articles/nonchar-ffff.json': story('nonchar-ffff', {
      tags: [{ id: 'x', name: 'وسم\uffff' }],
    }),
    'articles/surrogate.json':
      '{"schemaVersion":1,"id":"surrogate","headline":"نصف \\ud800 حرف","section":"world","publishedAt":"2026-11-29T10:00:00+03:00","body":[{"type":"paragraph","content":["نص"]}]}',
    // Image paths that leave media/ with a line break the old rule did not see.
    'articles/media-newline.json': story('media-newline', {
      hero: { src: 'media/x\n/../../../../etc/passwd', alt: 'صورة' },
    }),
    'articles/media-ls.json': story('media-ls', {
      hero: { src: 'media/x\u2028/../../secret.jpg', alt: 'صورة' },
    }),
    'articles/media-cr.json': story('media-cr', {
      body: [{ type: 'image', image: { src: 'media/a\r/../../b.jpg', alt: '' } }],
    }),
    // Broken JSON nested 200,000 levels deep, beside a file with a javascript: link.
    'articles/deep.json': `{"x":${'['.repeat(200_000)}`,
    // Valid JSON just as deep: the schema refuses it without walking it.
    'articles/deep-valid.json': JSON.stringify(story('deep-valid')).replace(
      /}$/,
      () => `,"extra":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
    ),
    'articles/script-link.json': story('script-link', {
      body: [{ type: 'paragraph', content: [{ text: 'اضغط', href: 'javascript:alert(1)' }] }],
    }),
  };

  it('reports each one with its file and path, and writes nothing', async () => {
    const { problems, corpus } = await loadContent(await contentFolder(files));
    expect(corpus).toBeNull();
    expect(problems.map(formatProblem)).toEqual([
      'articles/c1.json: dateline: must not contain the control character U+0085',
      'articles/deep-valid.json: extra: unknown field (not in the article schema)',
      'articles/deep.json: (root): invalid JSON at line 1, column 517: nested more than 512 levels deep',
      'articles/delete.json: authors[0]: must not contain the control character U+007F',
      'articles/escape.json: body[0].content[0]: must not contain the control character U+001B',
      'articles/media-cr.json: body[0].image.src: must be a path under media/ or an https: URL',
      'articles/media-ls.json: hero.src: must be a path under media/ or an https: URL',
      'articles/media-newline.json: hero.src: must be a path under media/ or an https: URL',
      'articles/nonchar-ffff.json: tags[0].name: must not contain the noncharacter U+FFFF',
      'articles/nonchar.json: headline: must not contain the noncharacter U+FFFE',
      'articles/nul.json: summary: must not contain the control character U+0000',
      'articles/script-link.json: body[0].content[0].href: javascript: URLs are not allowed',
      'articles/surrogate.json: headline: must not contain a lone surrogate U+D800',
      'articles/vertical-tab.json: headline: must not contain the control character U+000B',
    ]);
  });
});

describe('a corpus without tags', () => {
  it('builds: no tag pages, and the section page and story are written', async () => {
    const story = hostileStory(0);
    delete story.tags;
    const out = await buildSite({
      'sections.json': [{ id: 'money', name: 'مال' }],
      'articles/hostile-0.json': story,
    });
    expect((await page(out, 'section/money.html')).title).toBe('مال | قارئ');
    expect((await page(out, 'article/hostile-0.html')).title).toBe(`${story.headline} | قارئ`);
  }, 120_000);
});
