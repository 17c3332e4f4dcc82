// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  type Article,
  ArticleSchema,
  BlockSchema,
  ImageSchema,
  SectionListSchema,
} from './article-schema.ts';

type Json = Record<string, unknown>;

/** A story that uses every part of the schema; each test breaks one thing in a copy. */
function goodArticle(): Json {
  return {
    schemaVersion: 1,
    id: 'moscow-talks-2026',
    lang: 'ar',
    headline: 'محادثات في موسكو حول الطاقة',
    summary: 'ملخص قصير للخبر.',
    section: 'world',
    tags: [{ id: 'energy', name: 'طاقة' }],
    publishedAt: '2026-03-01T10:00:00+03:00',
    updatedAt: '2026-03-01T12:30:00+03:00',
    dateline: 'موسكو',
    source: 'الشرق',
    authors: ['سارة أحمد'],
    breaking: true,
    hero: { src: 'media/photos/a.jpg', alt: 'صورة', caption: 'تعليق', credit: 'وكالة' },
    body: [
      {
        type: 'paragraph',
        content: [
          'نص ',
          { text: 'رابط', href: 'https://example.com/a' },
          { text: 'مهم', strong: true },
        ],
      },
      { type: 'heading', text: 'عنوان فرعي' },
      {
        type: 'image',
        image: { src: 'https://cdn.example.com/p.jpg', alt: '', width: 800, height: 600 },
      },
      { type: 'quote', content: ['قول'], cite: 'متحدث' },
      {
        type: 'list',
        ordered: false,
        items: [['أول'], ['ثان', { text: 'ب', href: '/article/x' }]],
      },
      {
        type: 'readAlso',
        items: [{ id: 'older-story' }, { url: 'https://example.org/x', title: 'خارجي' }],
      },
    ],
    related: ['older-story'],
  };
}

/** Every issue as "dot.path: message", with all issues collected (abortEarly: false). */
function issuesOf(input: unknown, schema: v.GenericSchema = ArticleSchema): string[] {
  const result = v.safeParse(schema, input, { abortEarly: false });
  return result.success
    ? []
    : result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}

/** The issues of the good article with `change` applied to a fresh copy. */
function issuesAfter(change: (a: Json & { body: Json[] }) => void): string[] {
  const article = goodArticle() as Json & { body: Json[] };
  change(article);
  return issuesOf(article);
}

function parsed(input: unknown): Article {
  return v.parse(ArticleSchema, input);
}

const block = (a: { body: Json[] }, i: number) => a.body[i] as Json;

