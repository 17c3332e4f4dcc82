import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '#content/api-schema.ts';
import { queryWords } from '#content/arabic-search-terms.ts';
import { highlightSegments, passageSegments } from './highlight.ts';

const marked = (segments: { text: string; mark: boolean }[]) =>
  segments.filter((s) => s.mark).map((s) => s.text);
const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

function doc(patch: Partial<SearchDoc>): SearchDoc {
  return {
    id: 'x',
    headline: 'عنوان',
    section: { id: 'world', name: 'العالم' },
    publishedAt: '2026-01-01T00:00:00Z',
    excerpt: '',
    ...patch,
  };
}

describe('highlightSegments', () => {
  it('marks words as written, whatever spelling matched them', () => {
    const segments = highlightSegments(
      'الجامعة الإسلامية تفتح «أبوابها»',
      queryWords('الاسلاميه ابواب'),
    );
    expect(marked(segments)).toEqual(['الإسلامية', 'أبوابها']);
    expect(joined(segments)).toBe('الجامعة الإسلامية تفتح «أبوابها»');
  });

  it('keeps diacritics, digits and Latin case of the original', () => {
    expect(
      marked(highlightSegments('ميزانيةُ ٢٠٢٦ وNASA', queryWords('ميزانية 2026 nasa'))),
    ).toEqual(['ميزانيةُ', '٢٠٢٦', 'وNASA']);
  });

  it('marks the half-typed last word by its beginning', () => {
    expect(marked(highlightSegments('الاقتصاد والاقتصادي', queryWords('الاقت')))).toEqual([
      'الاقتصاد',
      'والاقتصادي',
    ]);
  });

  it('is plain text: markup in content stays text', () => {
    const segments = highlightSegments('<b>نفط</b>', queryWords('نفط'));
    expect(segments).toEqual([
      { text: '<b>', mark: false },
      { text: 'نفط', mark: true },
      { text: '</b>', mark: false },
    ]);
  });

  it('returns the text whole when nothing matches', () => {
    expect(highlightSegments('لا شيء هنا', queryWords('نفط'))).toEqual([
      { text: 'لا شيء هنا', mark: false },
    ]);
  });
});

describe('passageSegments', () => {
  const words = Array.from({ length: 60 }, (_, i) => `كلمة${i}`);
  it('cuts a window around the first match in the body, with «…» where it was cut', () => {
    const excerpt = [...words.slice(0, 20), 'النفط', ...words.slice(20)].join(' ');
    const segments = passageSegments(
      doc({ summary: 'ملخص بلا تطابق', excerpt }),
      queryWords('نفط'),
    );
    expect(marked(segments)).toEqual(['النفط']);
    const text = joined(segments);
    expect(text.startsWith('… كلمة12 ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.split(/\s+/).filter((w) => /\p{L}/u.test(w))).toHaveLength(32);
  });

  it('prefers the summary when it matches', () => {
    const segments = passageSegments(
      doc({ summary: 'أسعار النفط ترتفع', excerpt: 'النفط أيضاً' }),
      queryWords('النفط'),
    );
    expect(joined(segments)).toBe('أسعار النفط ترتفع');
  });

  it('shows the opening of the summary when only the headline matched', () => {
    const segments = passageSegments(
      doc({ summary: 'ملخص قصير', excerpt: 'نص' }),
      queryWords('عنوان'),
    );
    expect(segments).toEqual([{ text: 'ملخص قصير', mark: false }]);
  });
});
