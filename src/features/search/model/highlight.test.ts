import { describe, expect, it } from 'vitest';
import type { SearchDocRecord } from '#content/search-index-layout.ts';
import { highlightSegments, passageSegments } from './highlight.ts';

const marked = (segments: { text: string; mark: boolean }[]) =>
  segments.filter((s) => s.mark).map((s) => s.text);
const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const forms = (...surfaces: string[]) => new Set(surfaces);

function doc(patch: Partial<SearchDocRecord>): SearchDocRecord {
  return {
    v: 7,
    id: 'x',
    headline: 'عنوان',
    section: { id: 'world', name: 'العالم' },
    publishedAt: '2026-01-01T00:00:00Z',
    passages: [],
    ...patch,
    fields: 'b'.repeat(patch.passages?.length ?? 0),
  };
}

describe('highlightSegments', () => {
  it('marks the matched forms as written, with their article and marks', () => {
    const segments = highlightSegments(
      'الجامعة الإسلامية تفتح «أبوابها»',
      forms('اسلاميه', 'ابوابها'),
    );
    expect(marked(segments)).toEqual(['الإسلامية', 'أبوابها']);
    expect(joined(segments)).toBe('الجامعة الإسلامية تفتح «أبوابها»');
  });

  it('keeps diacritics, digits and Latin case of the original', () => {
    expect(
      marked(highlightSegments('ميزانيةُ ٢٠٢٦ وNASA', forms('ميزانيه', '2026', 'nasa'))),
    ).toEqual(['ميزانيةُ', '٢٠٢٦', 'وNASA']);
  });

  it('is plain text: markup in content stays text', () => {
    expect(highlightSegments('<b>نفط</b>', forms('نفط'))).toEqual([
      { text: '<b>', mark: false },
      { text: 'نفط', mark: true },
      { text: '</b>', mark: false },
    ]);
  });

  it('returns the text whole when nothing matches', () => {
    expect(highlightSegments('لا شيء هنا', forms('نفط'))).toEqual([
      { text: 'لا شيء هنا', mark: false },
    ]);
  });
});

describe('passageSegments', () => {
  const words = Array.from({ length: 60 }, (_, i) => `كلمة${i}`);
  it('cuts a window around the first match in any text of the story, with «…» where cut', () => {
    const deep = [...words.slice(0, 20), 'النفط', ...words.slice(20)].join(' ');
    const segments = passageSegments(
      doc({ summary: 'ملخص بلا تطابق', passages: ['موسكو', 'فقرة أولى', deep] }),
      forms('نفط'),
    );
    expect(marked(segments)).toEqual(['النفط']);
    const text = joined(segments);
    expect(text.startsWith('… كلمة12 ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.split(/\s+/).filter((w) => /\p{L}/u.test(w))).toHaveLength(32);
  });

  it('finds a word only in a caption or the dateline', () => {
    const record = doc({ summary: 'ملخص', passages: ['موسكو', 'نص القصة', 'قصر الكرملين ليلاً'] });
    expect(marked(passageSegments(record, forms('كرملين')))).toEqual(['الكرملين']);
    expect(joined(passageSegments(record, forms('موسكو')))).toBe('موسكو');
  });

  it('prefers the summary when it matches', () => {
    const segments = passageSegments(
      doc({ summary: 'أسعار النفط ترتفع', passages: ['النفط أيضاً'] }),
      forms('نفط'),
    );
    expect(joined(segments)).toBe('أسعار النفط ترتفع');
  });

  it('shows the opening of the summary when only the headline matched', () => {
    const segments = passageSegments(
      doc({ summary: 'ملخص قصير', passages: ['نص'] }),
      forms('عنوان'),
    );
    expect(segments).toEqual([{ text: 'ملخص قصير', mark: false }]);
  });
});
