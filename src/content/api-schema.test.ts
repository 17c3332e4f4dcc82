import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { everyBlockPayload, rendition, storyPayload, teaser } from '#test/factories.ts';
import { StoryPayloadSchema } from './api-schema.ts';

/** A payload shaped like the build's `dist/api/articles/<id>.json`, as plain JSON. */
function demoPayload(): Record<string, unknown> {
  const payload = everyBlockPayload();
  payload.article.hero = {
    src: 'media/photos/dune-grass.jpg',
    alt: 'أعشاب برية جافة ذهبية اللون',
    caption: 'أعشاب جافة تحت شمس حارقة قرب البحر',
    credit: 'Marco Cogoni',
  };
  payload.article.tags = [{ id: 'تطوير-الويب', name: 'تطوير الويب' }];
  payload.article.authors = ['نور الهدى بنسعيد'];
  payload.article.related = ['older-story'];
  payload.media['media/photos/dune-grass.jpg'] = rendition('dune-grass');
  payload.related = [
    teaser({ id: 'older-story', image: { ...rendition('older'), alt: 'صورة' }, breaking: true }),
  ];
  return JSON.parse(JSON.stringify(payload));
}

function issuePaths(input: unknown): string[] {
  const result = v.safeParse(StoryPayloadSchema, input);
  if (result.success) return [];
  return result.issues.map((issue) => v.getDotPath(issue) ?? '');
}

describe('StoryPayloadSchema', () => {
  it('accepts a payload as the build writes it', () => {
    const input = demoPayload();
    const result = v.safeParse(StoryPayloadSchema, input);
    expect(result.issues).toBeUndefined();
    expect(result.success).toBe(true);
    expect(result.output).toEqual(input);
  });

  it('accepts the smallest story', () => {
    expect(v.safeParse(StoryPayloadSchema, storyPayload()).success).toBe(true);
  });

  it('rejects a javascript: link in a paragraph', () => {
    const input = storyPayload({
      article: {
        body: [{ type: 'paragraph', content: [{ text: 'اضغط', href: 'javascript:alert(1)' }] }],
      },
    });
    expect(v.safeParse(StoryPayloadSchema, input).success).toBe(false);
    expect(issuePaths(input)).toEqual(['article.body.0.content.0.href']);
  });

  it('rejects a disguised javascript: link in a read-also box', () => {
    const input = storyPayload({
      article: { body: [{ type: 'readAlso', items: [{ url: 'JAVA\tSCRIPT:x', title: 'فخ' }] }] },
    });
    expect(issuePaths(input)).toEqual(['article.body.0.items.0.url']);
  });

  it('rejects a rendition served from another host by a protocol-relative path', () => {
    const input = storyPayload({
      media: { 'media/a.jpg': rendition('a', { src: '//evil.example/a.jpg' }) },
    });
    expect(issuePaths(input)).toEqual(['media.media/a.jpg.src']);
  });

  it('rejects a reading time under one minute', () => {
    expect(issuePaths(storyPayload({ readingMinutes: 0 }))).toEqual(['readingMinutes']);
  });

  it('rejects unknown keys', () => {
    expect(issuePaths({ ...storyPayload(), html: '<b>x</b>' })).not.toEqual([]);
  });

  it('strips bidi override controls from text', () => {
    const result = v.parse(
      StoryPayloadSchema,
      storyPayload({ article: { headline: 'عنوان \u202Eمقلوب\u202C' } }),
    );
    expect(result.article.headline).toBe('عنوان مقلوب');
  });

  it('fills in lang "ar" when the article has none', () => {
    const input = demoPayload();
    delete (input.article as Record<string, unknown>).lang;
    expect(v.parse(StoryPayloadSchema, input).article.lang).toBe('ar');
  });
});
