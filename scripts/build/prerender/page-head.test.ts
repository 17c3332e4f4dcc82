// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { storyPayload } from '#test/factories.ts';
import { escapeHtml, headTags, pageHeads, scriptJson } from './page-head.ts';

const SITE = 'https://qari.example';
const HOSTILE = `</script><script>alert(1)</script> "quoted" 'single' & \u202Eمعكوس\u202C $' $&`;

/** The head as a browser parses it. */
function parseHead(tags: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${tags}</head><body></body></html>`,
    'text/html',
  );
}

describe('page head', () => {
  const payload = storyPayload({ article: { headline: HOSTILE, summary: `${HOSTILE} ملخص` } });
  const head = pageHeads.story(payload, SITE);
  const doc = parseHead(headTags(head, SITE));

  it('keeps a hostile headline as text in the title and every meta tag', () => {
    expect(doc.title).toContain(HOSTILE);
    for (const selector of ['meta[property="og:title"]', 'meta[name="twitter:title"]']) {
      expect(doc.querySelector(selector)?.getAttribute('content')).toContain(HOSTILE);
    }
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      `${HOSTILE} ملخص`,
    );
    // Nothing the headline holds became an element.
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelectorAll('title')).toHaveLength(1);
  });

  it('writes JSON-LD a parser reads back as a NewsArticle with the same text', () => {
    const json = JSON.parse(
      doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '',
    );
    expect(json).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: HOSTILE,
      datePublished: payload.article.publishedAt,
      mainEntityOfPage: `${SITE}/article/${payload.article.id}`,
      publisher: { '@type': 'Organization' },
    });
  });

  it('gives the canonical URL of each kind of page', () => {
    expect(
      parseHead(headTags(head, SITE)).querySelector('link[rel="canonical"]')?.getAttribute('href'),
    ).toBe(`${SITE}/article/${payload.article.id}`);
    expect(pageHeads.front({ lead: null, latest: [], rails: [] }, SITE).canonical).toBe(`${SITE}/`);
  });

  it('escapes the five HTML characters and keeps JSON inside a script closed', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    const json = scriptJson({ text: '</script>\u2028\u2029' });
    expect(json).not.toContain('</');
    expect(JSON.parse(json)).toEqual({ text: '</script>\u2028\u2029' });
  });
});
