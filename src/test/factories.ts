// Small builders of test data: each returns a valid object, and a test overrides
// only the fields it is about.
import type { Rendition, StoryPayload, Teaser } from '#content/api-schema.ts';
import type { Article, Block } from '#content/article-schema.ts';

const WORLD = { id: 'world', name: 'العالم' };

export function rendition(name = 'photo', overrides: Partial<Rendition> = {}): Rendition {
  return {
    src: `/media/photos/${name}-800.jpg`,
    width: 1600,
    height: 1000,
    srcset: `/media/photos/${name}-480.jpg 480w, /media/photos/${name}-800.jpg 800w`,
    avifSrcset: `/media/photos/${name}-480.avif 480w, /media/photos/${name}-800.avif 800w`,
    ...overrides,
  };
}

export function teaser(overrides: Partial<Teaser> = {}): Teaser {
  return {
    id: 'gulf-solar-tender',
    headline: 'مناقصة قياسية للطاقة الشمسية في الخليج',
    summary: 'سعر غير مسبوق للكيلوواط ساعة.',
    section: WORLD,
    publishedAt: '2026-11-27T09:00:00Z',
    readingMinutes: 3,
    ...overrides,
  };
}

function article(overrides: Partial<Article> = {}): Article {
  return {
    schemaVersion: 1,
    id: 'moscow-energy-talks',
    lang: 'ar',
    headline: 'محادثات في موسكو حول الطاقة',
    section: WORLD.id,
    publishedAt: '2026-11-27T10:00:00+03:00',
    body: [{ type: 'paragraph', content: ['فقرة أولى من القصة.'] }],
    ...overrides,
  };
}

export function storyPayload(
  overrides: Partial<Omit<StoryPayload, 'article'>> & { article?: Partial<Article> } = {},
): StoryPayload {
  const { article: articleOverrides, ...rest } = overrides;
  return {
    article: article(articleOverrides),
    section: WORLD,
    readingMinutes: 3,
    wordCount: 540,
    media: {},
    readAlso: {},
    related: [],
    ...rest,
  };
}

/** One block of every type, in a fixed order, with the payload data they need. */
export function everyBlockPayload(): StoryPayload {
  const body: Block[] = [
    { type: 'paragraph', content: ['نص الفقرة ', { text: 'مهم', strong: true }] },
    { type: 'heading', text: 'عنوان فرعي' },
    {
      type: 'image',
      image: {
        src: 'media/photos/port.jpg',
        alt: 'رافعات في ميناء بيروت',
        caption: 'أعمال التأهيل في الرصيف',
        credit: 'Reuters',
      },
    },
    { type: 'quote', content: ['القاعدة الذهبية أن النص نص.'], cite: 'حسام الدين يوسف' },
    { type: 'list', ordered: true, items: [['الخطوة الأولى'], ['الخطوة الثانية']] },
    { type: 'list', ordered: false, items: [['بند أ'], ['بند ب'], ['بند ج']] },
    {
      type: 'readAlso',
      items: [
        { id: 'older-story' },
        { id: 'missing-story' },
        { url: 'https://www.who.int/ar/news', title: 'منظمة الصحة العالمية' },
      ],
    },
  ];
  return storyPayload({
    article: { body },
    media: { 'media/photos/port.jpg': rendition('port') },
    readAlso: {
      'older-story': teaser({ id: 'older-story', headline: 'قصة سابقة عن الميناء' }),
    },
  });
}
