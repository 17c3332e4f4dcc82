// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SearchDocRecordSchema } from './api-schema.ts';
import { ArticleSchema, type Section } from './article-schema.ts';
import { docRecord, storyTerms } from './search-index-build.ts';
import { recordTexts, termWeights } from './story-terms.ts';

const CONTENT = path.resolve('content');

describe('a story weighed from its search record', () => {
  it('has the weights the index gives it, for every story of the demo content', () => {
    const sections = new Map(
      (JSON.parse(readFileSync(path.join(CONTENT, 'sections.json'), 'utf8')) as Section[]).map(
        (s) => [s.id, s],
      ),
    );
    const files = readdirSync(path.join(CONTENT, 'articles')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const article = v.parse(
        ArticleSchema,
        JSON.parse(readFileSync(path.join(CONTENT, 'articles', file), 'utf8')),
      );
      const record = v.parse(SearchDocRecordSchema, docRecord(article, sections));
      expect(termWeights(recordTexts(record)), file).toEqual(storyTerms(article, sections));
    }
  });

  it('refuses a record whose passages and fields disagree', () => {
    const record = {
      v: 7,
      id: 'x',
      headline: 'عنوان',
      section: { id: 'world', name: 'العالم' },
      publishedAt: '2026-01-01T00:00:00Z',
      passages: ['نص', 'نص آخر'],
      fields: 'b',
    } as const;
    expect(v.safeParse(SearchDocRecordSchema, record).success).toBe(false);
    expect(v.safeParse(SearchDocRecordSchema, { ...record, fields: 'bz' }).success).toBe(false);
    expect(v.safeParse(SearchDocRecordSchema, { ...record, fields: 'bc' }).success).toBe(true);
    expect(() => recordTexts({ ...record, passages: [...record.passages], fields: 'b' })).toThrow(
      /passage 1/,
    );
  });
});
