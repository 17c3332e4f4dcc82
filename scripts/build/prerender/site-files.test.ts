// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { StoryEntry } from './site-files.ts';
import {
  atomFeed,
  escapeXml,
  newsSitemap,
  pagesSitemap,
  SITEMAP_URLS,
  siteFiles,
  storySitemaps,
} from './site-files.ts';

const SITE = 'https://qari.test';
const NOW = Date.parse('2026-11-29T12:00:00Z');

/** Every character XML 1.0 cannot hold, and the five it must escape. */
const NOT_XML = `${String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i).filter((c) => ![9, 10, 13].includes(c)))}\uFFFE\uFFFF\uD800\uDC00x\uDBFF`;
const HOSTILE = `سطر\u000Bمن وورد & <b>"عنوان"</b> 'x' ]]> $' ${NOT_XML} نهاية`;

const story = (patch: Partial<StoryEntry> = {}): StoryEntry => ({
  id: 'word-paste',
  headline: HOSTILE,
  summary: HOSTILE,
  publishedAt: '2026-11-29T10:00:00+03:00',
  updatedAt: undefined,
  section: 'hostile',
  ...patch,
});
const SECTIONS = new Map([['hostile', HOSTILE]]);

/** Throws when the text is not well-formed XML. */
const parse = (text: string) => new JSDOM(text, { contentType: 'application/xml' }).window.document;

describe('escapeXml', () => {
  it('escapes markup and drops what XML 1.0 cannot hold, keeping tab, newlines and astral characters', () => {
    expect(escapeXml('a & b < c > d " e \' f')).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(escapeXml(`x\ty\nz\r${NOT_XML}𝕏`)).toBe('x\ty\nz\r\uD800\uDC00x𝕏');
  });
});

describe('feed and sitemaps with text XML cannot hold', () => {
  it('the Atom feed stays well-formed and keeps the rest of the text', () => {
    const doc = parse(
      atomFeed(SITE, [story(), story({ id: 'plain', headline: 'عادي' })], SECTIONS),
    );
    const titles = [...doc.getElementsByTagName('entry')].map(
      (e) => e.getElementsByTagName('title')[0]?.textContent,
    );
    expect(titles).toContain('عادي');
    expect(titles).toContain(`سطرمن وورد & <b>"عنوان"</b> 'x' ]]> $' \uD800\uDC00x نهاية`);
    expect(doc.querySelector('category')?.getAttribute('term')).toContain('& <b>"عنوان"</b>');
  });

  it('the news sitemap and the sitemap stay well-formed', () => {
    const news = parse(newsSitemap(SITE, [story()], NOW));
    expect(news.getElementsByTagName('news:title')[0]?.textContent).toContain('سطرمن وورد &');
    const map = parse(pagesSitemap(SITE, ['/tag/a&b'], undefined).text);
    expect([...map.getElementsByTagName('loc')].map((l) => l.textContent)).toContain(
      `${SITE}/tag/a&b`,
    );
  });
});

describe('sitemaps', () => {
  const locs = (text: string) =>
    [...parse(text).getElementsByTagName('loc')].map((l) => l.textContent);

  it('sitemap.xml indexes the pages, then a sitemap a month of stories, newest first', () => {
    const stories = [
      story({ id: 'nov-a', publishedAt: '2026-11-29T10:00:00+03:00' }),
      story({ id: 'oct', publishedAt: '2026-10-31T23:30:00-03:00' }), // 1 November in UTC
      story({
        id: 'nov-b',
        publishedAt: '2026-11-02T10:00:00Z',
        updatedAt: '2026-11-30T09:00:00Z',
      }),
      story({ id: 'sep', publishedAt: '2026-09-30T23:00:00Z' }),
    ];
    const files = siteFiles(SITE, stories, ['/section/world'], SECTIONS);
    const byName = new Map(files.map((f) => [f.file, f.text]));
    const index = parse(byName.get('sitemap.xml') ?? '');
    expect(index.documentElement.tagName).toBe('sitemapindex');
    expect(locs(byName.get('sitemap.xml') ?? '')).toEqual([
      `${SITE}/sitemaps/pages.xml`,
      `${SITE}/sitemaps/stories-2026-11.xml`,
      `${SITE}/sitemaps/stories-2026-09.xml`,
    ]);
    expect([...index.getElementsByTagName('lastmod')].map((l) => l.textContent)).toEqual([
      '2026-11-30T09:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
      '2026-09-30T23:00:00.000Z',
    ]);
    expect(locs(byName.get('sitemaps/stories-2026-11.xml') ?? '')).toEqual([
      `${SITE}/article/nov-a`,
      `${SITE}/article/nov-b`,
      `${SITE}/article/oct`,
    ]);
    expect(locs(byName.get('sitemaps/pages.xml') ?? '')).toEqual([
      `${SITE}/`,
      `${SITE}/section/world`,
    ]);
    // The sitemap files come before the index that links to them.
    const order = files.map((f) => f.file);
    expect(order.indexOf('sitemap.xml')).toBeGreaterThan(
      order.indexOf('sitemaps/stories-2026-09.xml'),
    );
  });

  it('makes only the months asked for, naming the others with the index they keep', () => {
    const stories = [
      story({ id: 'nov', publishedAt: '2026-11-02T10:00:00Z', updatedAt: '2026-11-30T09:00:00Z' }),
      story({ id: 'sep', publishedAt: '2026-09-30T23:00:00Z' }),
    ];
    const all = siteFiles(SITE, stories, [], SECTIONS);
    const some = siteFiles(SITE, stories, [], SECTIONS, new Set(['2026-09']));
    expect(some.map((f) => f.file)).toEqual(all.map((f) => f.file));
    const kept = some.filter((f) => f.text === null).map((f) => f.file);
    expect(kept).toEqual(['sitemaps/stories-2026-11.xml']);
    // Everything else is what a build of every month writes, the index's dates included.
    expect(some.filter((f) => f.text !== null)).toEqual(all.filter((f) => !kept.includes(f.file)));
  });

  it('splits a month of more stories than a sitemap may hold', () => {
    const many = Array.from({ length: SITEMAP_URLS + 2 }, (_, i) =>
      story({ id: `s${i}`, headline: 'x', summary: undefined }),
    );
    const files = storySitemaps(SITE, many);
    expect(files.map((f) => f.file)).toEqual([
      'sitemaps/stories-2026-11.xml',
      'sitemaps/stories-2026-11-2.xml',
    ]);
    expect(files[0]?.text.split('<url>')).toHaveLength(SITEMAP_URLS + 1);
    expect(locs(files[1]?.text ?? '')).toHaveLength(2);
  });
});
