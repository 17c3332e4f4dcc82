// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { StoryEntry } from './site-files.ts';
import { atomFeed, escapeXml, newsSitemap, sitemap } from './site-files.ts';

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
  section: HOSTILE,
  ...patch,
});

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
    const doc = parse(atomFeed(SITE, [story(), story({ id: 'plain', headline: 'عادي' })]));
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
    const map = parse(sitemap(SITE, [story()], ['/tag/a&b']));
    expect([...map.getElementsByTagName('loc')].map((l) => l.textContent)).toContain(
      `${SITE}/tag/a&b`,
    );
  });
});