describe('ArticleSchema', () => {
  it('accepts the good sample with every optional field', () => {
    expect(issuesOf(goodArticle())).toEqual([]);
  });

  it('accepts the minimal story', () => {
    const minimal = {
      schemaVersion: 1,
      id: 'a',
      headline: 'خبر',
      section: 'world',
      publishedAt: '2026-01-01T00:00:00Z',
      body: [{ type: 'heading', text: 'ع' }],
    };
    expect(issuesOf(minimal)).toEqual([]);
  });

  describe('schemaVersion', () => {
    it.each([2, '1', 0])('rejects %j', (value) => {
      expect(issuesAfter((a) => (a.schemaVersion = value))).toEqual(['schemaVersion: must be 1']);
    });
    it('is required', () => {
      expect(issuesAfter((a) => delete a.schemaVersion)).toEqual([
        expect.stringMatching(/^schemaVersion: /),
      ]);
    });
  });

  describe('id', () => {
    it.each(['Bad-Id', 'a--b', '-a', 'a-', 'a_b', 'خبر', 'a b', ''])('rejects %j', (id) => {
      expect(issuesAfter((a) => (a.id = id))).toEqual([
        'id: must be lowercase a-z, 0-9 and single hyphens',
      ]);
    });
    it('accepts 120 characters and rejects 121', () => {
      expect(issuesAfter((a) => (a.id = 'a'.repeat(120)))).toEqual([]);
      expect(issuesAfter((a) => (a.id = 'a'.repeat(121)))).toEqual(['id: at most 120 characters']);
    });
    it('accepts digits and single hyphens', () => {
      expect(issuesAfter((a) => (a.id = '2026-03-01-x9'))).toEqual([]);
    });
  });

  describe('lang', () => {
    it('defaults to "ar"', () => {
      const article = goodArticle();
      delete article.lang;
      expect(parsed(article).lang).toBe('ar');
    });
    it.each(['en', 'ar-EG', 'fr-CA', 'zh-Hant-TW'])('accepts BCP 47 tag %j', (lang) => {
      expect(issuesAfter((a) => (a.lang = lang))).toEqual([]);
    });
    it.each(['ar_EG', '', '12', 'e', 'en-'])('rejects %j', (lang) => {
      expect(issuesAfter((a) => (a.lang = lang))).toEqual(['lang: must be a BCP 47 language tag']);
    });
  });

  describe('headline', () => {
    it('must not be empty', () => {
      expect(issuesAfter((a) => (a.headline = ''))).toEqual(['headline: must not be empty']);
    });
    it('must not be only bidi controls', () => {
      expect(issuesAfter((a) => (a.headline = '\u202E\u2066'))).toEqual([
        'headline: must not be empty',
      ]);
    });
    it('accepts 300 characters and rejects 301', () => {
      expect(issuesAfter((a) => (a.headline = 'ب'.repeat(300)))).toEqual([]);
      expect(issuesAfter((a) => (a.headline = 'ب'.repeat(301)))).toEqual([
        'headline: at most 300 characters',
      ]);
    });
    it('is required', () => {
      expect(issuesAfter((a) => delete a.headline)).toEqual([expect.stringMatching(/^headline: /)]);
    });
  });

  describe('summary', () => {
    it('accepts 600 characters and rejects 601', () => {
      expect(issuesAfter((a) => (a.summary = 'م'.repeat(600)))).toEqual([]);
      expect(issuesAfter((a) => (a.summary = 'م'.repeat(601)))).toEqual([
        'summary: at most 600 characters',
      ]);
    });
    it('is optional', () => {
      expect(issuesAfter((a) => delete a.summary)).toEqual([]);
    });
  });

  describe('section', () => {
    it.each(['world', 'اقتصاد', 'sport-2'])('accepts slug %j', (section) => {
      expect(issuesAfter((a) => (a.section = section))).toEqual([]);
    });
    it.each(['World News', 'a--b', 'a/b', '', '-x'])('rejects %j', (section) => {
      expect(issuesAfter((a) => (a.section = section))).toEqual([
        'section: must be letters and digits joined by single hyphens',
      ]);
    });
  });

  describe('tags', () => {
    it('rejects a tag with a bad id, an empty name or a missing name', () => {
      expect(
        issuesAfter(
          (a) =>
            (a.tags = [
              { id: 'Bad Tag', name: 'x' },
              { id: 'ok', name: '' },
            ]),
        ),
      ).toEqual([
        'tags.0.id: must be letters and digits joined by single hyphens',
        'tags.1.name: must not be empty',
      ]);
      expect(issuesAfter((a) => (a.tags = [{ id: 'ok' }]))).toEqual([
        expect.stringMatching(/^tags\.0\.name: /),
      ]);
    });
    it('rejects tags given as strings', () => {
      expect(issuesAfter((a) => (a.tags = ['energy']))).toEqual([
        expect.stringMatching(/^tags\.0: Invalid type/),
      ]);
    });
  });

  describe('dates', () => {
    it.each([
      '2026-03-01T10:00:00Z',
      '2026-03-01T10:00Z',
      '2026-03-01T10:00:00.123+03:00',
      '2024-02-29T00:00:00-05:00',
    ])('accepts %j', (date) => {
      expect(
        issuesAfter((a) => {
          a.publishedAt = date;
          delete a.updatedAt;
        }),
      ).toEqual([]);
    });
    it.each([
      '2026-02-30T10:00:00+03:00',
      '2025-02-29T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-03-01T10:00:00',
      '2026-03-01',
      '2026-03-01 10:00:00Z',
      '2026-03-01T24:00:00Z',
      '1 March 2026',
    ])('rejects publishedAt %j', (date) => {
      expect(
        issuesAfter((a) => {
          a.publishedAt = date;
          delete a.updatedAt;
        }),
      ).toEqual(['publishedAt: must be an ISO 8601 date-time with an offset']);
    });
    it('rejects an updatedAt without an offset', () => {
      expect(issuesAfter((a) => (a.updatedAt = '2026-03-01T12:30:00'))).toEqual([
        'updatedAt: must be an ISO 8601 date-time with an offset',
      ]);
    });
    it('rejects updatedAt before publishedAt, comparing instants across offsets', () => {
      expect(issuesAfter((a) => (a.updatedAt = '2026-03-01T09:59:59+03:00'))).toEqual([
        'updatedAt: must not be before publishedAt',
      ]);
      // 07:30Z is 10:30+03:00: after publishedAt although the clock reads earlier.
      expect(issuesAfter((a) => (a.updatedAt = '2026-03-01T07:30:00Z'))).toEqual([]);
      expect(issuesAfter((a) => (a.updatedAt = a.publishedAt))).toEqual([]);
    });
    it('requires publishedAt', () => {
      expect(issuesAfter((a) => delete a.publishedAt)).toEqual([
        expect.stringMatching(/^publishedAt: /),
      ]);
    });
  });

  describe('unknown fields', () => {
    it('rejects one at the top level', () => {
      expect(issuesAfter((a) => (a.headlin = 'typo'))).toEqual([
        expect.stringMatching(/^headlin: /),
      ]);
    });
    it('rejects one inside the hero image', () => {
      expect(issuesAfter((a) => ((a.hero as Json).captoin = 'typo'))).toEqual([
        expect.stringMatching(/^hero\.captoin: /),
      ]);
    });
    it('rejects one inside a block', () => {
      expect(issuesAfter((a) => (block(a, 1).level = 3))).toEqual([
        expect.stringMatching(/^body\.1\.level: /),
      ]);
    });
    it('rejects one inside an inline object', () => {
      expect(issuesAfter((a) => (block(a, 0).content = [{ text: 'x', em: true }]))).toEqual([
        expect.stringMatching(/^body\.0\.content\.0\.em: /),
      ]);
    });
    it('rejects one inside a tag and a readAlso item', () => {
      expect(
        issuesAfter((a) => {
          a.tags = [{ id: 'x', name: 'y', slug: 'x' }];
          block(a, 5).items = [{ id: 'older-story', title: 'extra' }];
        }),
      ).toEqual([
        expect.stringMatching(/^tags\.0\.slug: /),
        expect.stringMatching(/^body\.5\.items\.0\.title: /),
      ]);
    });
  });

  describe('blocks', () => {
    it('rejects an unknown block type', () => {
      expect(issuesAfter((a) => (a.body = [{ type: 'video', src: 'x' }]))).toEqual([
        'body.0.type: must be a block of type paragraph, heading, image, quote, list or readAlso',
      ]);
    });
    it.each([
      ['paragraph', { type: 'paragraph' }, 'content'],
      ['heading', { type: 'heading' }, 'text'],
      ['image', { type: 'image' }, 'image'],
      ['quote', { type: 'quote' }, 'content'],
      ['list without items', { type: 'list', ordered: true }, 'items'],
      ['list without ordered', { type: 'list', items: [] }, 'ordered'],
      ['readAlso', { type: 'readAlso' }, 'items'],
    ])('%s needs its required field', (_name, bad, field) => {
      expect(issuesAfter((a) => (a.body = [bad]))).toEqual([
        expect.stringMatching(new RegExp(`^body\\.0\\.${field}: `)),
      ]);
    });
    it('rejects an empty heading', () => {
      expect(issuesAfter((a) => (a.body = [{ type: 'heading', text: '' }]))).toEqual([
        'body.0.text: must not be empty',
      ]);
    });
    it('list items are arrays of inlines', () => {
      expect(
        issuesAfter((a) => (a.body = [{ type: 'list', ordered: true, items: ['not-a-list'] }])),
      ).toEqual([expect.stringMatching(/^body\.0\.items\.0: Invalid type/)]);
      expect(
        issuesAfter((a) => (a.body = [{ type: 'list', ordered: 'yes', items: [[7]] }])),
      ).toEqual([
        expect.stringMatching(/^body\.0\.ordered: Invalid type/),
        expect.stringMatching(/^body\.0\.items\.0\.0: Invalid type/),
      ]);
    });
    it('body must hold at least one block and be present', () => {
      expect(issuesAfter((a) => (a.body = []))).toEqual(['body: must hold at least one block']);
      expect(issuesAfter((a) => delete (a as Json).body)).toEqual([
        expect.stringMatching(/^body: /),
      ]);
    });
  });

  describe('readAlso items', () => {
    it('takes an id or a url with a title', () => {
      expect(
        issuesOf(
          { type: 'readAlso', items: [{ id: 'x' }, { url: '/article/y', title: 'ع' }] },
          BlockSchema,
        ),
      ).toEqual([]);
    });
    it('rejects an empty list, a bad id, a url without title and a javascript: url', () => {
      expect(issuesOf({ type: 'readAlso', items: [] }, BlockSchema)).toEqual([
        'items: must hold at least one link',
      ]);
      expect(
        issuesOf(
          {
            type: 'readAlso',
            items: [
              { id: 'Not An Id' },
              { url: 'https://example.com' },
              { url: 'javascript:alert(1)', title: 't' },
              { url: 'https://example.com', title: '' },
            ],
          },
          BlockSchema,
        ),
      ).toEqual([
        'items.0.id: must be lowercase a-z, 0-9 and single hyphens',
        expect.stringMatching(/^items\.1\.title: /),
        'items.2.url: javascript: URLs are not allowed',
        'items.3.title: must not be empty',
      ]);
    });
  });

  describe('inline links', () => {
    const withHref = (href: string) =>
      issuesAfter((a) => (block(a, 0).content = [{ text: 'x', href }]));

    it.each([
      ['javascript:alert(1)', 'javascript: URLs are not allowed'],
      ['JAVASCRIPT:alert(1)', 'javascript: URLs are not allowed'],
      ['java\tscript:alert(1)', 'javascript: URLs are not allowed'],
      [' javascript:alert(1)', 'javascript: URLs are not allowed'],
      ['data:text/html,<b>x</b>', 'data: URLs are not allowed'],
      ['vbscript:msgbox(1)', 'vbscript: URLs are not allowed'],
      ['blob:https://example.com/uuid', 'blob: URLs are not allowed'],
      ['ftp://example.com/x', 'ftp: URLs are not allowed'],
      ['article/x', 'in-app links must be paths starting with "/"'],
      ['./x', 'in-app links must be paths starting with "/"'],
      ['//evil.com', 'protocol-relative URLs ("//host") are not allowed'],
      ['/\\evil.com', 'protocol-relative URLs ("//host") are not allowed'],
      ['http://', 'not a valid URL'],
    ])('rejects %j', (href, message) => {
      expect(withHref(href)).toEqual([`body.0.content.0.href: ${message}`]);
    });

    it.each([
      'https://example.com/a?b=1#c',
      'http://example.com',
      'mailto:desk@example.com',
      '/article/x',
      '/section/world?page=2',
    ])('accepts %j', (href) => {
      expect(withHref(href)).toEqual([]);
    });

    it('checks links inside quotes and list items too', () => {
      expect(
        issuesAfter((a) => {
          block(a, 3).content = [{ text: 'x', href: 'data:,x' }];
          block(a, 4).items = [['a'], [{ text: 'b', href: 'javascript:x' }]];
        }),
      ).toEqual([
        'body.3.content.0.href: data: URLs are not allowed',
        'body.4.items.1.0.href: javascript: URLs are not allowed',
      ]);
    });

    it('strong must be true when present', () => {
      expect(issuesAfter((a) => (block(a, 0).content = [{ text: 'x', strong: false }]))).toEqual([
        'body.0.content.0.strong: must be true when present',
      ]);
    });

    it('an inline object needs text', () => {
      expect(issuesAfter((a) => (block(a, 0).content = [{ href: '/a' }]))).toEqual([
        expect.stringMatching(/^body\.0\.content\.0\.text: /),
      ]);
    });
  });

  describe('images', () => {
    const image = (patch: Json) =>
      issuesOf({ src: 'media/photos/a.jpg', alt: 'x', ...patch }, ImageSchema);

    it.each(['media/a.jpg', 'media/photos/2026/a b.jpg', 'media/.x.jpg'])(
      'accepts local src %j',
      (src) => {
        expect(image({ src })).toEqual([]);
      },
    );
    it.each([
      'media/../secret.jpg',
      'media/photos/../../etc/passwd',
      'media/./a.jpg',
      'media/photos/..',
      '../media/a.jpg',
      '/media/a.jpg',
      'photos/a.jpg',
      'media/a\\b.jpg',
      'media/a.jpg?x=1',
      'http://example.com/a.jpg',
      'data:image/png;base64,AAAA',
      // A line terminator of any kind must not hide a `..` segment from the rule.
      'media/x\n/../../../../etc/passwd',
      'media/x\r/../../secret.jpg',
      'media/x\u2028/../../secret.jpg',
      'media/x\u2029/../../secret.jpg',
      'media/x\u0085/../../secret.jpg',
      'media/a\u0000.jpg',
      'media/a\tb.jpg',
      'media//a.jpg',
      'media/',
      'https://cdn.example.com/a b.jpg',
      'https://cdn.example.com/a\n.jpg',
      'https://',
    ])('rejects src %j', (src) => {
      expect(image({ src })).toEqual(['src: must be a path under media/ or an https: URL']);
    });
    it('a remote image needs width and height', () => {
      expect(image({ src: 'https://cdn.example.com/a.jpg' })).toEqual([
        'width: is required for remote images',
        'height: is required for remote images',
      ]);
      expect(image({ src: 'https://cdn.example.com/a.jpg', width: 10 })).toEqual([
        'height: is required for remote images',
      ]);
      expect(image({ src: 'https://cdn.example.com/a.jpg', width: 10, height: 5 })).toEqual([]);
    });
    it('width and height are positive integers', () => {
      expect(image({ width: 0, height: 1.5 })).toEqual([
        expect.stringMatching(/^width: /),
        expect.stringMatching(/^height: /),
      ]);
    });
    it('alt is required but may be empty', () => {
      expect(issuesOf({ src: 'media/a.jpg' }, ImageSchema)).toEqual([
        expect.stringMatching(/^alt: /),
      ]);
      expect(image({ alt: '' })).toEqual([]);
    });
    it('reports errors on the hero at hero.*', () => {
      expect(issuesAfter((a) => (a.hero = { src: 'media/../x.jpg', alt: 'x' }))).toEqual([
        'hero.src: must be a path under media/ or an https: URL',
      ]);
    });
  });

  describe('text', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';

    it('removes bidi controls from headline, summary, inline text, captions and more', () => {
      const article = goodArticle() as Json & { body: Json[] };
      article.headline = `أ${controls}ب`;
      article.summary = `\u202Eملخص`;
      block(article, 0).content = [`نص\u2066`, { text: `\u202Dرابط`, href: '/a' }];
      block(article, 1).text = `ع\u2067`;
      block(article, 2).image = {
        src: 'media/x.jpg',
        alt: `\u202Bبديل`,
        caption: `تعليق\u2069`,
        credit: `\u202Aوكالة`,
      };
      block(article, 3).cite = `\u202Cقائل`;
      article.tags = [{ id: 'x', name: `\u2068وسم` }];
      const out = parsed(article);
      expect(out.headline).toBe('أب');
      expect(out.summary).toBe('ملخص');
      expect(out.body[0]).toEqual({
        type: 'paragraph',
        content: ['نص', { text: 'رابط', href: '/a' }],
      });
      expect(out.body[1]).toEqual({ type: 'heading', text: 'ع' });
      expect(out.body[2]).toEqual({
        type: 'image',
        image: { src: 'media/x.jpg', alt: 'بديل', caption: 'تعليق', credit: 'وكالة' },
      });
      expect(out.body[3]).toMatchObject({ cite: 'قائل' });
      expect(out.tags?.[0]?.name).toBe('وسم');
      expect(JSON.stringify(out)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    });

    it('keeps the marks that do not override order (LRM, RLM, ALM)', () => {
      expect(parsed({ ...goodArticle(), headline: 'أ\u200Fب\u200E\u061C' }).headline).toBe(
        'أ\u200Fب\u200E\u061C',
      );
    });

    // C0 and C1 controls (other than tab, line feed and carriage return), noncharacters and
    // lone surrogates are problems, not silently removed: they come from broken pastes and
    // encoders, the editor should see where, and XML (feed, sitemaps) cannot hold them.
    it.each([
      ['\u0000', 'the control character U+0000'],
      ['\u0008', 'the control character U+0008'],
      ['\u000B', 'the control character U+000B'],
      ['\u000C', 'the control character U+000C'],
      ['\u001B', 'the control character U+001B'],
      ['\u007F', 'the control character U+007F'],
      ['\u0085', 'the control character U+0085'],
      ['\u009F', 'the control character U+009F'],
      ['\uFFFE', 'the noncharacter U+FFFE'],
      ['\uFFFF', 'the noncharacter U+FFFF'],
      ['\uFDD0', 'the noncharacter U+FDD0'],
      ['\u{10FFFF}', 'the noncharacter U+10FFFF'],
      ['\uD800', 'a lone surrogate U+D800'],
      ['\uDFFF', 'a lone surrogate U+DFFF'],
    ])('rejects %j in every text field, naming it', (char, name) => {
      const article = goodArticle() as Json & { body: Json[] };
      article.headline = `أ${char}ب`;
      article.summary = `ملخص${char}`;
      article.dateline = char;
      article.authors = [`اسم${char}`];
      article.tags = [{ id: 'x', name: `وسم${char}` }];
      block(article, 0).content = [`نص${char}`, { text: `رابط${char}`, href: '/a' }];
      block(article, 1).text = `ع${char}`;
      block(article, 3).cite = `قائل${char}`;
      block(article, 5).items = [{ url: 'https://example.org/x', title: `خارجي${char}` }];
      (article.hero as Json).caption = `تعليق${char}`;
      const message = `must not contain ${name}`;
      expect(issuesOf(article)).toEqual([
        `headline: ${message}`,
        `summary: ${message}`,
        `tags.0.name: ${message}`,
        `dateline: ${message}`,
        `authors.0: ${message}`,
        `hero.caption: ${message}`,
        `body.0.content.0: ${message}`,
        `body.0.content.1.text: ${message}`,
        `body.1.text: ${message}`,
        `body.3.cite: ${message}`,
        `body.5.items.0.title: ${message}`,
      ]);
    });

    it('keeps tab, line feed, carriage return, astral characters and joiners', () => {
      const text = 'أ\tب\nج\r\nد 𝕏 👩\u200D💻 \u00A0\u200C';
      expect(parsed({ ...goodArticle(), headline: text }).headline).toBe(text);
    });

    it('keeps HTML-looking text literally, entities not decoded', () => {
      const html = '<script>alert(1)</script> &amp; &lt;b&gt; <img src=x onerror=alert(1)>';
      const article = goodArticle() as Json & { body: Json[] };
      article.headline = html;
      block(article, 0).content = [html, { text: html }];
      const out = parsed(article);
      expect(out.headline).toBe(html);
      expect(out.body[0]).toEqual({ type: 'paragraph', content: [html, { text: html }] });
    });
  });
});

describe('SectionListSchema', () => {
  it('accepts sections and rejects an empty list, bad ids and unknown fields', () => {
    expect(issuesOf([{ id: 'world', name: 'العالم' }], SectionListSchema)).toEqual([]);
    expect(issuesOf([], SectionListSchema)).toEqual(['(root): must list at least one section']);
    expect(
      issuesOf(
        [
          { id: 'a b', name: 'x' },
          { id: 'b', name: 'y', order: 1 },
        ],
        SectionListSchema,
      ),
    ).toEqual([
      '0.id: must be letters and digits joined by single hyphens',
      expect.stringMatching(/^1\.order: /),
    ]);
  });
});
